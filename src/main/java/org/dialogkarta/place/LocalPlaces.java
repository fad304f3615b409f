package org.dialogkarta.place;

import java.util.List;
import org.dialogkarta.kernel.Coded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gazetteer's side of a search: names that contain the (folded) text, or are similar to it
 * word by word, ranked exact, prefix, word prefix, rest; then inside the study area, within 5 km
 * of it, farther; then by similarity and shortness.
 */
@Component
class LocalPlaces {

  /** Texts shorter than this match only at the start of a word: "a" is in every name. */
  private static final int SHORTEST_INFIX = 3;

  private final JdbcClient jdbc;

  LocalPlaces(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<Suggestion> find(String folded, PlaceSearch.Area area) {
    // The trigram index finds the few matching names in a millisecond, where reading the whole
    // table and computing word similarity for every row takes some 400 ms per 100,000 places; the
    // planner's cost estimate for GIN often picks the latter, so this transaction rules it out.
    jdbc.sql("SET LOCAL enable_seqscan = off").update();
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
        .param("limit", PlaceSearch.LIMIT)
        .query((rs, i) -> new Suggestion(rs.getString("name"),
            Coded.fromCode(PlaceKind.class, rs.getString("kind")).orElseThrow(), rs.getString("municipality"),
            rs.getString("district"), rs.getDouble("lon"), rs.getDouble("lat"), "local"))
        .list();
  }
}
