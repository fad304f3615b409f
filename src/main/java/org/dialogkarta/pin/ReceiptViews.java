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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The submitter's private view (served by {@link ReceiptController}): their own pins with
 * moderation outcome and status, whatever the moderation state (it is their own text). Reachable
 * only with the receipt token. Photos are linked under the receipt, so the submitter sees their
 * own photos while the pin is pending.
 *
 * <p>What became of each pin: its public history (moderation outcome, status changes, merge,
 * redaction; never who on the staff did it), the municipality's replies, and the department once
 * the pin has been forwarded. A pin merged into another follows that pin: the status, department
 * and replies shown are the kept pin's, so every submitter of a duplicate gets the answer too.
 * Supported pins ({@link SupportedPins}) get the answer the same way. A fixed number of queries
 * for the whole receipt, however many pins it has, read in one read-only transaction so that the
 * pins, their history and their replies agree.
 */
@Service
class ReceiptViews {

  record OwnPin(long id, DialogueRef dialogue, String category, List<String> subtags, String text,
      Map<String, Object> location, Instant createdAt, String moderationState,
      String moderationReason, String status, List<PinFeature.Photo> photos, String department,
      Long mergedInto, boolean mergedIntoOnMap, List<HistoryEntry> history, List<PinFeature.Reply> replies,
      ReportOutcome report, Map<String, Object> shape) {}

  /**
   * Where the pin ended up in the dialogue's latest published report that holds it: the topic,
   * the effect code of the municipality's position and its answer, and the report's PDF.
   */
  record ReportOutcome(int version, String topic, String effect, String answer, String pdf) {}

  /** One public event: {@code kind} moderation, status, merged_into or redaction. */
  record HistoryEntry(String kind, String from, String to, String reason, Instant at) {}

  /** The receipt's own pins, and the pins it supported ("me too"). */
  record ReceiptView(List<OwnPin> pins, List<SupportedPins.SupportedPin> supported) {}

  /** The statuses at which the department a pin was passed on to is the submitter's business. */
  private static final String DEPARTMENT_SHOWN = "('forwarded', 'planned', 'done')";

  private final SupportedPins supportedPins;
  private final JdbcClient jdbc;

  ReceiptViews(SupportedPins supportedPins, JdbcClient jdbc) {
    this.supportedPins = supportedPins;
    this.jdbc = jdbc;
  }

  /** Everything the holder of receipt {@code receiptId} may see of their pins and supports. */
  @Transactional(readOnly = true)
  ReceiptView of(long receiptId) {
    Map<Long, List<HistoryEntry>> history = history(receiptId);
    Map<Long, List<PinFeature.Reply>> replies = replies(receiptId);
    List<OwnPin> pins = jdbc.sql("""
            SELECT p.id, p.category, p.subtags, p.text, ST_X(p.location) AS lon, ST_Y(p.location) AS lat,
                   p.created_at, p.moderation_state, p.moderation_reason, p.merged_into,
                   (t.id IS NOT NULL AND %s) AS merged_into_on_map,
                   COALESCE(t.status, p.status) AS status,
                   CASE WHEN COALESCE(t.status, p.status) IN %s THEN dep.name END AS department,
                   %s,
                   ARRAY(SELECT ph.id FROM photo ph WHERE ph.pin_id = p.id ORDER BY ph.id) AS photo_ids,
                   rep.number AS report_version, rep.topic AS report_topic, rep.effect AS report_effect,
                   rep.answer AS report_answer, %s
            FROM pin p
            LEFT JOIN LATERAL (
              SELECT rv.number, rvp.topic, rvp.effect, rvp.answer FROM report_version_pin rvp
              JOIN report_version rv ON rv.id = rvp.version_id
              WHERE rvp.pin_id = p.id ORDER BY rv.number DESC LIMIT 1) rep ON true
            JOIN dialogue d ON d.id = p.dialogue_id
            LEFT JOIN pin t ON t.id = p.merged_into
            LEFT JOIN department dep ON dep.id = CASE WHEN t.id IS NULL THEN p.department_id ELSE t.department_id END
            WHERE p.receipt_id = :receipt
            ORDER BY p.created_at DESC, p.id DESC
            """.formatted(PublicPins.condition("t"), DEPARTMENT_SHOWN, DialogueRef.columns("d", "d_"), ShapeColumn.select("p")))
        .param("receipt", receiptId)
        .query((rs, row) -> ownPin(rs, history, replies))
        .list();
    return new ReceiptView(pins, supportedPins.of(receiptId));
  }

  /** Each pin's own public events, and for a merged duplicate the status changes of the kept pin. */
  private Map<Long, List<HistoryEntry>> history(long receiptId) {
    Map<Long, List<HistoryEntry>> out = new HashMap<>();
    jdbc.sql("""
            SELECT p.id AS owner, e.kind, e.from_value, e.to_value, e.detail, e.at
            FROM pin p
            JOIN pin_event e ON e.pin_id = p.id OR (e.pin_id = p.merged_into AND e.kind = 'status')
            WHERE p.receipt_id = :receipt AND e.public AND e.kind <> 'reply'
            ORDER BY e.at, e.id""")
        .param("receipt", receiptId)
        .query(rs -> {
          String kind = rs.getString("kind");
          out.computeIfAbsent(rs.getLong("owner"), id -> new ArrayList<>()).add(new HistoryEntry(kind,
              rs.getString("from_value"), rs.getString("to_value"),
              kind.equals("moderation") ? rs.getString("detail") : null, rs.getTimestamp("at").toInstant()));
        });
    return out;
  }

  /** Replies to each pin, and for a merged duplicate those to the kept pin, each reply once. */
  private Map<Long, List<PinFeature.Reply>> replies(long receiptId) {
    Map<Long, List<PinFeature.Reply>> out = new HashMap<>();
    jdbc.sql("""
            SELECT DISTINCT p.id AS owner, r.id, r.text, r.created_at, r.language
            FROM pin p
            JOIN pin_reply pr ON pr.pin_id = p.id OR pr.pin_id = p.merged_into
            JOIN reply r ON r.id = pr.reply_id
            WHERE p.receipt_id = :receipt
            ORDER BY r.created_at, r.id""")
        .param("receipt", receiptId)
        .query(rs -> {
          out.computeIfAbsent(rs.getLong("owner"), id -> new ArrayList<>())
              .add(new PinFeature.Reply(rs.getString("text"), rs.getTimestamp("created_at").toInstant(), rs.getString("language")));
        });
    return out;
  }

  private static OwnPin ownPin(ResultSet rs, Map<Long, List<HistoryEntry>> history,
      Map<Long, List<PinFeature.Reply>> replies) throws SQLException {
    long id = rs.getLong("id");
    return new OwnPin(id,
        DialogueRef.from(rs, "d_"),
        rs.getString("category"), PublishedPins.strings(rs.getArray("subtags")), rs.getString("text"),
        GeoJson.geometry(Wgs84.point(rs.getDouble("lon"), rs.getDouble("lat"))),
        rs.getTimestamp("created_at").toInstant(), rs.getString("moderation_state"),
        rs.getString("moderation_reason"), rs.getString("status"),
        PublishedPins.longs(rs.getArray("photo_ids")).stream()
            .map(PinFeature.Photo::ofReceipt).toList(),
        rs.getString("department"), (Long) rs.getObject("merged_into"), rs.getBoolean("merged_into_on_map"),
        history.getOrDefault(id, List.of()), replies.getOrDefault(id, List.of()), reportOutcome(rs),
        ShapeColumn.read(rs));
  }

  private static ReportOutcome reportOutcome(ResultSet rs) throws SQLException {
    int version = rs.getInt("report_version");
    if (rs.wasNull()) {
      return null;
    }
    return new ReportOutcome(version, rs.getString("report_topic"), rs.getString("report_effect"),
        rs.getString("report_answer"),
        "/api/v1/dialogues/" + rs.getString("d_slug") + "/report/" + version + ".pdf");
  }
}
