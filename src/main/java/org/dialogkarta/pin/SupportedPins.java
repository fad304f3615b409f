package org.dialogkarta.pin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.DialogueRef;
import org.dialogkarta.geo.GeoJson;
import org.dialogkarta.geo.Wgs84;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pins a receipt said "me too" to ({@code pin_support}), for the receipt view: a supporter
 * gets the municipality's answer like the writer does. Each shows the pin that now carries the
 * matter (the kept pin when the supported one was merged), and only while the public may see
 * it: status changes, the department once forwarded, and the replies; never moderation of
 * someone else's text. Three queries for all of a receipt's supports.
 */
@Component
class SupportedPins {

  record SupportedPin(long id, Long mergedInto, DialogueRef dialogue, String category,
      String text, Map<String, Object> location, Instant supportedAt, String status, String department,
      List<ReceiptViews.HistoryEntry> history, List<PinFeature.Reply> replies) {}

  /** Each support with its carrying pin: the supported pin, or the pin it was merged into. */
  private static final String SUPPORTED = """
      WITH supported AS (
        SELECT s.id AS support_id, s.pin_id, s.created_at, sp.merged_into, e.id AS carrier
        FROM pin_support s
        JOIN pin sp ON sp.id = s.pin_id
        JOIN pin e ON e.id = COALESCE(sp.merged_into, sp.id)
        WHERE s.receipt_id = :receipt AND e.moderation_state = 'published')
      """;

  private final JdbcClient jdbc;

  SupportedPins(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<SupportedPin> of(long receiptId) {
    Map<Long, List<ReceiptViews.HistoryEntry>> history = new HashMap<>();
    jdbc.sql(SUPPORTED + """
            SELECT DISTINCT x.carrier, ev.id, ev.from_value, ev.to_value, ev.at
            FROM supported x JOIN pin_event ev ON ev.pin_id = x.carrier AND ev.kind = 'status' AND ev.public
            ORDER BY ev.at, ev.id""")
        .param("receipt", receiptId)
        .query(rs -> {
          history.computeIfAbsent(rs.getLong("carrier"), id -> new ArrayList<>()).add(new ReceiptViews.HistoryEntry(
              "status", rs.getString("from_value"), rs.getString("to_value"), null, rs.getTimestamp("at").toInstant()));
        });
    Map<Long, List<PinFeature.Reply>> replies = new HashMap<>();
    jdbc.sql(SUPPORTED + """
            SELECT DISTINCT x.carrier, r.id, r.text, r.created_at, r.language
            FROM supported x JOIN pin_reply pr ON pr.pin_id = x.carrier JOIN reply r ON r.id = pr.reply_id
            ORDER BY r.created_at, r.id""")
        .param("receipt", receiptId)
        .query(rs -> {
          replies.computeIfAbsent(rs.getLong("carrier"), id -> new ArrayList<>())
              .add(new PinFeature.Reply(rs.getString("text"), rs.getTimestamp("created_at").toInstant(), rs.getString("language")));
        });
    return jdbc.sql(SUPPORTED + """
            SELECT x.pin_id, x.merged_into, x.created_at AS supported_at, x.carrier, e.category, e.text,
                   ST_X(e.location) AS lon, ST_Y(e.location) AS lat, e.status,
                   CASE WHEN e.status IN ('forwarded', 'planned', 'done') THEN dep.name END AS department,
                   %s
            FROM supported x
            JOIN pin e ON e.id = x.carrier
            JOIN dialogue d ON d.id = e.dialogue_id
            LEFT JOIN department dep ON dep.id = e.department_id
            ORDER BY x.created_at DESC, x.support_id DESC""".formatted(DialogueRef.columns("d", "d_")))
        .param("receipt", receiptId)
        .query((rs, row) -> supported(rs, history, replies))
        .list();
  }

  private static SupportedPin supported(ResultSet rs, Map<Long, List<ReceiptViews.HistoryEntry>> history,
      Map<Long, List<PinFeature.Reply>> replies) throws SQLException {
    long carrier = rs.getLong("carrier");
    return new SupportedPin(rs.getLong("pin_id"), (Long) rs.getObject("merged_into"),
        DialogueRef.from(rs, "d_"),
        rs.getString("category"), rs.getString("text"),
        GeoJson.geometry(Wgs84.point(rs.getDouble("lon"), rs.getDouble("lat"))),
        rs.getTimestamp("supported_at").toInstant(), rs.getString("status"), rs.getString("department"),
        history.getOrDefault(carrier, List.of()), replies.getOrDefault(carrier, List.of()));
  }
}
