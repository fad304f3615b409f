package org.dialogkarta.ogc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.pin.PublicPins;

/**
 * The collections of drawn lines and areas: one per geometry type per dialogue that accepts it
 * ({@code pin-lines-<slug>} with LineStrings, {@code pin-areas-<slug>} with Polygons), so that a
 * GIS client gets one geometry type per layer. Same rows, visibility rule ({@link PublicPins}),
 * properties, filters and CRSs as {@code pins-<slug>}, where the same pins are at their
 * representative points. Their extent is that of the shapes themselves, which may reach past the
 * study area (a shape may cross its edge).
 */
final class DrawnShapeCollections {

  private DrawnShapeCollections() {}

  /**
   * shapes: the dialogue's accepted shape codes; extent: the bounding box of a geometry column
   * over a FROM clause (null while empty).
   */
  static List<OgcCollection> of(long id, String slug, String title, Instant[] times, List<String> shapes,
      java.util.function.BiFunction<String, String, double[]> extent) {
    List<OgcCollection> out = new ArrayList<>();
    if (shapes.contains("line")) {
      out.add(collection(OgcCollections.LINES_PREFIX + slug, "Lines: " + title,
          "Lines drawn by citizens in the dialogue '" + title + "' (published pins that are lines).",
          Layer.drawnShapes(id, "LINESTRING"), id, "LINESTRING", times, extent));
    }
    if (shapes.contains("area")) {
      out.add(collection(OgcCollections.AREAS_PREFIX + slug, "Areas: " + title,
          "Areas drawn by citizens in the dialogue '" + title + "' (published pins that are areas).",
          Layer.drawnShapes(id, "POLYGON"), id, "POLYGON", times, extent));
    }
    return out;
  }

  private static OgcCollection collection(String id, String title, String description, Layer layer, long dialogueId,
      String type, Instant[] times, java.util.function.BiFunction<String, String, double[]> extent) {
    double[] bbox = extent.apply("p.drawn_shape", "FROM pin p WHERE p.dialogue_id = " + dialogueId
        + " AND p.drawn_shape IS NOT NULL AND GeometryType(p.drawn_shape) = '" + type + "' AND "
        + PublicPins.condition("p"));
    return new OgcCollection(id, title, description, layer, null, bbox, times);
  }
}
