package org.dialogkarta.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.pin.PinStatus;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One public reply to many pins, optionally with a new status and department for all of them.
 * Everything is checked before anything is written: if one of forty pins cannot take the new
 * status, nothing is stored and the answer names that pin. The reply is stored once and linked
 * to each pin; submitters of pins merged into one of them see it through that pin.
 */
@Service
@Transactional
class Replies {

  record Reply(long id, String text, Instant createdAt, String language) {}

  /** What a reply did: the reply, and the pins it answered as they are now. */
  record Answer(Reply reply, List<Long> pinIds, List<StaffPin> pins) {}

  private final PinSelection selection;
  private final PinRows rows;
  private final Departments departments;
  private final Workflow workflow;
  private final PinEvents events;
  private final StaffPins staffPins;
  private final AuditLog audit;
  private final JdbcClient jdbc;

  Replies(PinSelection selection, PinRows rows, Departments departments, Workflow workflow, PinEvents events,
      StaffPins staffPins, AuditLog audit, JdbcClient jdbc) {
    this.selection = selection;
    this.rows = rows;
    this.departments = departments;
    this.workflow = workflow;
    this.events = events;
    this.staffPins = staffPins;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /** {@code languageCode}: the reply's language ({@link ReplyLanguage}; null is Swedish). */
  Answer reply(PinSelection.Request selected, String rawText, String languageCode, String statusCode, Long departmentId) {
    String language = ReplyLanguage.check(languageCode);
    String text = StaffText.check("text", rawText, StaffText.TEXT_MAX);
    PinStatus status = Workflow.parseStatus(statusCode, false);
    Departments.Department department = departments.usable(departmentId);
    List<PinRows.PinRow> pins = rows.lockAll(selection.resolve(selected));
    List<FieldViolation> faults = new ArrayList<>();
    pins.forEach(pin -> faults.addAll(Workflow.check(pin, status, department)));
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    List<Long> ids = pins.stream().map(PinRows.PinRow::id).toList();
    Reply reply = jdbc.sql("""
            INSERT INTO reply (author, text, language) VALUES (:author, :text, :language)
            RETURNING id, text, created_at, language""")
        .param("author", AuditLog.currentActor())
        .param("text", text)
        .param("language", language)
        .query((rs, row) -> new Reply(rs.getLong("id"), rs.getString("text"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("language")))
        .single();
    jdbc.sql("INSERT INTO pin_reply (pin_id, reply_id) SELECT unnest(CAST(:pins AS bigint[])), :reply")
        .param("pins", ids.toArray(Long[]::new))
        .param("reply", reply.id())
        .update();
    events.recordAll(ids, PinEventKind.REPLY, null, String.valueOf(reply.id()), null);
    pins.forEach(pin -> workflow.apply(pin, status, department));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("text", text);
    after.put("language", language);
    after.put("pinIds", ids);
    after.put("status", status == null ? null : status.code());
    after.put("departmentId", departmentId);
    audit.record("reply.create", "reply", reply.id(), null, after);
    return new Answer(reply, ids, staffPins.byIds(ids));
  }
}
