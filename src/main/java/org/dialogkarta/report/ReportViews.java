package org.dialogkarta.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.dialogkarta.kernel.Coded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads every view of a dialogue for the report and its working page: the published and hidden
 * pins (pending ones are not yet part of the dialogue's record) and the registered views, each
 * with its topic, its own position and, for pins, the public replies. Rows are streamed to the
 * caller in report order (registered views first, then pins, each by number), so a report of tens
 * of thousands of views never holds the result set twice.
 */
@Repository
class ReportViews {

  private static final String PINS = """
      SELECT p.id, (p.created_at AT TIME ZONE 'Europe/Stockholm')::date AS received_on, p.source AS channel,
             p.category, NULL AS sender_type, p.text, p.moderation_state = 'hidden' AS hidden, p.moderation_reason,
             p.text_deleted_at IS NOT NULL AS text_deleted,
             ST_X(ST_Transform(p.location, 3006)) AS x, ST_Y(ST_Transform(p.location, 3006)) AS y, n.name AS neighbourhood,
             coalesce(tv.topic_id, tm.topic_id) AS topic_id,
             vp.effect, vp.answer, vp.reason, vp.version AS position_version,
             (SELECT string_agg(r.text, E'\\n\\n' ORDER BY r.created_at, r.id) FROM pin_reply pr
                JOIN reply r ON r.id = pr.reply_id WHERE pr.pin_id = p.id) AS replies,
             p.status, p.supports, ST_AsBinary(ST_Transform(p.drawn_shape, 3006)) AS shape_wkb
      FROM pin p
      LEFT JOIN neighbourhood n ON n.id = p.neighbourhood_id
      LEFT JOIN report_topic_view tv ON tv.pin_id = p.id
      LEFT JOIN report_topic_view tm ON tm.pin_id = p.merged_into
      LEFT JOIN view_position vp ON vp.pin_id = p.id
      WHERE p.dialogue_id = :dialogue AND p.moderation_state <> 'pending'
      """;

  private static final String INCOMING = """
      SELECT v.id, v.received_on, v.channel, NULL AS category, v.sender_type, v.text, false AS hidden,
             NULL AS moderation_reason, false AS text_deleted,
             ST_X(ST_Transform(v.location, 3006)) AS x, ST_Y(ST_Transform(v.location, 3006)) AS y,
             (SELECT n.name FROM neighbourhood n WHERE ST_Intersects(n.boundary, v.location) ORDER BY n.id LIMIT 1)
               AS neighbourhood,
             tv.topic_id, vp.effect, vp.answer, vp.reason, vp.version AS position_version,
             NULL AS replies, NULL AS status, 0 AS supports, NULL::bytea AS shape_wkb
      FROM incoming_view v
      LEFT JOIN report_topic_view tv ON tv.incoming_view_id = v.id
      LEFT JOIN view_position vp ON vp.incoming_view_id = v.id
      WHERE v.dialogue_id = :dialogue
      """;

  private final JdbcClient jdbc;

  ReportViews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many views the report of the dialogue holds. */
  int count(long dialogueId) {
    return jdbc.sql("""
            SELECT (SELECT count(*) FROM pin WHERE dialogue_id = :dialogue AND moderation_state <> 'pending')
                 + (SELECT count(*) FROM incoming_view WHERE dialogue_id = :dialogue)""")
        .param("dialogue", dialogueId).query(Integer.class).single();
  }

  /** Pins still waiting for moderation: not in the report until a moderator has looked at them. */
  int pending(long dialogueId) {
    return jdbc.sql("SELECT count(*) FROM pin WHERE dialogue_id = :dialogue AND moderation_state = 'pending'")
        .param("dialogue", dialogueId).query(Integer.class).single();
  }

  void forEach(long dialogueId, Consumer<ReportView> each) {
    jdbc.sql(INCOMING + " ORDER BY v.id").param("dialogue", dialogueId)
        .query((ResultSet rs) -> {
          each.accept(view(rs, ViewRef.incoming(rs.getLong("id"))));
        });
    jdbc.sql(PINS + " ORDER BY p.id").param("dialogue", dialogueId)
        .query((ResultSet rs) -> {
          each.accept(view(rs, ViewRef.pin(rs.getLong("id"))));
        });
  }

  /** One view of the dialogue by its number, read alone (not by scanning them all). */
  java.util.Optional<ReportView> find(long dialogueId, ViewRef ref) {
    String sql = ref.kind() == ViewRef.Kind.PIN ? PINS + " AND p.id = :id" : INCOMING + " AND v.id = :id";
    return jdbc.sql(sql).param("dialogue", dialogueId).param("id", ref.id())
        .query((rs, row) -> view(rs, ref)).optional();
  }

  private static ReportView view(ResultSet rs, ViewRef ref) throws SQLException {
    boolean hidden = rs.getBoolean("hidden");
    Double x = (Double) rs.getObject("x");
    Long topic = (Long) rs.getObject("topic_id");
    String effect = rs.getString("effect");
    ReportView.OwnPosition own = effect == null ? null : new ReportView.OwnPosition(
        Coded.fromCode(Effect.class, effect).orElseThrow(), rs.getString("answer"), rs.getString("reason"),
        rs.getInt("position_version"));
    return new ReportView(ref, rs.getObject("received_on", LocalDate.class), rs.getString("channel"),
        rs.getString("category"), rs.getString("sender_type"), hidden ? null : rs.getString("text"), hidden,
        hidden ? rs.getString("moderation_reason") : null, rs.getBoolean("text_deleted"),
        x, x == null ? null : rs.getDouble("y"), rs.getString("neighbourhood"), topic, own,
        rs.getString("replies"), rs.getString("status"), rs.getInt("supports"), shape(rs.getBytes("shape_wkb")));
  }

  /** A drawn line or area in SWEREF 99 TM, for the maps; null for a point. */
  private static org.locationtech.jts.geom.Geometry shape(byte[] wkb) throws SQLException {
    if (wkb == null) {
      return null;
    }
    try {
      return new org.locationtech.jts.io.WKBReader().read(wkb);
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new SQLException("drawn_shape is not WKB that JTS reads", e);
    }
  }
}
