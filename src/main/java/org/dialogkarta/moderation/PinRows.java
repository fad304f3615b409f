package org.dialogkarta.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.dialogkarta.pin.ModerationState;
import org.dialogkarta.pin.PinStatus;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pins about to be changed by staff, read with {@code FOR UPDATE}: two moderators acting on the
 * same pin, or a merge racing a reply, are done one after the other on what the first left.
 * Rows are locked in id order, so two bulk actions over overlapping pins cannot deadlock.
 */
@Component
class PinRows {

  /** The fields of a pin that staff actions read and change. */
  record PinRow(long id, long dialogueId, ModerationState state, String reason, PinStatus status,
      Long departmentId, Long mergedInto, int supports, String text) {}

  private static final String SELECT = """
      SELECT id, dialogue_id, moderation_state, moderation_reason, status, department_id,
             merged_into, supports, text
      FROM pin""";

  private final JdbcClient jdbc;

  PinRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  PinRow lock(long id) {
    return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id).query(PinRows::row).optional()
        .orElseThrow(() -> new NotFoundException("No pin " + id));
  }

  /** All the pins, in id order, or a 404 naming those that do not exist. */
  List<PinRow> lockAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    TreeSet<Long> wanted = new TreeSet<>(ids);
    List<PinRow> rows = jdbc.sql(SELECT + " WHERE id IN (:ids) ORDER BY id FOR UPDATE").param("ids", wanted)
        .query(PinRows::row).list();
    rows.forEach(r -> wanted.remove(r.id()));
    if (!wanted.isEmpty()) {
      throw new NotFoundException("No pin " + String.join(", ", wanted.stream().map(String::valueOf).toList()));
    }
    return rows;
  }

  private static PinRow row(ResultSet rs, int row) throws SQLException {
    return new PinRow(rs.getLong("id"), rs.getLong("dialogue_id"),
        Coded.fromCode(ModerationState.class, rs.getString("moderation_state")).orElseThrow(),
        rs.getString("moderation_reason"),
        Coded.fromCode(PinStatus.class, rs.getString("status")).orElseThrow(),
        (Long) rs.getObject("department_id"), (Long) rs.getObject("merged_into"), rs.getInt("supports"),
        rs.getString("text"));
  }
}
