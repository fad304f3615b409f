package org.dialogkarta.analysis;

import java.util.List;
import java.util.Locale;

/**
 * The scale of a hotspot analysis and why: the hexagon size (from the pins' nearest-neighbour
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

  /** The sentence the analysis map shows beside its legend, in Swedish ("sv") or English. */
  public String explanation(String language) {
    boolean sv = !"en".equals(language);
    String cell = metres(cellSize, sv);
    String band = metres(distanceBand, sv);
    String first = series.isEmpty() ? band : metres(series.getFirst().distance(), sv);
    String last = series.isEmpty() ? band : metres(series.getLast().distance(), sv);
    String bandPart = switch (bandReason) {
      case PEAK -> sv
          ? "Avståndsbandet " + band + " är där den rumsliga autokorrelationen (Morans I) har sin första topp."
          : "The distance band of " + band + " is the first peak of spatial autocorrelation (Moran's I).";
      case FIRST -> sv
          ? "Avståndsbandet " + band + ": den rumsliga autokorrelationen (Morans I) är starkast vid det minsta prövade avståndet och avtar sedan."
          : "The distance band of " + band + ": spatial autocorrelation (Moran's I) is strongest at the shortest distance tried and falls after it.";
      case RISING -> sv
          ? "Ingen topp i den rumsliga autokorrelationen mellan " + first + " och " + last + "; avståndsbandet "
              + band + " är det minsta där ett grannskap i snitt rymmer " + Hotspots.MIN_WINDOW_PINS + " synpunkter."
          : "No peak of spatial autocorrelation between " + first + " and " + last + "; the distance band of "
              + band + " is the smallest at which a neighbourhood holds " + Hotspots.MIN_WINDOW_PINS + " comments on average.";
      case NONE -> sv
          ? "Ingen signifikant rumslig klustring mellan " + first + " och " + last + "; avståndsbandet "
              + band + " är det minsta där ett grannskap i snitt rymmer " + Hotspots.MIN_WINDOW_PINS + " synpunkter."
          : "No significant spatial clustering between " + first + " and " + last + "; the distance band of "
              + band + " is the smallest at which a neighbourhood holds " + Hotspots.MIN_WINDOW_PINS + " comments on average.";
      case GIVEN -> sv ? "Avståndsbandet " + band + " är valt av dig." : "The distance band of " + band + " is your choice.";
    };
    String cellPart = switch (cellReason) {
      case SPACING -> sv
          ? "Hexagonerna är " + cell + " breda, två gånger medianavståndet mellan en synpunkt och dess närmaste granne (" + metres(nearestNeighbour, sv) + ")."
          : "Hexagons are " + cell + " across, twice the median distance from a comment to its nearest neighbour (" + metres(nearestNeighbour, sv) + ").";
      case CELL_LIMIT -> sv
          ? "Hexagonerna är " + cell + " breda, så att studieområdet delas i högst " + Hotspots.MAX_DEFAULT_CELLS + " rutor."
          : "Hexagons are " + cell + " across, so that the study area holds at most " + Hotspots.MAX_DEFAULT_CELLS + " cells.";
      case HALF_BAND -> sv
          ? "Hexagonerna är " + cell + " breda, halva avståndsbandet, så att varje hexagon vägs mot två ringar av grannar."
          : "Hexagons are " + cell + " across, half the distance band, so that each is weighed against two rings of neighbours.";
      case GIVEN -> sv ? "Hexagonerna är " + cell + " breda, valt av dig." : "Hexagons are " + cell + " across, your choice.";
    };
    return bandPart + " " + cellPart;
  }

  /** "350 m", "1,5 km" (Swedish) or "1.5 km". */
  static String metres(double metres, boolean sv) {
    if (metres >= 10_000) {
      return String.format(Locale.ROOT, "%.0f km", metres / 1000);
    }
    if (metres >= 1000) {
      String km = String.format(Locale.ROOT, "%.1f km", metres / 1000).replace(".0 km", " km");
      return sv ? km.replace('.', ',') : km;
    }
    return String.format(Locale.ROOT, "%.0f m", metres);
  }
}
