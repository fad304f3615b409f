package org.dialogkarta.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.DialogueIdOrSlug;
import org.dialogkarta.geo.BoundingBox;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds places by name in the gazetteer ({@code place}, V28), best first, then adds what the
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

  private final JdbcClient jdbc;
  private final LocalPlaces local;
  private final ExternalGeocoder external;

  PlaceSearch(JdbcClient jdbc, LocalPlaces local, ExternalGeocoder external) {
    this.jdbc = jdbc;
    this.local = local;
    this.external = external;
  }

  /** The dialogue a search is for: its id and the box of its study area (null when it has none). */
  record Area(long dialogueId, BoundingBox box) {}

  /** Not one transaction: the external geocoder may take its 2 s, with no connection held meanwhile. */
  public List<Suggestion> search(PlaceQuery query) {
    Area area = query.dialogue() == null ? null : area(query.dialogue());
    String folded = jdbc.sql("SELECT place_fold(:q)").param("q", query.text()).query(String.class).single();
    List<Suggestion> found = new ArrayList<>(folded.isEmpty() ? List.of() : local.find(folded, area));
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

  /** The answer: an RFC 7946 FeatureCollection, best first. */
  static Map<String, Object> collection(List<Suggestion> suggestions) {
    return Map.of("type", "FeatureCollection", "features", suggestions.stream().map(Suggestion::feature).toList());
  }
}
