package org.dialogkarta.forwarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.moderation.PinWorkflow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The planner's side of the bodies' answers: what they answered on a pin, and approving (it
 * becomes a public reply, like a planner's own) or rejecting a reply they wrote.
 */
@Service
@Transactional
class Answers {

  static final String SELECT = """
      SELECT a.id, a.pin_id, a.kind, a.reason, a.due, a.text, a.reply_state, a.created_at, a.decided_by, a.decided_at
      FROM forwarding_answer a""";

  private final JdbcClient jdbc;
  private final PinWorkflow workflow;
  private final AuditLog audit;

  Answers(JdbcClient jdbc, PinWorkflow workflow, AuditLog audit) {
    this.jdbc = jdbc;
    this.workflow = workflow;
    this.audit = audit;
  }

  List<BodyAnswers.Answer> ofPin(long pinId) {
    return jdbc.sql(SELECT + " WHERE a.pin_id = :pin ORDER BY a.id").param("pin", pinId).query(Answers::row).list();
  }

  /** Publishes the body's reply, as written or as the planner edited it ({@code text} null: as written). */
  BodyAnswers.Answer approve(long id, String text) {
    BodyAnswers.Answer answer = pending(id);
    String published = text == null || text.isBlank() ? answer.text() : text;
    long replyId = workflow.reply(answer.pinId(), published);
    jdbc.sql("""
            UPDATE forwarding_answer SET reply_state = 'approved', reply_id = :reply, decided_by = :by, decided_at = now()
            WHERE id = :id""")
        .param("reply", replyId).param("by", AuditLog.currentActor()).param("id", id).update();
    audit.record("forwarding.reply_approve", "forwarding_answer", id, state(answer.replyState(), null),
        state("approved", replyId));
    return find(id);
  }

  BodyAnswers.Answer reject(long id) {
    BodyAnswers.Answer answer = pending(id);
    jdbc.sql("UPDATE forwarding_answer SET reply_state = 'rejected', decided_by = :by, decided_at = now() WHERE id = :id")
        .param("by", AuditLog.currentActor()).param("id", id).update();
    audit.record("forwarding.reply_reject", "forwarding_answer", id, state(answer.replyState(), null),
        state("rejected", null));
    return find(id);
  }

  private BodyAnswers.Answer pending(long id) {
    BodyAnswers.Answer answer = jdbc.sql(SELECT + " WHERE a.id = :id AND a.kind = 'reply' FOR UPDATE").param("id", id)
        .query(Answers::row).optional().orElseThrow(() -> new NotFoundException("No reply from a department " + id));
    if (!"pending".equals(answer.replyState())) {
      throw new ConflictException("forwarding.reply_decided", "This reply was already " + answer.replyState());
    }
    return answer;
  }

  private BodyAnswers.Answer find(long id) {
    return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(Answers::row).single();
  }

  private static Map<String, Object> state(String state, Long replyId) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("replyState", state);
    out.put("replyId", replyId);
    return out;
  }

  static BodyAnswers.Answer row(ResultSet rs, int row) throws SQLException {
    java.sql.Date due = rs.getDate("due");
    java.sql.Timestamp decided = rs.getTimestamp("decided_at");
    return new BodyAnswers.Answer(rs.getLong("id"), rs.getLong("pin_id"), rs.getString("kind"), rs.getString("reason"),
        due == null ? null : due.toLocalDate(), rs.getString("text"), rs.getString("reply_state"),
        rs.getTimestamp("created_at").toInstant(), rs.getString("decided_by"),
        decided == null ? null : decided.toInstant());
  }
}
