#!/usr/bin/env Rscript
# Writes the independent reference for Dialogkarta's hotspot pipeline (HotspotsSpdepTest):
# pins in an L-shaped study area, counted into pointy-top hexagons (Dialogkarta's cell convention:
# centre of axial (q, r) at x = s (q + r/2), y = s sqrt(3)/2 r), the cells being those whose centre
# lies in the area plus those holding a pin that lies in it; then R's spdep computes
#   - Gi* z-values: localG with a binary distance band that includes each cell itself, and
#   - global Moran's I and its z-score under randomisation at several distance bands (moran.test).
# Counting is done here with sf polygons, independently of the Java code.
# Run from the repository root:  Rscript scripts/reference/spdep-hotspots.R
# Needs Debian's r-cran-spdep (which brings r-cran-sf). Output: src/test/resources/reference/.
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})

set.seed(20261204)
size <- 100          # hexagon size: distance between neighbouring centres, metres
band <- 250          # Gi* distance band, metres
moran_bands <- c(150, 250, 400, 600)

# An L-shaped study area, 3 km by 2 km with the north-east quarter cut away.
area_wkt <- "POLYGON((0 0, 3000 0, 3000 1000, 1500 1000, 1500 2000, 0 2000, 0 0))"
area <- st_as_sfc(area_wkt)

# Pins: 400 uniform over the area's envelope (some fall outside the area), two dense spots.
background <- cbind(runif(400, -200, 3200), runif(400, -200, 2200))
spot <- function(n, cx, cy, r) {
  rr <- r * sqrt(runif(n)); a <- runif(n, 0, 2 * pi)
  cbind(cx + rr * cos(a), cy + rr * sin(a))
}
pins <- rbind(background, spot(60, 700, 1500, 120), spot(40, 2400, 500, 80))
pins <- round(pins, 3)

hexagon <- function(cx, cy) {
  radius <- size / sqrt(3)
  angles <- (30 + 60 * 0:5) * pi / 180
  ring <- cbind(cx + radius * cos(angles), cy + radius * sin(angles))
  st_polygon(list(rbind(ring, ring[1, ])))
}

# Every hexagon whose centre lies in the envelope widened by a cell.
row_height <- size * sqrt(3) / 2
cells <- data.frame()
for (r in floor(-200 / row_height):ceiling(2200 / row_height)) {
  for (q in floor(-200 / size - r / 2):ceiling(3200 / size - r / 2)) {
    cells <- rbind(cells, data.frame(q = q, r = r, x = size * (q + r / 2), y = row_height * r))
  }
}
hexes <- st_sfc(mapply(hexagon, cells$x, cells$y, SIMPLIFY = FALSE))
centre_in <- lengths(st_intersects(st_as_sf(cells, coords = c("x", "y")), area)) > 0

pin_points <- st_as_sf(data.frame(x = pins[, 1], y = pins[, 2]), coords = c("x", "y"))
pin_in <- lengths(st_intersects(pin_points, area)) > 0
pin_cell <- sapply(st_intersects(pin_points, hexes), function(i) if (length(i)) i[1] else NA)

keep <- centre_in
keep[unique(pin_cell[pin_in])] <- TRUE
counted <- pin_cell
counted[!(pin_cell %in% which(keep))] <- NA
counts <- tabulate(counted, nbins = nrow(cells))

grid <- cells[keep, ]
grid$count <- counts[keep]
coords <- as.matrix(grid[, c("x", "y")])

nb <- include.self(dnearneigh(coords, 0, band * (1 + 1e-9)))
grid$z <- as.numeric(localG(grid$count, nb2listw(nb, style = "B")))

moran <- do.call(rbind, lapply(moran_bands, function(d) {
  m <- moran.test(grid$count, nb2listw(dnearneigh(coords, 0, d * (1 + 1e-9)), style = "B"),
                  randomisation = TRUE)
  data.frame(band = d, moransI = unname(m$estimate[1]), zScore = unname(m$statistic))
}))

out <- "src/test/resources/reference"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
header <- c(
  "# Made by scripts/reference/spdep-hotspots.R with R's spdep (Debian r-cran-spdep); do not edit.",
  paste0("# area ", area_wkt),
  paste0("# cellSize ", size, " distanceBand ", band))
writeLines(c(header, "x,y", sprintf("%.3f,%.3f", pins[, 1], pins[, 2])),
           file.path(out, "spdep-pins.csv"))
writeLines(c(header, "q,r,count,z", sprintf("%d,%d,%d,%.12f", grid$q, grid$r, grid$count, grid$z)),
           file.path(out, "spdep-gistar.csv"))
writeLines(c(header, "band,moransI,zScore", sprintf("%g,%.12f,%.12f", moran$band, moran$moransI, moran$zScore)),
           file.path(out, "spdep-moran.csv"))
cat("cells:", nrow(grid), " pins counted:", sum(grid$count), " of", nrow(pins), "\n")
