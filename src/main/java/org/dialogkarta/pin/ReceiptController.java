package org.dialogkarta.pin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dialogkarta.geo.GeoJson;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The submitter's private view: their own pins with moderation outcome and status, whatever the
 * moderation state (it is their own text). Reachable only with the receipt token. Photos are
 * linked under the receipt, so the submitter sees their own photos while the pin is pending.
 */
@RestController
class ReceiptController {

  record OwnPin(long id, DialogueRef dialogue, String category, List<String> subtags, String text,
      Map<String, Object> location, Instant createdAt, String moderationState,
      String moderationReason, String status, List<PinFeature.Photo> photos) {}

  record DialogueRef(long id, String slug, String title, String status) {}

  record ReceiptView(List<OwnPin> pins) {}

  private final Receipts receipts;
  private final JdbcClient jdbc;

  ReceiptController(Receipts receipts, JdbcClient jdbc) {
    this.receipts = receipts;
    this.jdbc = jdbc;
  }

  @GetMapping("/api/v1/receipts/{token}")
  ReceiptView receipt(@PathVariable String token) {
    long receiptId = receipts.find(token)
        .orElseThrow(() -> new NotFoundException("No receipt for this link; check that it was copied whole"));
    List<OwnPin> pins = jdbc.sql("""
            SELECT p.id, p.category, p.subtags, p.text, ST_X(p.location) AS lon, ST_Y(p.location) AS lat,
                   p.created_at, p.moderation_state, p.moderation_reason, p.status,
                   d.id AS d_id, d.slug, d.title, d.status AS d_status,
                   ARRAY(SELECT ph.id FROM photo ph WHERE ph.pin_id = p.id ORDER BY ph.id) AS photo_ids
            FROM pin p JOIN dialogue d ON d.id = p.dialogue_id
            WHERE p.receipt_id = :receipt
            ORDER BY p.created_at DESC, p.id DESC
            """)
        .param("receipt", receiptId)
        .query((rs, row) -> ownPin(rs, token))
        .list();
    return new ReceiptView(pins);
  }

  private static OwnPin ownPin(ResultSet rs, String token) throws SQLException {
    return new OwnPin(rs.getLong("id"),
        new DialogueRef(rs.getLong("d_id"), rs.getString("slug"), rs.getString("title"), rs.getString("d_status")),
        rs.getString("category"), PublishedPins.strings(rs.getArray("subtags")), rs.getString("text"),
        GeoJson.geometry(Wgs84.point(rs.getDouble("lon"), rs.getDouble("lat"))),
        rs.getTimestamp("created_at").toInstant(), rs.getString("moderation_state"),
        rs.getString("moderation_reason"), rs.getString("status"),
        PublishedPins.longs(rs.getArray("photo_ids")).stream()
            .map(id -> PinFeature.Photo.ofReceipt(token, id)).toList());
  }
}
