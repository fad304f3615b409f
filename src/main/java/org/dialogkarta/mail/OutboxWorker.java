package org.dialogkarta.mail;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what {@link Outbox#enqueue} queued. Every few seconds each app node claims up to
 * {@code batch-size} due rows with {@code SELECT … FOR UPDATE SKIP LOCKED} and keeps them locked
 * while it sends them and records the outcome, all in one transaction: a second node skips the
 * locked rows, and once committed a row is no longer 'queued', so each message goes out once.
 * (Should a node die between the SMTP server's "250" and the commit, the row is sent again later:
 * at least once, never lost.)
 *
 * <p>A transient failure counts an attempt and waits {@link MailSettings#backoffAfter} before the
 * next (when the server cannot be reached at all, the batch's other messages count the same
 * failure without waiting for their own timeouts), giving up as 'failed' after
 * {@code max-attempts}; a 5xx refusal of the recipient marks the row 'bounced' and records the address in {@code mail_bounce} ({@link MailBounces}). With no SMTP
 * host configured the worker does nothing and the rows stay queued for the admin page.
 */
@Component
public class OutboxWorker {

  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final SmtpMailer mailer;
  private final MailSettings settings;
  private final MailBounces bounces;

  public OutboxWorker(JdbcClient jdbc, PlatformTransactionManager transactions, SmtpMailer mailer,
      MailSettings settings, MailBounces bounces) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.mailer = mailer;
    this.settings = settings;
    this.bounces = bounces;
  }

  @Scheduled(fixedDelayString = "${dialogkarta.mail.poll-interval:PT5S}", initialDelayString = "${dialogkarta.mail.poll-interval:PT5S}")
  public void poll() {
    try {
      int handled;
      do {
        handled = runOnce();
      } while (handled == settings.batchSize());
    } catch (RuntimeException e) {
      // the database may be away for a moment; the next turn tries again
      log.warn("The outbox worker's turn failed: {}", e.toString());
    }
  }

  /** One turn: claims, sends and records up to one batch; returns how many rows it handled. */
  public int runOnce() {
    if (!mailer.configured()) {
      return 0;
    }
    Integer handled = tx.execute(status -> {
      List<Claimed> due = jdbc.sql("""
              SELECT o.id, o.kind, o.to_address, o.language, o.subject, o.text_body, o.html_body,
                     o.unsubscribe_url, o.state, o.attempts, o.next_attempt_at, o.last_error,
                     o.created_at, o.sent_at,
                     EXISTS (SELECT 1 FROM mail_bounce b WHERE b.address = lower(o.to_address)) AS bounced
              FROM mail_outbox o
              WHERE o.state = 'queued' AND o.next_attempt_at <= now()
              ORDER BY o.next_attempt_at, o.id
              LIMIT :n
              FOR UPDATE OF o SKIP LOCKED""")
          .param("n", settings.batchSize())
          .query((rs, i) -> new Claimed(OutboxRows.message(rs), rs.getBoolean("bounced")))
          .list();
      SmtpMailer.Outcome.Failed down = null;
      for (Claimed c : due) {
        if (c.bounced()) {
          markBounced(c.message().id(), "The address bounced before");
        } else if (down != null) {
          // the server could not be reached a moment ago: no need to wait for each timeout again
          failed(c.message(), down);
        } else {
          SmtpMailer.Outcome outcome = mailer.send(c.message());
          record(c.message(), outcome);
          if (outcome instanceof SmtpMailer.Outcome.Failed f && f.unreachable()) {
            down = f;
          }
        }
      }
      return due.size();
    });
    return handled == null ? 0 : handled;
  }

  private void record(OutboxMessage m, SmtpMailer.Outcome outcome) {
    switch (outcome) {
      case SmtpMailer.Outcome.Sent s -> jdbc.sql("""
              UPDATE mail_outbox SET state = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
              WHERE id = :id""").param("id", m.id()).update();
      case SmtpMailer.Outcome.Refused r -> {
        bounces.record(m.to(), r.error());
        markBounced(m.id(), r.error());
        log.info("Outbox message {} bounced: the recipient's server refused the address", m.id());
      }
      case SmtpMailer.Outcome.Failed f -> failed(m, f);
    }
  }

  private void failed(OutboxMessage m, SmtpMailer.Outcome.Failed f) {
    int attempts = m.attempts() + 1;
    boolean giveUp = attempts >= settings.maxAttempts();
    jdbc.sql("""
            UPDATE mail_outbox SET attempts = :attempts, last_error = :error,
                   state = CASE WHEN :giveUp THEN 'failed' ELSE 'queued' END,
                   next_attempt_at = now() + make_interval(secs => :wait)
            WHERE id = :id""")
        .param("attempts", attempts)
        .param("error", f.error())
        .param("giveUp", giveUp)
        .param("wait", settings.backoffAfter(attempts).toMillis() / 1000.0)
        .param("id", m.id())
        .update();
    log.warn("Outbox message {} not sent (attempt {}{}): {}", m.id(), attempts, giveUp ? ", given up" : "", f.error());
  }

  private void markBounced(long id, String error) {
    jdbc.sql("UPDATE mail_outbox SET state = 'bounced', last_error = :error, attempts = attempts + 1 WHERE id = :id")
        .param("error", error).param("id", id).update();
  }

  private record Claimed(OutboxMessage message, boolean bounced) {}
}
