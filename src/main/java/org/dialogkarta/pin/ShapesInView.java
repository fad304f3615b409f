package org.dialogkarta.pin;

import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.geo.BoundingBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The published lines and areas that touch a map view, for the public map of a large dialogue
 * (shown by tiles, {@link PinGrid}): there the pins come as clusters and points, and the drawn
 * shapes are asked for only once the view is small. At most {@code limit} shapes, newest first,
 * each simplified to about half a screen pixel at the given zoom. Only pins passing
 * {@link PublicPins} are read.
 */
@Repository
class ShapesInView {

  static final int MAX_LIMIT = 500;

  /** One drawn shape: the pin's id and category, and its line or area as GeoJSON. */
  record Shape(long id, String category, Map<String, Object> geometry) {}

  /** The shapes in the view; {@code capped} when there were more than were given. */
  record Answer(List<Shape> shapes, boolean capped) {}

  private final JdbcClient jdbc;

  ShapesInView(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Answer find(long dialogueId, BoundingBox bbox, List<Category> categories, Integer zoom, int limit) {
    // Half a pixel of a 256-pixel tile at this zoom, in degrees (0: as drawn).
    double tolerance = zoom == null ? 0 : 360.0 / (256 * Math.pow(2, zoom)) / 2;
    List<String> codes = categories.stream().map(Category::code).toList();
    List<Shape> shapes = jdbc.sql("""
            SELECT pin.id, pin.category,
                   ST_AsBinary(CASE WHEN :tolerance > 0
                                    THEN ST_SimplifyPreserveTopology(pin.drawn_shape, :tolerance)
                                    ELSE pin.drawn_shape END) AS drawn_shape_wkb
            FROM pin
            WHERE pin.dialogue_id = :d AND %s AND pin.drawn_shape IS NOT NULL
              AND pin.drawn_shape && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326)
              AND (cardinality(CAST(:categories AS text[])) = 0 OR pin.category = ANY (CAST(:categories AS text[])))
            ORDER BY pin.id DESC
            LIMIT :limit""".formatted(PublicPins.condition("pin")))
        .param("tolerance", tolerance).param("d", dialogueId)
        .param("minLon", bbox.minLon()).param("minLat", bbox.minLat())
        .param("maxLon", bbox.maxLon()).param("maxLat", bbox.maxLat())
        .param("categories", codes.toArray(String[]::new)).param("limit", limit + 1)
        .query((rs, row) -> new Shape(rs.getLong("id"), rs.getString("category"), ShapeColumn.read(rs)))
        .list();
    boolean capped = shapes.size() > limit;
    return new Answer(capped ? shapes.subList(0, limit) : shapes, capped);
  }
}
