package org.dialogkarta.export;

import org.dialogkarta.pin.PublicPins;

/**
 * The drawn lines and areas of published pins as layers of their own, one geometry type each
 * ({@code pin_lines}: LineString, {@code pin_areas}: Polygon), because a Shapefile holds one type
 * and GIS users want one per layer. Same fields and rule as {@link DatabaseLayers#PINS}, where the
 * same pins are at their representative points.
 */
final class DrawnShapeLayers {

  private DrawnShapeLayers() {}

  static final SqlLayer LINES = of("pin_lines", "Pin lines", GeometryKind.LINESTRING, "LINESTRING");
  static final SqlLayer AREAS = of("pin_areas", "Pin areas", GeometryKind.POLYGON, "POLYGON");

  private static SqlLayer of(String name, String title, GeometryKind kind, String postgisType) {
    SqlLayer pins = DatabaseLayers.PINS;
    return new SqlLayer(new LayerSchema(name, title, kind, pins.schema().fields()), "pin.drawn_shape",
        pins.columns(), pins.from(),
        PublicPins.condition("pin") + " AND pin.drawn_shape IS NOT NULL AND GeometryType(pin.drawn_shape) = '"
            + postgisType + "'",
        pins.ofDialogue(), pins.orderBy());
  }
}
