package org.dialogkarta.analysis;

import java.util.List;
import java.util.Locale;

/**
 * The scale of a hotspot analysis and why (the sentences that say so are in the message bundles,
 * {@code analysis.hotspots.scale.*}, written by the API): the hexagon size (from the pins' nearest-neighbour
 * spacing, or given), the distance band (from the first peak of spatial autocorrelation, a stated
 * fallback, or given), and the autocorrelation series it was read from, so a planner can say in
 * a council meeting why the map looks as it does.
 */
public record HotspotScale(
    double cellSize,
    CellReason cellReason,
    double nearestNeighbour,
    double distanceBand,
    BandReason bandReason,
    List<SpatialAutocorrelation.Step> series) {

  /** How the hexagon size was chosen. */
  public enum CellReason {
    /** Twice the median distance from a pin to its nearest neighbour. */
    SPACING,
    /** The spacing would give more than {@link Hotspots#MAX_DEFAULT_CELLS} cells in the area. */
    CELL_LIMIT,
    /** Half the distance band, so that a hexagon sees two rings of neighbours. */
    HALF_BAND,
    /** The planner gave it. */
    GIVEN
  }

  /** How the distance band was chosen. */
  public enum BandReason {
    /** The first peak of Moran's I z-score over the tested distances. */
    PEAK,
    /** Moran's I z-score was highest at the first distance tested and falls after it. */
    FIRST,
    /** Significant autocorrelation that grows over every distance tested: no peak. */
    RISING,
    /** No significant autocorrelation at any distance tested. */
    NONE,
    /** The planner gave it. */
    GIVEN
  }

  public HotspotScale {
    series = List.copyOf(series);
  }

  /** The same scale shown on hexagons of another size. */
  public HotspotScale withCell(double size, CellReason reason) {
    return new HotspotScale(size, reason, nearestNeighbour, distanceBand, bandReason, series);
  }

  public String code() {
    return bandReason.name().toLowerCase(Locale.ROOT);
  }

  /** The cell reason as the answer and the message keys name it: spacing, cell_limit, half_band, given. */
  public String cellCode() {
    return cellReason.name().toLowerCase(Locale.ROOT);
  }
}
