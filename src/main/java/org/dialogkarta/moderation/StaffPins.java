package org.dialogkarta.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialogkarta.dialogue.DialogueRef;
import org.dialogkarta.geo.GeoJson;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.pin.ShapeColumn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of pins for staff, in every moderation state, oldest first so that a queue is worked
 * through in the order people wrote. Pages by key ({@code after} = the last id seen), which
 * stays correct while moderators take pins off the queue. Merged duplicates are left out: they
 * live on in the pin they were merged into.
 */
@Component
class StaffPins {

  /** What to list; null or empty means no restriction. */
  record Filter(Long dialogueId, List<String> states, List<String> statuses, List<String> categories,
      Long departmentId, Long after, int limit) {}

  private static final String SELECT = """
      SELECT p.id, %s,
             ST_X(p.location) AS lon, ST_Y(p.location) AS lat, p.category, p.subtags, p.text,
             p.created_at, p.source, p.moderation_state, p.moderation_reason, p.status,
             p.department_id, dep.name AS department_name, dep.kind AS department_kind,
             p.supports, p.merged_into,
             ARRAY(SELECT ph.id FROM photo ph WHERE ph.pin_id = p.id ORDER BY ph.id) AS photo_ids,
             EXISTS (SELECT 1 FROM pin_redaction r WHERE r.pin_id = p.id) AS redacted,
             (SELECT count(*) FROM pin_reply pr WHERE pr.pin_id = p.id) AS reply_count,
             ST_AsBinary(p.drawn_shape) AS drawn_shape_wkb
      FROM pin p
      JOIN dialogue d ON d.id = p.dialogue_id
      LEFT JOIN department dep ON dep.id = p.department_id
      """.formatted(DialogueRef.columns("d", "d_"));

  private final JdbcClient jdbc;

  StaffPins(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  StaffPin.Page find(Filter f) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE p.merged_into IS NULL");
    Map<String, Object> params = new HashMap<>();
    if (f.dialogueId() != null) {
      sql.append(" AND p.dialogue_id = :dialogue");
      params.put("dialogue", f.dialogueId());
    }
    restrict(sql, params, "p.moderation_state", "states", f.states());
    restrict(sql, params, "p.status", "statuses", f.statuses());
    restrict(sql, params, "p.category", "categories", f.categories());
    if (f.departmentId() != null) {
      sql.append(" AND p.department_id = :department");
      params.put("department", f.departmentId());
    }
    if (f.after() != null) {
      sql.append(" AND (p.created_at, p.id) > (SELECT a.created_at, a.id FROM pin a WHERE a.id = :after)");
      params.put("after", f.after());
    }
    sql.append(" ORDER BY p.created_at, p.id LIMIT :limit");
    params.put("limit", f.limit() + 1);
    List<StaffPin> pins = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(StaffPins::staffPin).list());
    Long nextAfter = null;
    if (pins.size() > f.limit()) {
      pins.removeLast();
      nextAfter = pins.getLast().id();
    }
    return new StaffPin.Page(pins, nextAfter);
  }

  Optional<StaffPin> byId(long id) {
    return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(StaffPins::staffPin).optional();
  }

  /** Pins by id in id order, merged or not (the answer to a bulk action lists what it touched). */
  List<StaffPin> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " WHERE p.id IN (:ids) ORDER BY p.id").param("ids", ids)
        .query(StaffPins::staffPin).list();
  }

  /**
   * A photo of any pin, whatever its state: moderators must see what they approve. The column
   * name comes only from the two callers here, never from a request.
   */
  Optional<byte[]> photo(long photoId, boolean thumbnail) {
    return jdbc.sql("SELECT " + (thumbnail ? "thumbnail" : "image") + " FROM photo WHERE id = :id")
        .param("id", photoId).query(byte[].class).optional();
  }

  private static void restrict(StringBuilder sql, Map<String, Object> params, String column, String name,
      List<String> codes) {
    if (codes != null && !codes.isEmpty()) {
      sql.append(" AND ").append(column).append(" IN (:").append(name).append(")");
      params.put(name, codes);
    }
  }

  private static StaffPin staffPin(ResultSet rs, int row) throws SQLException {
    long departmentId = rs.getLong("department_id");
    StaffPin.DepartmentRef department = rs.wasNull() ? null
        : new StaffPin.DepartmentRef(departmentId, rs.getString("department_name"), rs.getString("department_kind"));
    return new StaffPin(rs.getLong("id"),
        DialogueRef.from(rs, "d_"),
        GeoJson.geometry(Wgs84.point(rs.getDouble("lon"), rs.getDouble("lat"))),
        rs.getString("category"),
        rs.getArray("subtags") == null ? List.of() : Arrays.asList((String[]) rs.getArray("subtags").getArray()),
        rs.getString("text"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("source"),
        rs.getString("moderation_state"),
        rs.getString("moderation_reason"),
        rs.getString("status"),
        department,
        rs.getInt("supports"),
        Arrays.stream((Long[]) rs.getArray("photo_ids").getArray()).map(StaffPin.Photo::of).toList(),
        rs.getBoolean("redacted"),
        (Long) rs.getObject("merged_into"),
        rs.getInt("reply_count"),
        ShapeColumn.read(rs));
  }
}
