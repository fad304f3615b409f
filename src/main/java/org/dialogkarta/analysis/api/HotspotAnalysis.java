package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.analysis.HexGrid;
import org.dialogkarta.analysis.HotspotClass;
import org.dialogkarta.analysis.HotspotScale;
import org.dialogkarta.analysis.Hotspots;
import org.dialogkarta.analysis.PinSample;
import org.dialogkarta.analysis.StudyArea;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Service;

/**
 * Hot and cold spots of a planner's selection ({@link Hotspots}): hexagons over the selection's
 * study area ({@link StudyAreas}) only, the scale chosen from the data unless the planner gives
 * it, Gi* with the Benjamini–Hochberg correction, seven classes. The answer carries the scale and
 * the sentence that explains it, or says that there are too few pins for a test.
 */
@Service
public class HotspotAnalysis {

  public static final double MAX_SIZE = 50_000;
  /** Neighbour pairs Gi* may visit; beyond this a band is too wide for its grid to answer promptly. */
  static final double MAX_PAIRS = 400_000_000;

  /** One hexagon as returned (only those with pins or a significant class). */
  public record Cell(String id, Polygon hexagon, int count, double zScore, double pValue, double pAdjusted,
      HotspotClass hotspotClass, long[] pinIds, int hotPlace) {}

  /**
   * The hexagons in {@code srid}; {@code scale} null when no test was made, {@code studyArea} null
   * when there was nothing to analyse.
   */
  public record Result(int srid, int pinCount, int cellCount, List<Cell> cells, Hotspots.Outcome outcome,
      HotspotScale scale, StudyArea studyArea, int pinsOutside, int pinsAnalysed, int hotPlaces) {

    public boolean tested() {
      return outcome == Hotspots.Outcome.TESTED;
    }

    /** The hexagon size used, or null when no test was made. */
    public Double cellSize() {
      return scale == null ? null : scale.cellSize();
    }

    /** The distance band used, or null when no test was made. */
    public Double distanceBand() {
      return scale == null ? null : scale.distanceBand();
    }
  }

  private final AnalysisPins pins;
  private final StudyAreas studyAreas;

  HotspotAnalysis(AnalysisPins pins, StudyAreas studyAreas) {
    this.pins = pins;
    this.studyAreas = studyAreas;
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
    StudyArea area = sample.size() == 0 ? null : studyAreas.of(filter);
    if (area == null) {
      return new Result(srid, 0, 0, List.of(), Hotspots.Outcome.TOO_FEW_PINS, null, null, sample.size(), 0, 0);
    }
    if (cellSize != null && distanceBand != null) {
      double neighbours = Math.PI * distanceBand * distanceBand / (cellSize * cellSize * Math.sqrt(3) / 2);
      double cells = area.area() / (cellSize * cellSize * Math.sqrt(3) / 2);
      if (cells <= HexGrid.MAX_CELLS && cells * neighbours > MAX_PAIRS) {
        throw InvalidInputException.of("distanceBand", "distanceBand.tooWide", "'distanceBand' " + distanceBand
            + " m gives each of about " + Math.round(cells) + " hexagons about " + Math.round(neighbours)
            + " neighbours; choose a narrower band or larger hexagons");
      }
    }
    Hotspots.Result r;
    try {
      r = Hotspots.analyse(sample, area, cellSize, distanceBand);
    } catch (HexGrid.TooManyCells e) {
      throw InvalidInputException.of("cellSize", "cellSize.tooManyCells", "'cellSize' " + cellSize
          + " m makes a grid of about " + Math.round(e.cells()) + " hexagons over the study area; at most "
          + HexGrid.MAX_CELLS + " are allowed, so choose a larger size");
    }
    GeometryFactory factory = new GeometryFactory(new PrecisionModel(), srid);
    List<Cell> cells = new ArrayList<>();
    int[] place = r.hotPlaces();
    int places = 0;
    for (int c = 0; r.outcome() == Hotspots.Outcome.TESTED && c < r.cells().count(); c++) {
      HotspotClass kind = r.classes()[c];
      if (r.counts()[c] > 0 || kind != HotspotClass.NOT_SIGNIFICANT) {
        cells.add(new Cell(r.cells().id(c), r.cells().polygon(c, factory), r.counts()[c], r.zScores()[c],
            r.pValues()[c], r.adjusted()[c], kind, r.pinIds()[c], place[c]));
        places = Math.max(places, place[c]);
      }
    }
    return new Result(srid, sample.size(), r.cells().count(), cells, r.outcome(), r.scale(), area, r.pinsOutside(),
        r.pinsAnalysed(), places);
  }

  private static void check(String field, Double metres) {
    if (metres != null && (!(metres > 0) || metres > MAX_SIZE)) {
      throw InvalidInputException.of(field, field + ".range",
          "'" + field + "' is in metres: more than 0 and at most " + (int) MAX_SIZE + ", not " + metres);
    }
  }
}
