package org.dialogkarta.place;

import java.util.List;
import org.dialogkarta.dialogue.DialogueIdOrSlug;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The separate parts of a dialogue's study area (the polygons of its MultiPolygon), each named by
 * the gazetteer's village or locality inside it (the one nearest the part's middle), so the page
 * can offer "Välj ort: Skärblacka, Krokek, …". A part with no such place has no name; the page
 * calls it "Del 1", "Del 2" by its number.
 */
@Service
public class StudyAreaParts {

  /** One part: its number (1-based, the study area's own order), its name or null, its box. */
  public record Part(int number, String name, double minLon, double minLat, double maxLon, double maxLat) {}

  private final JdbcClient jdbc;

  StudyAreaParts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<Part> of(String dialogue) {
    if (dialogue == null || dialogue.isBlank() || dialogue.length() > PlaceQuery.MAX_DIALOGUE_LENGTH) {
      throw InvalidInputException.of("dialogue", dialogue == null || dialogue.isBlank() ? "dialogue.missing" : "dialogue.unknown",
          "Name the dialogue in 'dialogue' (its id or slug)");
    }
    DialogueIdOrSlug named = new DialogueIdOrSlug(dialogue);
    boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM dialogue d WHERE " + named.condition("d", "ref") + ")")
        .param("ref", named.value()).query(Boolean.class).single();
    if (!exists) {
      throw InvalidInputException.of("dialogue", "dialogue.unknown", "There is no dialogue '" + dialogue + "'");
    }
    return jdbc.sql("""
            SELECT part.path[1] AS number,
                   (SELECT p.name FROM place p
                    WHERE p.kind IN ('village', 'locality') AND ST_Intersects(p.location, part.geom)
                    ORDER BY p.location <-> ST_PointOnSurface(part.geom), p.id LIMIT 1) AS name,
                   ST_XMin(part.geom) AS x0, ST_YMin(part.geom) AS y0, ST_XMax(part.geom) AS x1, ST_YMax(part.geom) AS y1
            FROM dialogue d, ST_Dump(d.study_area) AS part
            WHERE %s
            ORDER BY part.path[1]""".formatted(named.condition("d", "ref")))
        .param("ref", named.value())
        .query((rs, i) -> new Part(rs.getInt("number"), rs.getString("name"), rs.getDouble("x0"), rs.getDouble("y0"),
            rs.getDouble("x1"), rs.getDouble("y1")))
        .list();
  }
}
