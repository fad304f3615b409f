package org.dialogkarta.forwarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.moderation.PinWorkflow;
import org.dialogkarta.pin.PinStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The body's side of a forwarding, through its answer link and no account. An unknown, expired
 * or revoked token, and a pin that is not (or no longer) with the body, are the same 404. Every
 * step is done as {@code department:<id>}: the audit row, the pin's history (status changes the
 * submitter sees) and the answer kept for staff.
 */
@Service
@Transactional
class BodyAnswers {

  record Answer(long id, long pinId, String kind, String reason, LocalDate due, String text, String replyState,
      Instant createdAt, String decidedBy, Instant decidedAt) {}

  record BodyView(String department, Instant expiresAt, List<PinView> pins) {}

  record PinView(ForwardedPins.BodyPin pin, List<Answer> answers) {}

  private record Active(long id, long departmentId, String departmentName, Instant expiresAt) {}

  private final JdbcClient jdbc;
  private final ForwardedPins pins;
  private final PinWorkflow workflow;
  private final AuditLog audit;

  BodyAnswers(JdbcClient jdbc, ForwardedPins pins, PinWorkflow workflow, AuditLog audit) {
    this.jdbc = jdbc;
    this.pins = pins;
    this.workflow = workflow;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  BodyView read(String token) {
    Active f = active(token);
    List<ForwardedPins.BodyPin> still = pins.stillWith(f.id());
    Map<Long, List<Answer>> answers = answersOf(f.id());
    return new BodyView(f.departmentName(), f.expiresAt(),
        still.stream().map(p -> new PinView(p, answers.getOrDefault(p.id(), List.of()))).toList());
  }

  PinView answer(String token, long pinId, AnswerRules.Draft draft) {
    Active f = active(token);
    if (pins.stillWith(f.id()).stream().noneMatch(p -> p.id() == pinId)) {
      throw new NotFoundException("No such pin for this link");
    }
    AnswerRules.Checked checked = AnswerRules.check(draft, AnswerRules.today());
    AuditLog.actingAs("department:" + f.departmentId(), () -> {
      apply(f, pinId, checked);
      return null;
    });
    List<Answer> answers = answersOf(f.id()).getOrDefault(pinId, List.of());
    return pins.byIds(List.of(pinId)).stream().map(p -> new PinView(p, answers)).findFirst().orElseThrow();
  }

  private void apply(Active f, long pinId, AnswerRules.Checked c) {
    switch (c.action()) {
      case ACCEPT -> record(f, pinId, "accepted", null, null, null);
      case DECLINE -> {
        workflow.giveBack(pinId);
        record(f, pinId, "declined", c.reason(), null, null);
      }
      case PLANNED -> {
        workflow.changeStatus(pinId, PinStatus.PLANNED, c.date().toString());
        record(f, pinId, "planned", null, c.date(), null);
      }
      case DONE -> {
        workflow.changeStatus(pinId, PinStatus.DONE, c.date().toString());
        record(f, pinId, "done", null, c.date(), null);
      }
      case REPLY -> { } // the reply below
    }
    if (c.text() != null) {
      record(f, pinId, "reply", null, null, c.text());
    }
  }

  private void record(Active f, long pinId, String kind, String reason, LocalDate due, String text) {
    long id = jdbc.sql("""
            INSERT INTO forwarding_answer (forwarding_id, pin_id, kind, reason, due, text, reply_state)
            VALUES (:f, :pin, :kind, :reason, :due, :text, :state) RETURNING id""")
        .param("f", f.id()).param("pin", pinId).param("kind", kind).param("reason", reason).param("due", due)
        .param("text", text).param("state", text == null ? null : "pending")
        .query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("forwardingId", f.id());
    after.put("pinId", pinId);
    after.put("kind", kind);
    after.put("reason", reason);
    after.put("date", due == null ? null : due.toString());
    after.put("text", text);
    audit.record("forwarding.answer", "forwarding_answer", id, null, after);
  }

  private Active active(String token) {
    if (!AnswerTokens.isWellFormed(token)) {
      throw new NotFoundException("No such answer link");
    }
    return jdbc.sql("""
            SELECT f.id, f.department_id, d.name, f.expires_at FROM forwarding f JOIN department d ON d.id = f.department_id
            WHERE f.token_hash = :hash AND f.revoked_at IS NULL AND f.expires_at > now()""")
        .param("hash", AnswerTokens.hash(token))
        .query((rs, row) -> new Active(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .optional().orElseThrow(() -> new NotFoundException("No such answer link"));
  }

  Map<Long, List<Answer>> answersOf(long forwardingId) {
    Map<Long, List<Answer>> out = new LinkedHashMap<>();
    jdbc.sql(Answers.SELECT + " WHERE a.forwarding_id = :f ORDER BY a.id").param("f", forwardingId)
        .query(Answers::row).list()
        .forEach(a -> out.computeIfAbsent(a.pinId(), k -> new java.util.ArrayList<>()).add(a));
    return out;
  }
}
