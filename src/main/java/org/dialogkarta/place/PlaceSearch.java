package org.dialogkarta.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.DialogueIdOrSlug;
import org.dialogkarta.geo.BoundingBox;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.Coded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds places by name in the gazetteer ({@code place}, V24), best first, then adds what the
 * external geocoder knows (when one is configured) after them.
 *
 * <p>Both sides of the comparison are folded by the database's {@code place_fold} (lower case,
 * å ä ö and accents folded), so "skarblacka" finds "Skärblacka". A place matches when its folded
 * name contains the text, or when the text is similar to a word of it (pg_trgm's word similarity,
 * for typing errors); both use the trigram index. Ranking: the exact name, then names that start
 * with the text, then names with a word that starts with it, then the rest; within each, places in
 * the dialogue's study area (then within about 5 km of it) first, then by similarity and shortness.
 */
@Service
public class PlaceSearch {

  public static final int LIMIT = 10;
  /** Texts shorter than this match only at the start of a word: "a" is in every name. */
  private static final int SHORTEST_INFIX = 3;

  private final JdbcClient jdbc;
  private final ExternalGeocoder external;

  PlaceSearch(JdbcClient jdbc, ExternalGeocoder external) {
    this.jdbc = jdbc;
    this.external = external;
  }

  /** The dialogue a search is for: its id and the box of its study area (null when it has none). */
  record Area(long dialogueId, BoundingBox box) {}

  /** Not one transaction: the external geocoder may take its 2 s, with no connection held meanwhile. */
  public List<Suggestion> search(PlaceQuery query) {
    Area area = query.dialogue() == null ? null : area(query.dialogue());
    String folded = jdbc.sql("SELECT place_fold(:q)").param("q", query.text()).query(String.class).single();
    List<Suggestion> found = new ArrayList<>(folded.isEmpty() ? List.of() : local(folded, area));
    if (found.size() < LIMIT) {
      for (Suggestion s : external.search(query.text(), area == null ? null : area.box(), LIMIT - found.size())) {
        if (found.stream().noneMatch(f -> f.label().equalsIgnoreCase(s.label()))) {
          found.add(s);
        }
      }
    }
    return found.size() > LIMIT ? found.subList(0, LIMIT) : found;
  }

  private Area area(String ref) {
    DialogueIdOrSlug named = new DialogueIdOrSlug(ref);
    return jdbc.sql("SELECT d.id, ST_XMin(d.study_area) AS x0, ST_YMin(d.study_area) AS y0,"
            + " ST_XMax(d.study_area) AS x1, ST_YMax(d.study_area) AS y1 FROM dialogue d WHERE "
            + named.condition("d", "ref"))
        .param("ref", named.value())
        .query((rs, i) -> new Area(rs.getLong("id"), rs.getObject("x0") == null ? null
            : new BoundingBox(rs.getDouble("x0"), rs.getDouble("y0"), rs.getDouble("x1"), rs.getDouble("y1"))))
        .optional()
        .orElseThrow(() -> InvalidInputException.of("dialogue", "dialogue.unknown", "There is no dialogue '" + ref + "'"));
  }

  private List<Suggestion> local(String folded, Area area) {
    String like = PlaceQuery.likeEscaped(folded);
    boolean shortText = folded.codePointCount(0, folded.length()) < SHORTEST_INFIX;
    String match = shortText
        ? "(p.search_name LIKE :prefix ESCAPE '\\' OR p.search_name LIKE :wordPrefix ESCAPE '\\')"
        : "(p.search_name LIKE :infix ESCAPE '\\' OR :q <% p.search_name)";
    return jdbc.sql("""
            SELECT p.name, p.kind, p.municipality, p.district, ST_X(p.location) AS lon, ST_Y(p.location) AS lat
            FROM place p
            LEFT JOIN dialogue d ON d.id = :dialogue
            WHERE %s
            ORDER BY CASE WHEN p.search_name = :q THEN 0
                          WHEN p.search_name LIKE :prefix ESCAPE '\\' THEN 1
                          WHEN p.search_name LIKE :wordPrefix ESCAPE '\\' THEN 2
                          ELSE 3 END,
                     CASE WHEN d.study_area IS NULL THEN 0
                          WHEN ST_Intersects(p.location, d.study_area) THEN 0
                          WHEN ST_DWithin(p.location::geography, d.study_area::geography, 5000) THEN 1
                          ELSE 2 END,
                     word_similarity(:q, p.search_name) DESC, length(p.search_name), p.name, p.id
            LIMIT :limit""".formatted(match))
        .param("q", folded)
        .param("infix", "%" + like + "%")
        .param("prefix", like + "%")
        .param("wordPrefix", "% " + like + "%")
        .param("dialogue", area == null ? null : area.dialogueId(), java.sql.Types.BIGINT)
        .param("limit", LIMIT)
        .query((rs, i) -> new Suggestion(rs.getString("name"),
            Coded.fromCode(PlaceKind.class, rs.getString("kind")).orElseThrow(), rs.getString("municipality"),
            rs.getString("district"), rs.getDouble("lon"), rs.getDouble("lat"), "local"))
        .list();
  }

  /** The answer: an RFC 7946 FeatureCollection, best first. */
  static Map<String, Object> collection(List<Suggestion> suggestions) {
    return Map.of("type", "FeatureCollection", "features", suggestions.stream().map(Suggestion::feature).toList());
  }
}
