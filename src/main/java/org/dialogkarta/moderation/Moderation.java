package org.dialogkarta.moderation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.pin.ModerationState;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.pin.PinPublished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A moderator's decisions on a pin: approve it (public), hide it with a reason (gone from every
 * public path; the reason goes to the submitter's receipt), or redact personal data from its
 * text. Each decision writes the pin, its history and the audit log in one transaction. Asking
 * for what is already so (approving a published pin) changes and records nothing.
 */
@Service
@Transactional
class Moderation {

  private final PinRows rows;
  private final PinEvents events;
  private final AuditLog audit;
  private final JdbcClient jdbc;

  private final ApplicationEventPublisher publisher;

  Moderation(PinRows rows, PinEvents events, AuditLog audit, JdbcClient jdbc, ApplicationEventPublisher publisher) {
    this.publisher = publisher;
    this.rows = rows;
    this.events = events;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  void approve(long pinId) {
    PinRows.PinRow pin = rows.lock(pinId);
    if (pin.state() == ModerationState.PUBLISHED) {
      return;
    }
    setState(pin, ModerationState.PUBLISHED, null);
    publisher.publishEvent(new PinPublished(pinId)); // routing rules (forwarding)
    audit.record("pin.approve", "pin", pinId, moderation(pin.state(), pin.reason()),
        moderation(ModerationState.PUBLISHED, null));
  }

  void hide(long pinId, String rawReason) {
    String reason = StaffText.check("reason", rawReason, StaffText.REASON_MAX);
    PinRows.PinRow pin = rows.lock(pinId);
    if (pin.state() == ModerationState.HIDDEN && reason.equals(pin.reason())) {
      return;
    }
    setState(pin, ModerationState.HIDDEN, reason);
    audit.record("pin.hide", "pin", pinId, moderation(pin.state(), pin.reason()),
        moderation(ModerationState.HIDDEN, reason));
  }

  /**
   * Replaces the text. The text it replaces goes to {@code pin_redaction} (administrators only),
   * not into the history or the audit log, which only say that, when and by whom it was done.
   */
  void redact(long pinId, String rawText) {
    String text = StaffText.check("text", rawText, StaffText.TEXT_MAX);
    PinRows.PinRow pin = rows.lock(pinId);
    if (pin.text() == null) {
      throw new ConflictException("pin.text_deleted", "The text of pin " + pinId + " has been deleted already");
    }
    if (text.equals(pin.text())) {
      return;
    }
    int earlier = jdbc.sql("SELECT count(*) FROM pin_redaction WHERE pin_id = :pin").param("pin", pinId)
        .query(Integer.class).single();
    long redactionId = jdbc.sql("""
            INSERT INTO pin_redaction (pin_id, previous_text, redacted_by)
            VALUES (:pin, :previous, :by) RETURNING id""")
        .param("pin", pinId)
        .param("previous", pin.text())
        .param("by", AuditLog.currentActor())
        .query(Long.class)
        .single();
    jdbc.sql("UPDATE pin SET text = :text WHERE id = :pin").param("text", text).param("pin", pinId).update();
    events.record(pinId, PinEventKind.REDACTION, null, null, null);
    audit.record("pin.redact", "pin", pinId,
        Map.of("redactions", earlier, "textLength", pin.text().length()),
        Map.of("redactions", earlier + 1, "textLength", text.length(), "redactionId", redactionId));
  }

  private void setState(PinRows.PinRow pin, ModerationState state, String reason) {
    jdbc.sql("UPDATE pin SET moderation_state = :state, moderation_reason = :reason WHERE id = :pin")
        .param("state", state.code())
        .param("reason", reason)
        .param("pin", pin.id())
        .update();
    events.record(pin.id(), PinEventKind.MODERATION, pin.state().code(), state.code(), reason);
  }

  private static Map<String, Object> moderation(ModerationState state, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("moderationState", state.code());
    out.put("moderationReason", reason);
    return out;
  }
}
