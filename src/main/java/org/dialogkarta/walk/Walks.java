package org.dialogkarta.walk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dialogkarta.dialogue.DialogueRef;
import org.dialogkarta.dialogue.DialogueStatus;
import org.dialogkarta.geo.GeoJson;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.pin.WalkWindow;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of walks, one query each, with the dialogue and the counts of pins and tracks. Whether a
 * walk is {@code open} is decided at read time from the clock, so it needs no job to flip it.
 */
@Component
class Walks {

  private static final String SELECT = """
      SELECT w.id, %s,
             w.kind, w.title, w.description, w.starts_at, w.ends_at, w.closed_at,
             ST_AsBinary(w.meeting_point) AS meeting_point, w.meeting_point_name,
             ST_AsBinary(w.planned_route) AS planned_route, w.participant_count, w.groups,
             w.facilitator, w.light, w.weather, w.note, w.created_at,
             (SELECT count(*) FROM pin p WHERE p.walk_id = w.id) AS pin_count,
             (SELECT count(*) FROM walk_track t WHERE t.walk_id = w.id) AS track_count
      FROM walk w JOIN dialogue d ON d.id = w.dialogue_id
      """.formatted(DialogueRef.columns("d", "d_"));

  private final JdbcClient jdbc;

  Walks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The walks of a dialogue, or of all dialogues, in the order they are walked. */
  List<Walk> list(Long dialogueId) {
    String where = dialogueId == null ? "" : " WHERE w.dialogue_id = :dialogue";
    var sql = jdbc.sql(SELECT + where + " ORDER BY w.starts_at, w.id");
    if (dialogueId != null) {
      sql = sql.param("dialogue", dialogueId);
    }
    Instant now = Instant.now();
    return sql.query((rs, row) -> walk(rs, now)).list();
  }

  Optional<Walk> find(long id) {
    Instant now = Instant.now();
    return jdbc.sql(SELECT + " WHERE w.id = :id").param("id", id).query((rs, row) -> walk(rs, now)).optional();
  }

  Walk get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("No walk " + id));
  }

  private static Walk walk(ResultSet rs, Instant now) throws SQLException {
    long id = rs.getLong("id");
    DialogueRef dialogue = DialogueRef.from(rs, "d_");
    Instant startsAt = instant(rs, "starts_at");
    Instant endsAt = instant(rs, "ends_at");
    Instant closedAt = instant(rs, "closed_at");
    WalkWindow window = new WalkWindow(id, dialogue.id(), startsAt, endsAt, closedAt);
    boolean open = dialogue.status() == DialogueStatus.ONGOING && window.timing(now) == WalkWindow.Timing.DURING;
    Integer participants = (Integer) rs.getObject("participant_count");
    List<WalkGroup> groups = Arrays.stream((String[]) rs.getArray("groups").getArray())
        .map(code -> Coded.fromCode(WalkGroup.class, code).orElseThrow())
        .toList();
    return new Walk(id, dialogue, code(WalkKind.class, rs.getString("kind")), rs.getString("title"), rs.getString("description"), startsAt,
        endsAt, closedAt, GeoJson.geometry(geometry(rs.getBytes("meeting_point"))), rs.getString("meeting_point_name"),
        GeoJson.geometry(geometry(rs.getBytes("planned_route"))), participants, groups, rs.getString("facilitator"),
        code(Light.class, rs.getString("light")), rs.getString("weather"), rs.getString("note"),
        instant(rs, "created_at"), window.opens(), window.closes(), open, rs.getLong("pin_count"),
        rs.getLong("track_count"));
  }

  static Geometry geometry(byte[] wkb) {
    if (wkb == null) {
      return null;
    }
    try {
      return new WKBReader().read(wkb);
    } catch (ParseException e) {
      throw new IllegalStateException("PostGIS gave a geometry JTS cannot read", e);
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static <E extends Enum<E> & Coded> E code(Class<E> type, String code) {
    return code == null ? null : Coded.fromCode(type, code).orElseThrow();
  }
}
