package org.dialogkarta.accessibility;

import java.time.Instant;
import java.util.List;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.receipt.Receipts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports of accessibility problems ({@code accessibility_report}, V36): a visitor sends one and
 * gets a receipt ({@link Receipts}, only the token's hash is stored) to read the answer with;
 * administrators read them, answer and close them, every step audited (without the e-mail
 * address, which only the administrators' list shows, and only until the report is closed).
 */
@Service
@Transactional
public class AccessibilityReports {

  /** What the reporter sees on their receipt: no e-mail address. */
  public record Mine(long id, String page, String description, String state, String answer,
      Instant answeredAt, Instant createdAt) {}

  /** What administrators see. */
  public record ForStaff(long id, String page, String description, String email, String language,
      String state, String answer, Instant answeredAt, Instant createdAt) {}

  /** What the reporter gets back: the report's id and the receipt token (in clear, once). */
  public record Sent(long id, String receipt) {}

  private final JdbcClient jdbc;
  private final Receipts receipts;
  private final AuditLog audit;

  AccessibilityReports(JdbcClient jdbc, Receipts receipts, AuditLog audit) {
    this.jdbc = jdbc;
    this.receipts = receipts;
    this.audit = audit;
  }

  /** Stores a checked report; a receipt the reporter already holds gathers it with their others. */
  public Sent submit(ReportSubmission submission, String receiptToken) {
    ReportRules.Checked r = ReportRules.check(submission);
    Receipts.Issued receipt = receipts.findOrIssue(receiptToken);
    long id = jdbc.sql("""
            INSERT INTO accessibility_report (receipt_id, page, description, email, language)
            VALUES (:receipt, :page, :description, :email, :language) RETURNING id""")
        .param("receipt", receipt.id()).param("page", r.page()).param("description", r.description())
        .param("email", r.email()).param("language", r.language())
        .query(Long.class).single();
    return new Sent(id, receipt.token());
  }

  /** The reports of one receipt, newest first; 404 for an unknown token. */
  @Transactional(readOnly = true)
  public List<Mine> mine(String receiptToken) {
    long receipt = receipts.require(receiptToken);
    return jdbc.sql("""
            SELECT id, page, description, state, answer, answered_at, created_at FROM accessibility_report
            WHERE receipt_id = :r ORDER BY created_at DESC, id DESC""")
        .param("r", receipt)
        .query((rs, n) -> new Mine(rs.getLong("id"), rs.getString("page"), rs.getString("description"),
            rs.getString("state"), rs.getString("answer"), instant(rs.getTimestamp("answered_at")),
            instant(rs.getTimestamp("created_at"))))
        .list();
  }

  /** Every report for administrators: open ones first, then newest first. */
  @Transactional(readOnly = true)
  public List<ForStaff> all() {
    return jdbc.sql("""
            SELECT id, page, description, email, language, state, answer, answered_at, created_at
            FROM accessibility_report
            ORDER BY state = 'open' DESC, state = 'answered' DESC, created_at DESC, id DESC""")
        .query((rs, n) -> new ForStaff(rs.getLong("id"), rs.getString("page"), rs.getString("description"),
            rs.getString("email"), rs.getString("language"), rs.getString("state"), rs.getString("answer"),
            instant(rs.getTimestamp("answered_at")), instant(rs.getTimestamp("created_at"))))
        .list();
  }

  /** Answers a report (again, if the first answer needs correcting); a closed one is not answered. */
  public ForStaff answer(long id, String rawAnswer) {
    String answer = ReportRules.answer(rawAnswer);
    ForStaff before = one(id);
    if ("closed".equals(before.state())) {
      throw new ConflictException("report.closed", "Report " + id + " is closed");
    }
    jdbc.sql("UPDATE accessibility_report SET answer = :a, state = 'answered', answered_at = now() WHERE id = :id")
        .param("a", answer).param("id", id).update();
    ForStaff after = one(id);
    audit.record("accessibility.answer", "accessibility_report", id, forAudit(before), forAudit(after));
    return after;
  }

  public ForStaff close(long id) {
    ForStaff before = one(id);
    // The address was only for the answer: a closed report keeps none.
    jdbc.sql("UPDATE accessibility_report SET state = 'closed', email = NULL WHERE id = :id").param("id", id).update();
    ForStaff after = one(id);
    audit.record("accessibility.close", "accessibility_report", id, forAudit(before), forAudit(after));
    return after;
  }

  private ForStaff one(long id) {
    return all().stream().filter(r -> r.id() == id).findFirst()
        .orElseThrow(() -> new NotFoundException("No accessibility report " + id));
  }

  /** The audit log keeps the state and answer, never the reporter's e-mail address. */
  private static java.util.Map<String, Object> forAudit(ForStaff r) {
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("state", r.state());
    out.put("answer", r.answer());
    return out;
  }

  private static Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
