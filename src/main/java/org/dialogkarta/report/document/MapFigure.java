package org.dialogkarta.report.document;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A map to draw into the report, in SWEREF 99 TM (EPSG:3006) metres. The writers render it on the
 * server ({@code MapPainter}) with the caption as its figure text and {@code altText} as its
 * alternative text, so a screen reader user gets the map's message in words.
 *
 * @param studyArea the dialogue's area (may be null: then the views' extent is drawn)
 * @param neighbourhoods background outlines with their names
 * @param views one dot per view with a place, coloured by category; a drawn line or area is
 *              drawn too, its dot at the representative point
 * @param hotspots hot hexagons (may be empty)
 * @param clusters cluster outlines (may be empty)
 */
public record MapFigure(
    String caption,
    String altText,
    Geometry studyArea,
    List<NamedArea> neighbourhoods,
    List<MapView> views,
    List<Geometry> hotspots,
    List<Geometry> clusters) {

  public MapFigure {
    neighbourhoods = List.copyOf(neighbourhoods);
    views = List.copyOf(views);
    hotspots = List.copyOf(hotspots);
    clusters = List.copyOf(clusters);
  }

  public record NamedArea(String name, Geometry area) {}

  /** A view's place and its category code (suggestion, safety_concern, service_gap, valued_place, other). */
  public record MapView(Point place, String category, Geometry shape) {
    /** A view at a point. */
    public MapView(Point place, String category) {
      this(place, category, null);
    }
  }
}
