package org.dialogkarta.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialogkarta.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The collections on offer: all published pins, the pins of each dialogue ({@code pins-<slug>},
 * stable because slugs do not change), neighbourhoods, study areas and walk routes. Extents come
 * from the small tables (study areas, neighbourhoods, routes), never from a scan of all pins: a
 * pin must lie in its dialogue's study area, so the areas bound the pins.
 */
@Component
class OgcCollections {

  static final String PINS_PREFIX = "pins-";

  private static final String EXTENT = "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(%s) AS e %s) x";

  private final JdbcClient jdbc;

  OgcCollections(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<OgcCollection> all() {
    List<OgcCollection> out = new ArrayList<>();
    out.add(allPins());
    for (Dialogue d : dialogues(null)) {
      out.add(dialoguePins(d));
    }
    out.add(neighbourhoods());
    out.add(studyAreas());
    out.add(walkRoutes());
    return out;
  }

  Optional<OgcCollection> find(String id) {
    return switch (id) {
      case "pins" -> Optional.of(allPins());
      case "neighbourhoods" -> Optional.of(neighbourhoods());
      case "study-areas" -> Optional.of(studyAreas());
      case "walk-routes" -> Optional.of(walkRoutes());
      default -> id.startsWith(PINS_PREFIX)
          ? dialogues(id.substring(PINS_PREFIX.length())).stream().findFirst().map(this::dialoguePins)
          : Optional.empty();
    };
  }

  OgcCollection get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("No collection '" + id + "'"));
  }

  private OgcCollection allPins() {
    return new OgcCollection("pins", "Pins", "Published pins of all dialogues: suggestions, safety concerns,"
        + " service gaps and valued places, with status and the municipality's public replies.",
        Layer.pins(null), extent("d.study_area", "FROM dialogue d"));
  }

  private OgcCollection dialoguePins(Dialogue d) {
    return new OgcCollection(PINS_PREFIX + d.slug(), "Pins: " + d.title(),
        "Published pins of the dialogue '" + d.title() + "'.", Layer.pins(d.id()), d.bbox());
  }

  private OgcCollection neighbourhoods() {
    return new OgcCollection("neighbourhoods", "Neighbourhoods", "Neighbourhoods with their population.",
        Layer.neighbourhoods(), extent("n.boundary", "FROM neighbourhood n"));
  }

  private OgcCollection studyAreas() {
    return new OgcCollection("study-areas", "Study areas", "The area each dialogue asks about.",
        Layer.studyAreas(), extent("d.study_area", "FROM dialogue d"));
  }

  private OgcCollection walkRoutes() {
    return new OgcCollection("walk-routes", "Walk routes",
        "Planned routes of safety walks and community walks.", Layer.walkRoutes(),
        extent("w.planned_route", "FROM walk w"));
  }

  /** The layer's bounding box, or null while the layer is empty (an empty table is a valid layer). */
  private double[] extent(String geometry, String from) {
    List<double[]> boxes = jdbc.sql(EXTENT.formatted(geometry, from)).query((rs, row) -> box(rs, 1)).list();
    return boxes.isEmpty() ? null : boxes.getFirst();
  }

  private record Dialogue(long id, String slug, String title, double[] bbox) {}

  private List<Dialogue> dialogues(String slug) {
    String where = slug == null ? "" : " WHERE slug = :slug";
    var sql = jdbc.sql("""
        SELECT id, slug, title, ST_XMin(study_area), ST_YMin(study_area), ST_XMax(study_area), ST_YMax(study_area)
        FROM dialogue""" + where + " ORDER BY id");
    if (slug != null) {
      sql = sql.param("slug", slug);
    }
    return sql.query((rs, row) -> new Dialogue(rs.getLong(1), rs.getString(2), rs.getString(3), box(rs, 4))).list();
  }

  private static double[] box(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
    double minX = rs.getDouble(first);
    if (rs.wasNull()) {
      return null;
    }
    return new double[] {minX, rs.getDouble(first + 1), rs.getDouble(first + 2), rs.getDouble(first + 3)};
  }
}
