package org.dialogkarta.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hot and cold spots of pins in a study area, with the scale chosen from the data (the approach of
 * ArcGIS's Optimized Hot Spot Analysis):
 *
 * <ol>
 *   <li>Hexagons cover the study area only ({@link AreaHexagons}); pins outside it are not analysed.
 *   <li>The hexagon size is twice the median distance from a pin to its nearest neighbour, made
 *       larger when the area would otherwise hold more than {@link #MAX_DEFAULT_CELLS} cells.
 *   <li>Too few pins (fewer than {@link #MIN_PINS}) or too few hexagons with pins (fewer than
 *       {@link #MIN_OCCUPIED_CELLS}) get no test at all: an answer that says so, not a map of noise.
 *   <li>Global Moran's I of the hexagon counts over {@link #STEPS} distances
 *       ({@link SpatialAutocorrelation}); the band is the first distance where its z-score peaks.
 *       The distances start where a neighbourhood holds on average {@link #MIN_WINDOW_PINS} pins,
 *       because below that the normal approximation behind Gi*'s p-values fails (a window that
 *       expects 0.2 pins and holds 3 gets z = 6, though that happens once in a thousand windows),
 *       which is what made single pins "99 % hot" before. No peak: that starting distance.
 *   <li>Getis-Ord Gi* ({@link GiStar}) over the area's hexagons, two-sided p-values, the
 *       Benjamini–Hochberg correction over them ({@link FalseDiscoveryRate}), seven classes.
 * </ol>
 *
 * A given cell size or band replaces its rule; the rest stays. Plain Java, no database.
 */
public final class Hotspots {

  public static final int MIN_PINS = 30;
  public static final int MIN_OCCUPIED_CELLS = 10;
  public static final int MIN_WINDOW_PINS = 3;
  public static final int MAX_DEFAULT_CELLS = 20_000;
  public static final double MIN_CELL_SIZE = 10;
  static final int STEPS = 15;
  static final double SIGNIFICANT_Z = 1.96;
  /** Neighbour pairs the incremental Moran's I may visit across its widest band. */
  static final double MAX_PAIRS = 150_000_000;
  private static final int NEIGHBOUR_SAMPLE = 20_000;
  private static final long[] NO_PINS = new long[0];

  /** Whether a test was made, and if not, why. */
  public enum Outcome {
    TESTED, TOO_FEW_PINS, TOO_FEW_CELLS
  }

  /**
   * The analysis. {@code cells} is null when there were no pins in the area; the per-cell arrays
   * are indexed like it. {@code scale} is null when no test was made.
   */
  public record Result(Outcome outcome, HotspotScale scale, AreaHexagons cells, int[] counts,
      double[] zScores, double[] pValues, double[] adjusted, HotspotClass[] classes, long[][] pinIds,
      int pinsAnalysed, int pinsOutside, int occupiedCells) {

    /**
     * Hot places: hot hexagons (90 % or more) within one distance band of each other belong to
     * one place (they answer for overlapping neighbourhoods), numbered from 1 in cell order; 0 for
     * a hexagon that is not hot. What a planner counts as "a place".
     */
    public int[] hotPlaces() {
      int n = classes.length;
      int[] place = new int[n];
      if (scale == null) {
        return place;
      }
      int[] hot = java.util.stream.IntStream.range(0, n).filter(c -> classes[c].isHot()).toArray();
      double reach2 = scale.distanceBand() * scale.distanceBand() * (1 + 1e-9);
      int next = 0;
      int[] stack = new int[hot.length];
      for (int start = 0; start < hot.length; start++) {
        if (place[hot[start]] != 0) {
          continue;
        }
        place[hot[start]] = ++next;
        int top = 0;
        stack[top++] = hot[start];
        while (top > 0) {
          int cell = stack[--top];
          for (int other : hot) {
            double dx = cells.centreX(other) - cells.centreX(cell);
            double dy = cells.centreY(other) - cells.centreY(cell);
            if (place[other] == 0 && dx * dx + dy * dy <= reach2) {
              place[other] = next;
              stack[top++] = other;
            }
          }
        }
      }
      return place;
    }
  }

  private Hotspots() {}

  public static Result analyse(PinSample sample, StudyArea area, Double givenCellSize, Double givenBand) {
    double nearest = medianNearestNeighbour(sample, area);
    double cellSize;
    HotspotScale.CellReason cellReason;
    if (givenCellSize != null) {
      cellSize = givenCellSize;
      cellReason = HotspotScale.CellReason.GIVEN;
    } else {
      double spacing = Double.isFinite(nearest) ? 2 * nearest : MIN_CELL_SIZE;
      double limit = Math.sqrt(area.area() / (MAX_DEFAULT_CELLS * Math.sqrt(3) / 2));
      cellReason = spacing >= limit ? HotspotScale.CellReason.SPACING : HotspotScale.CellReason.CELL_LIMIT;
      cellSize = roundUp(Math.max(MIN_CELL_SIZE, Math.max(spacing, limit)));
      if (givenBand != null && cellSize > givenBand) {
        cellSize = givenBand;
      }
    }
    Counted fine = Counted.of(sample, area, cellSize);
    if (fine.analysed() < MIN_PINS || fine.occupied() < MIN_OCCUPIED_CELLS) {
      Outcome why = fine.analysed() < MIN_PINS ? Outcome.TOO_FEW_PINS : Outcome.TOO_FEW_CELLS;
      int n = fine.cells().count();
      return new Result(why, null, fine.cells(), fine.counts(), nan(n), nan(n), nan(n), notSignificant(n),
          fine.members(sample), fine.analysed(), fine.outside(), fine.occupied());
    }
    HotspotScale scale = givenBand != null
        ? new HotspotScale(cellSize, cellReason, nearest, givenBand, HotspotScale.BandReason.GIVEN, List.of())
        : chooseBand(fine, cellSize, cellReason, nearest, area.area());
    // The band is read off the fine grid; the hexagons shown are half the band across (unless
    // given), so that each is weighed against its two rings of neighbours and a hot place is a
    // hexagon or two, not a disc of a hundred small empty ones around one busy corner.
    Counted grid = fine;
    double coarse = roundUp(scale.distanceBand() / 2);
    if (givenCellSize == null && coarse > cellSize) {
      grid = Counted.of(sample, area, coarse);
      scale = scale.withCell(coarse, HotspotScale.CellReason.HALF_BAND);
    }
    AreaHexagons cells = grid.cells();
    int n = cells.count();
    double[] xs = grid.xs();
    double[] ys = grid.ys();
    double[] values = grid.values();
    double[] z = GiStar.zScores(xs, ys, values, scale.distanceBand());
    double[] p = new double[n];
    for (int c = 0; c < n; c++) {
      p[c] = Normal.twoSidedP(z[c]);
    }
    double[] adjusted = FalseDiscoveryRate.adjust(p);
    HotspotClass[] classes = new HotspotClass[n];
    for (int c = 0; c < n; c++) {
      classes[c] = HotspotClass.of(z[c], adjusted[c]);
    }
    return new Result(Outcome.TESTED, scale, cells, grid.counts(), z, p, adjusted, classes, grid.members(sample),
        grid.analysed(), grid.outside(), grid.occupied());
  }

  /** The smallest band at which a neighbourhood holds {@link #MIN_WINDOW_PINS} pins on average. */
  static double startingBand(double cellSize, double squareMetres, int pins) {
    double adequate = Math.sqrt(MIN_WINDOW_PINS * squareMetres / (Math.PI * Math.max(1, pins)));
    return roundUp(Math.max(cellSize * 1.01, adequate));
  }

  private static HotspotScale chooseBand(Counted fine, double cellSize, HotspotScale.CellReason cellReason,
      double nearest, double squareMetres) {
    double[] xs = fine.xs();
    double[] ys = fine.ys();
    double[] values = fine.values();
    double start = startingBand(cellSize, squareMetres, fine.analysed());
    double increment = roundUp(Math.max(cellSize / 2, start / 4));
    double cellArea = cellSize * cellSize * Math.sqrt(3) / 2;
    List<Double> distances = new ArrayList<>();
    for (int k = 0; k < STEPS; k++) {
      double d = start + k * increment;
      if (k > 0 && xs.length * Math.PI * d * d / cellArea > MAX_PAIRS) {
        break;
      }
      distances.add(d);
    }
    double[] bands = distances.stream().mapToDouble(Double::doubleValue).toArray();
    List<SpatialAutocorrelation.Step> series = SpatialAutocorrelation.incremental(xs, ys, values, bands);
    // The first peak: a z-score above the one before and the one after a run of equal ones
    // (neighbouring bands can hold the same hexagons); the last distance is never a peak.
    int peak = -1;
    boolean significant = false;
    for (int k = 0; k < series.size() && peak < 0; k++) {
      double z = series.get(k).zScore();
      significant |= z >= SIGNIFICANT_Z;
      int next = k + 1;
      while (next < series.size() && series.get(next).zScore() == z) {
        next++;
      }
      double before = k == 0 ? Double.NEGATIVE_INFINITY : series.get(k - 1).zScore();
      if (z >= SIGNIFICANT_Z && z > before && next < series.size() && z > series.get(next).zScore()) {
        peak = k;
      }
    }
    HotspotScale.BandReason reason;
    double band;
    if (peak > 0) {
      reason = HotspotScale.BandReason.PEAK;
      band = bands[peak];
    } else if (peak == 0) {
      reason = HotspotScale.BandReason.FIRST;
      band = bands[0];
    } else {
      reason = significant ? HotspotScale.BandReason.RISING : HotspotScale.BandReason.NONE;
      band = bands[0];
    }
    return new HotspotScale(cellSize, cellReason, nearest, band, reason, series);
  }

  /**
   * The median distance from a pin in the area to its nearest neighbour at another position
   * (coincident pins say nothing about spacing), over an evenly spread sample of at most
   * {@value #NEIGHBOUR_SAMPLE} pins; NaN when no pin has such a neighbour.
   */
  static double medianNearestNeighbour(PinSample sample, StudyArea area) {
    int n = sample.size();
    if (n < 2) {
      return Double.NaN;
    }
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = sample.x(i);
      ys[i] = sample.y(i);
    }
    double spacing = Math.max(1, Math.sqrt(area.area() / n));
    GridIndex grid = new GridIndex(xs, ys, n, spacing);
    int stride = Math.max(1, n / NEIGHBOUR_SAMPLE);
    double[] found = new double[n / stride + 1];
    int m = 0;
    for (int i = 0; i < n; i += stride) {
      if (!area.contains(xs[i], ys[i])) {
        continue;
      }
      double d = nearest(grid, xs, ys, i);
      if (Double.isFinite(d)) {
        found[m++] = d;
      }
    }
    if (m == 0) {
      return Double.NaN;
    }
    Arrays.sort(found, 0, m);
    return m % 2 == 1 ? found[m / 2] : (found[m / 2 - 1] + found[m / 2]) / 2;
  }

  /** Ring by ring outwards through the grid, until no closer point can lie further out. */
  private static double nearest(GridIndex grid, double[] xs, double[] ys, int i) {
    int cx = grid.cellX[grid.cellOf[i]];
    int cy = grid.cellY[grid.cellOf[i]];
    double best2 = Double.POSITIVE_INFINITY;
    for (int ring = 0; ring <= 256; ring++) {
      double reach = (ring - 1) * grid.cellSize;
      if (ring > 0 && reach > 0 && reach * reach >= best2) {
        break;
      }
      for (int dx = -ring; dx <= ring; dx++) {
        for (int dy = -ring; dy <= ring; dy++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) != ring) {
            continue;
          }
          int cell = grid.cell(cx + dx, cy + dy);
          if (cell < 0) {
            continue;
          }
          for (int k = grid.cellStart[cell], end = grid.cellStart[cell + 1]; k < end; k++) {
            int j = grid.order[k];
            double ddx = xs[j] - xs[i];
            double ddy = ys[j] - ys[i];
            double d2 = ddx * ddx + ddy * ddy;
            if (d2 > 0 && d2 < best2) {
              best2 = d2;
            }
          }
        }
      }
    }
    return Math.sqrt(best2);
  }

  /** Two significant figures, rounded up: 163.2 becomes 170, 16.3 becomes 17. */
  static double roundUp(double metres) {
    double power = Math.pow(10, Math.floor(Math.log10(metres)) - 1);
    return Math.ceil(metres / power - 1e-9) * power;
  }

  /** Pins counted into the area's hexagons of one size. */
  private record Counted(AreaHexagons cells, int[] cellOfPin, int[] counts, int analysed, int outside, int occupied) {

    static Counted of(PinSample sample, StudyArea area, double size) {
      AreaHexagons cells = AreaHexagons.of(area, size);
      int[] cellOfPin = new int[sample.size()];
      int outside = 0;
      for (int i = 0; i < sample.size(); i++) {
        double x = sample.x(i);
        double y = sample.y(i);
        int cell = cells.cellOf(x, y);
        if (cell < 0 && area.contains(x, y)) {
          cell = cells.admit(x, y);
        }
        cellOfPin[i] = cell;
        outside += cell < 0 ? 1 : 0;
      }
      int[] counts = new int[cells.count()];
      int occupied = 0;
      for (int cell : cellOfPin) {
        if (cell >= 0 && counts[cell]++ == 0) {
          occupied++;
        }
      }
      return new Counted(cells, cellOfPin, counts, sample.size() - outside, outside, occupied);
    }

    double[] xs() {
      double[] xs = new double[cells.count()];
      for (int c = 0; c < xs.length; c++) {
        xs[c] = cells.centreX(c);
      }
      return xs;
    }

    double[] ys() {
      double[] ys = new double[cells.count()];
      for (int c = 0; c < ys.length; c++) {
        ys[c] = cells.centreY(c);
      }
      return ys;
    }

    double[] values() {
      double[] values = new double[counts.length];
      for (int c = 0; c < values.length; c++) {
        values[c] = counts[c];
      }
      return values;
    }

    /** The pin ids of each cell, ascending (the sample is ordered by id). */
    long[][] members(PinSample sample) {
      long[][] members = new long[counts.length][];
      int[] filled = new int[counts.length];
      for (int i = 0; i < sample.size(); i++) {
        int c = cellOfPin[i];
        if (c < 0) {
          continue;
        }
        if (members[c] == null) {
          members[c] = new long[counts[c]];
        }
        members[c][filled[c]++] = sample.id(i);
      }
      for (int c = 0; c < counts.length; c++) {
        if (members[c] == null) {
          members[c] = NO_PINS;
        }
      }
      return members;
    }
  }

  private static double[] nan(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  private static HotspotClass[] notSignificant(int n) {
    HotspotClass[] a = new HotspotClass[n];
    Arrays.fill(a, HotspotClass.NOT_SIGNIFICANT);
    return a;
  }
}
