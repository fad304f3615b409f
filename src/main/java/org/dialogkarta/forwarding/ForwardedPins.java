package org.dialogkarta.forwarding;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pins of a forwarding as the body sees them: in the message and on the answer page. A hidden
 * pin's text never leaves: it is read as null. Photos are named only for published pins, whose
 * photos are public anyway.
 */
@Component
class ForwardedPins {

  /** One pin for the body. {@code text} is null when the pin is hidden or its text deleted. */
  record BodyPin(long id, String dialogueTitle, String dialogueSlug, String category, List<String> subtags,
      String status, String text, boolean hidden, double lon, double lat, List<Long> photoIds,
      Instant createdAt, Long departmentId) {}

  private static final String SELECT = """
      SELECT p.id, d.title AS dialogue_title, d.slug AS dialogue_slug, p.category, p.subtags, p.status,
             CASE WHEN p.moderation_state = 'hidden' THEN NULL ELSE p.text END AS text,
             p.moderation_state = 'hidden' AS hidden,
             ST_X(ST_PointOnSurface(p.location)) AS lon, ST_Y(ST_PointOnSurface(p.location)) AS lat,
             CASE WHEN p.moderation_state = 'published'
                  THEN ARRAY(SELECT ph.id FROM photo ph WHERE ph.pin_id = p.id ORDER BY ph.id)
                  ELSE ARRAY[]::bigint[] END AS photo_ids,
             p.created_at, p.department_id
      FROM pin p JOIN dialogue d ON d.id = p.dialogue_id""";

  private final JdbcClient jdbc;

  ForwardedPins(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<BodyPin> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " WHERE p.id IN (:ids) ORDER BY p.id").param("ids", ids).query(ForwardedPins::row).list();
  }

  /** The pins of a forwarding still forwarded to its department (not given back, not merged away). */
  List<BodyPin> stillWith(long forwardingId) {
    return jdbc.sql(SELECT + """
             JOIN forwarding_pin fp ON fp.pin_id = p.id JOIN forwarding f ON f.id = fp.forwarding_id
            WHERE f.id = :f AND p.department_id = f.department_id AND p.merged_into IS NULL
            ORDER BY p.id""")
        .param("f", forwardingId).query(ForwardedPins::row).list();
  }

  private static BodyPin row(ResultSet rs, int row) throws SQLException {
    return new BodyPin(rs.getLong("id"), rs.getString("dialogue_title"), rs.getString("dialogue_slug"),
        rs.getString("category"), strings(rs.getArray("subtags")), rs.getString("status"), rs.getString("text"),
        rs.getBoolean("hidden"), rs.getDouble("lon"), rs.getDouble("lat"), longs(rs.getArray("photo_ids")),
        rs.getTimestamp("created_at").toInstant(), (Long) rs.getObject("department_id"));
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }

  private static List<Long> longs(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
  }
}
