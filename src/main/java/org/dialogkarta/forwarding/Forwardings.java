package org.dialogkarta.forwarding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.mail.Mail;
import org.dialogkarta.mail.Outbox;
import org.dialogkarta.moderation.PinForwarded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Forwarding that reaches the department. Every pin that becomes forwarded (a planner's status
 * change, a bulk reply with that status, the bulk forward, a routing rule) is collected for the
 * running transaction; just before it commits, each department gets ONE forwarding covering all
 * its pins of that transaction: a random answer token (only its hash kept), and one message per
 * contact address queued with {@link Outbox#enqueue} — so the message exists exactly when the
 * status change was committed. A department without addresses gets the forwarding (staff see
 * "not sent") and can be sent it later.
 */
@Service
@Transactional
class Forwardings {

  static final Duration VALID_FOR = Duration.ofDays(60);
  private static final Object KEY = new Object();

  /** A forwarding as staff see it. {@code state}: active, expired, revoked or unsent. */
  record Forwarding(long id, long departmentId, String departmentName, List<String> recipients, String createdBy,
      Instant createdAt, Instant sentAt, int sentCount, Instant expiresAt, Instant revokedAt, String revokedBy,
      String state, List<Long> pinIds) {}

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final Contacts contacts;
  private final ForwardedPins pins;
  private final ForwardingMail mail;
  private final AuditLog audit;

  Forwardings(JdbcClient jdbc, Outbox outbox, Contacts contacts, ForwardedPins pins, ForwardingMail mail,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.contacts = contacts;
    this.pins = pins;
    this.mail = mail;
    this.audit = audit;
  }

  /** Collects the pin for the department's one forwarding of this transaction. */
  @EventListener
  void on(PinForwarded event) {
    pending().computeIfAbsent(event.departmentId(), d -> new LinkedHashSet<>()).add(event.pinId());
  }

  /** Creates the forwardings collected so far (also run just before commit); their ids. (Not named
   * flush: {@code TransactionSynchronization} has a flush of its own.) */
  List<Long> createCollected() {
    if (!TransactionSynchronizationManager.hasResource(KEY)) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    Map<Long, Set<Long>> collected = (Map<Long, Set<Long>>) TransactionSynchronizationManager.getResource(KEY);
    List<Long> ids = new ArrayList<>();
    Map<Long, Set<Long>> copy = new LinkedHashMap<>(collected);
    collected.clear();
    copy.forEach((department, pinIds) -> ids.add(create(department, new ArrayList<>(pinIds))));
    return ids;
  }

  private Map<Long, Set<Long>> pending() {
    if (!TransactionSynchronizationManager.hasResource(KEY)) {
      Map<Long, Set<Long>> collected = new LinkedHashMap<>();
      TransactionSynchronizationManager.bindResource(KEY, collected);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          createCollected();
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
      });
    }
    @SuppressWarnings("unchecked")
    Map<Long, Set<Long>> collected = (Map<Long, Set<Long>>) TransactionSynchronizationManager.getResource(KEY);
    return collected;
  }

  private long create(long departmentId, List<Long> pinIds) {
    String token = AnswerTokens.issue();
    Instant expires = Instant.now().plus(VALID_FOR);
    long id = jdbc.sql("""
            INSERT INTO forwarding (department_id, token_hash, created_by, expires_at)
            VALUES (:d, :hash, :by, :expires) RETURNING id""")
        .param("d", departmentId).param("hash", AnswerTokens.hash(token)).param("by", AuditLog.currentActor())
        .param("expires", java.sql.Timestamp.from(expires))
        .query(Long.class).single();
    jdbc.sql("INSERT INTO forwarding_pin (forwarding_id, pin_id) SELECT :f, unnest(CAST(:pins AS bigint[]))")
        .param("f", id).param("pins", pinIds.toArray(Long[]::new)).update();
    List<String> to = send(id, departmentId, pins.byIds(pinIds), token, expires);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("departmentId", departmentId);
    after.put("pinIds", pinIds);
    after.put("recipients", to.size());
    audit.record("forwarding.create", "forwarding", id, null, after);
    return id;
  }

  /** Queues the message to every contact address; records to whom. */
  private List<String> send(long id, long departmentId, List<ForwardedPins.BodyPin> forwarded, String token,
      Instant expires) {
    List<String> to = contacts.of(departmentId);
    String name = jdbc.sql("SELECT name FROM department WHERE id = :d").param("d", departmentId).query(String.class).single();
    ForwardingMail.Written written = mail.write(name, forwarded, token, expires);
    for (String address : to) {
      outbox.enqueue(new Mail("forward", address, ForwardingMail.LANGUAGE, written.subject(), written.text(),
          written.html(), null));
    }
    jdbc.sql("""
            UPDATE forwarding SET recipients = CAST(:to AS text[]),
                   sent_at = CASE WHEN cardinality(CAST(:to AS text[])) > 0 THEN now() ELSE sent_at END,
                   sent_count = sent_count + CASE WHEN cardinality(CAST(:to AS text[])) > 0 THEN 1 ELSE 0 END
            WHERE id = :id""")
        .param("to", to.toArray(String[]::new)).param("id", id).update();
    return to;
  }

  /**
   * Sends the forwarding again, to the department's addresses as they are now, with a NEW link:
   * only the old token's hash is kept, so the old link cannot be sent again and stops working.
   */
  Forwarding resend(long id) {
    Forwarding before = find(id);
    String token = AnswerTokens.issue();
    Instant expires = Instant.now().plus(VALID_FOR);
    jdbc.sql("""
            UPDATE forwarding SET token_hash = :hash, expires_at = :expires, revoked_at = NULL, revoked_by = NULL
            WHERE id = :id""")
        .param("hash", AnswerTokens.hash(token)).param("expires", java.sql.Timestamp.from(expires)).param("id", id)
        .update();
    List<ForwardedPins.BodyPin> still = pins.stillWith(id);
    if (still.isEmpty()) {
      throw new ConflictException("forwarding.no_pins", "None of this forwarding's pins is still with the department");
    }
    List<String> to = send(id, before.departmentId(), still, token, expires);
    if (to.isEmpty()) {
      throw new ConflictException("forwarding.no_contacts", "The department has no contact address");
    }
    Forwarding after = find(id);
    audit.record("forwarding.resend", "forwarding", id, summary(before), summary(after));
    return after;
  }

  Forwarding revoke(long id) {
    Forwarding before = find(id);
    if (before.revokedAt() == null) {
      jdbc.sql("UPDATE forwarding SET revoked_at = now(), revoked_by = :by WHERE id = :id")
          .param("by", AuditLog.currentActor()).param("id", id).update();
    }
    Forwarding after = find(id);
    audit.record("forwarding.revoke", "forwarding", id, summary(before), summary(after));
    return after;
  }

  private static Map<String, Object> summary(Forwarding f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("state", f.state());
    out.put("expiresAt", f.expiresAt());
    out.put("sentCount", f.sentCount());
    return out;
  }

  private static final String SELECT = """
      SELECT f.id, f.department_id, d.name AS department_name, f.recipients, f.created_by, f.created_at, f.sent_at,
             f.sent_count, f.expires_at, f.revoked_at, f.revoked_by,
             CASE WHEN f.revoked_at IS NOT NULL THEN 'revoked' WHEN f.expires_at <= now() THEN 'expired'
                  WHEN f.sent_at IS NULL THEN 'unsent' ELSE 'active' END AS state,
             ARRAY(SELECT fp.pin_id FROM forwarding_pin fp WHERE fp.forwarding_id = f.id ORDER BY fp.pin_id) AS pin_ids
      FROM forwarding f JOIN department d ON d.id = f.department_id""";

  Forwarding find(long id) {
    return jdbc.sql(SELECT + " WHERE f.id = :id").param("id", id).query(Forwardings::row).optional()
        .orElseThrow(() -> new NotFoundException("No forwarding " + id));
  }

  List<Forwarding> ofPin(long pinId) {
    return jdbc.sql(SELECT + " WHERE f.id IN (SELECT forwarding_id FROM forwarding_pin WHERE pin_id = :pin) ORDER BY f.id DESC")
        .param("pin", pinId).query(Forwardings::row).list();
  }

  private static Forwarding row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Forwarding(rs.getLong("id"), rs.getLong("department_id"), rs.getString("department_name"),
        List.of((String[]) rs.getArray("recipients").getArray()), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("sent_at")), rs.getInt("sent_count"),
        rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"),
        rs.getString("state"), List.of((Long[]) rs.getArray("pin_ids").getArray()));
  }

  private static Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
