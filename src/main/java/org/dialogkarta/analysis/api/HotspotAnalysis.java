package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.analysis.FalseDiscoveryRate;
import org.dialogkarta.analysis.GiStar;
import org.dialogkarta.analysis.HexGrid;
import org.dialogkarta.analysis.HotspotClass;
import org.dialogkarta.analysis.Normal;
import org.dialogkarta.analysis.PinSample;
import org.dialogkarta.web.InvalidInputException;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Service;

/**
 * Hot and cold spots of a planner's selection: pins counted in hexagons, Getis-Ord Gi* over the
 * counts of every hexagon of the grid (empty ones too: they are where nobody pinned), two-sided
 * p-values, the Benjamini–Hochberg correction over all hexagons, and a class per hexagon as
 * ArcGIS reports it. The grid covers the extent of the selected pins.
 *
 * <p>Defaults: the hexagon size is chosen from the extent so that the grid has about 6,000
 * cells (between roughly 2,500 and 16,000), rounded to 1, 2 or 5 times a power of ten, at least
 * 10 m. The distance band is twice the size: a hexagon sees itself and its two rings of
 * neighbours (18 cells), enough to tell a hot place from one busy hexagon.
 */
@Service
public class HotspotAnalysis {

  public static final double MAX_SIZE = 50_000;
  public static final double MIN_DEFAULT_SIZE = 10;
  static final double TARGET_CELLS = 6_300;
  /** Neighbour pairs Gi* may visit; beyond this a band is too wide for its grid to answer promptly. */
  static final double MAX_PAIRS = 400_000_000;

  /** One hexagon as returned (only those with pins or a significant class). */
  public record Cell(String id, Polygon hexagon, int count, double zScore, double pValue, double pAdjusted,
      HotspotClass hotspotClass, long[] pinIds) {}

  /** The hexagons in {@code srid}; cellSize and distanceBand as used (null when there were no pins). */
  public record Result(int srid, Double cellSize, Double distanceBand, int pinCount, int cellCount, List<Cell> cells) {}

  private final AnalysisPins pins;

  HotspotAnalysis(AnalysisPins pins) {
    this.pins = pins;
  }

  public Result hotspots(AnalysisFilter filter, Double cellSize, Double distanceBand) {
    check("cellSize", cellSize);
    check("distanceBand", distanceBand);
    if (cellSize != null && distanceBand != null && distanceBand < cellSize) {
      throw InvalidInputException.of("distanceBand", "distanceBand.belowCellSize",
          "'distanceBand' (" + distanceBand + ") must be at least 'cellSize' (" + cellSize
              + ") so that a hexagon sees its neighbours");
    }
    PinSample sample = pins.load(filter);
    int srid = pins.srid();
    if (sample.size() == 0) {
      return new Result(srid, cellSize, distanceBand, 0, 0, List.of());
    }
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < sample.size(); i++) {
      minX = Math.min(minX, sample.x(i));
      minY = Math.min(minY, sample.y(i));
      maxX = Math.max(maxX, sample.x(i));
      maxY = Math.max(maxY, sample.y(i));
    }
    double size = cellSize != null ? cellSize : defaultSize(maxX - minX, maxY - minY);
    double band = distanceBand != null ? distanceBand : 2 * size;
    if (band < size) {
      throw InvalidInputException.of("distanceBand", "distanceBand.belowCellSize",
          "'distanceBand' (" + band + ") must be at least the hexagon size (" + size + ")");
    }
    HexGrid grid;
    try {
      grid = HexGrid.covering(minX, minY, maxX, maxY, size);
    } catch (HexGrid.TooManyCells e) {
      throw InvalidInputException.of("cellSize", "cellSize.tooManyCells", "'cellSize' " + size
          + " m makes a grid of about " + Math.round(e.cells()) + " hexagons over these pins; at most "
          + HexGrid.MAX_CELLS + " are allowed, so choose a larger size");
    }
    double neighbours = Math.PI * band * band / (size * size * Math.sqrt(3) / 2);
    if (grid.cellCount() * neighbours > MAX_PAIRS) {
      throw InvalidInputException.of("distanceBand", "distanceBand.tooWide", "'distanceBand' " + band
          + " m gives each of " + grid.cellCount() + " hexagons about " + Math.round(neighbours)
          + " neighbours; choose a narrower band or larger hexagons");
    }
    int n = grid.cellCount();
    int[] cellOfPin = new int[sample.size()];
    int[] counts = new int[n];
    for (int i = 0; i < sample.size(); i++) {
      cellOfPin[i] = grid.cellOf(sample.x(i), sample.y(i));
      counts[cellOfPin[i]]++;
    }
    double[] xs = new double[n];
    double[] ys = new double[n];
    double[] values = new double[n];
    for (int c = 0; c < n; c++) {
      xs[c] = grid.centreX(c);
      ys[c] = grid.centreY(c);
      values[c] = counts[c];
    }
    double[] z = GiStar.zScores(xs, ys, values, band);
    double[] p = new double[n];
    for (int c = 0; c < n; c++) {
      p[c] = Normal.twoSidedP(z[c]);
    }
    double[] adjusted = FalseDiscoveryRate.adjust(p);
    long[][] members = members(sample, cellOfPin, counts);
    GeometryFactory factory = new GeometryFactory(new PrecisionModel(), srid);
    List<Cell> cells = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      HotspotClass kind = HotspotClass.of(z[c], adjusted[c]);
      if (counts[c] > 0 || kind != HotspotClass.NOT_SIGNIFICANT) {
        cells.add(new Cell(grid.id(c), grid.polygon(c, factory), counts[c], z[c], p[c], adjusted[c], kind,
            members[c] == null ? new long[0] : members[c]));
      }
    }
    return new Result(srid, size, band, sample.size(), n, cells);
  }

  /** The pin ids of each non-empty cell, ascending (the sample is ordered by id). */
  private static long[][] members(PinSample sample, int[] cellOfPin, int[] counts) {
    long[][] members = new long[counts.length][];
    int[] filled = new int[counts.length];
    for (int i = 0; i < sample.size(); i++) {
      int c = cellOfPin[i];
      if (members[c] == null) {
        members[c] = new long[counts[c]];
      }
      members[c][filled[c]++] = sample.id(i);
    }
    return members;
  }

  /** About {@link #TARGET_CELLS} hexagons over the extent, rounded to 1, 2 or 5 x 10^k metres. */
  static double defaultSize(double width, double height) {
    double area = Math.max(width, 1) * Math.max(height, 1);
    double ideal = Math.sqrt(area / (TARGET_CELLS * Math.sqrt(3) / 2));
    double power = Math.pow(10, Math.floor(Math.log10(ideal)));
    double best = power;
    for (double step : new double[] {1, 2, 5, 10}) {
      if (Math.abs(Math.log(step * power / ideal)) < Math.abs(Math.log(best / ideal))) {
        best = step * power;
      }
    }
    return Math.min(MAX_SIZE, Math.max(MIN_DEFAULT_SIZE, best));
  }

  private static void check(String field, Double metres) {
    if (metres != null && (!(metres > 0) || metres > MAX_SIZE)) {
      throw InvalidInputException.of(field, field + ".range",
          "'" + field + "' is in metres: more than 0 and at most " + (int) MAX_SIZE + ", not " + metres);
    }
  }
}
