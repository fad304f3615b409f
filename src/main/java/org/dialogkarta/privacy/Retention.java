package org.dialogkarta.privacy;

import java.time.Period;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dialogkarta.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes what people wrote a set time after their dialogue ended (two years unless configured):
 * the pins' free text, earlier unredacted versions of it, staff notes about them, photos, and the
 * link to the submitter's receipt. What stays is anonymous: the point, category, sub-tags,
 * status, profile bands and the municipality's own replies, so statistics still add up. Views
 * registered from other channels lose their sender's personal data and attachment at the same time.
 */
@Component
public class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Period keepFor;

  Retention(JdbcClient jdbc, AuditLog audit, @Value("${dialogkarta.retention.after-completed:P2Y}") Period keepFor) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.keepFor = keepFor;
  }

  /** The expired pins: of completed dialogues whose end date is further back than the period. */
  private static final String EXPIRED = """
      SELECT p.id FROM pin p JOIN dialogue d ON d.id = p.dialogue_id
      WHERE d.status = 'completed' AND d.ends_on IS NOT NULL
        AND d.ends_on + CAST(:period AS interval) < current_date
      """;

  @Scheduled(cron = "${dialogkarta.retention.cron:0 30 3 * * *}")
  @SchedulerLock(name = "retention")
  @Transactional
  public Map<String, Integer> run() {
    String period = keepFor.toString();
    // Found once; every deletion below works on the same pins.
    Long[] expired = jdbc.sql(EXPIRED + " AND p.text_deleted_at IS NULL").param("period", period)
        .query(Long.class).list().toArray(Long[]::new);
    int senders = deleteSendersOfExpiredViews(period);
    if (expired.length == 0) {
      return Map.of("texts", 0, "photos", 0, "notes", 0, "originals", 0, "senders", senders);
    }
    int photos = onExpired("DELETE FROM photo WHERE pin_id = ANY (:pins)", expired);
    int notes = onExpired("DELETE FROM pin_note WHERE pin_id = ANY (:pins)", expired);
    int originals = onExpired("DELETE FROM pin_redaction WHERE pin_id = ANY (:pins)", expired);
    onExpired("UPDATE pin_support SET receipt_id = NULL WHERE pin_id = ANY (:pins)", expired);
    // A walk pin may have had no words at all: its receipt link is cut all the same.
    int texts = onExpired("UPDATE pin SET text = NULL, text_deleted_at = now(), receipt_id = NULL"
        + " WHERE id = ANY (:pins)", expired);
    Map<String, Integer> deleted = Map.of("texts", texts, "photos", photos, "notes", notes, "originals", originals,
        "senders", senders);
    if (texts + photos + notes + originals > 0) {
      audit.record("retention.run", "retention", null, Map.of("keepFor", period), deleted);
      log.info("Retention after {}: deleted {}", period, deleted);
    }
    return deleted;
  }

  /**
   * Views registered from letters, e-mail, phone, meetings and remiss answers lose their sender
   * (name, address, e-mail, organisation) and their attachment, which as a scanned letter or a
   * signed answer names the sender too. The view's text, channel, sender type and date stay: they
   * are what the dialogue report counts and quotes. Audited on its own, like a pin run.
   */
  private int deleteSendersOfExpiredViews(String period) {
    String expiredViews = """
        SELECT v.id FROM incoming_view v JOIN dialogue d ON d.id = v.dialogue_id
        WHERE d.status = 'completed' AND d.ends_on IS NOT NULL
          AND d.ends_on + CAST(:period AS interval) < current_date
        """;
    int senders = jdbc.sql("DELETE FROM incoming_view_sender WHERE view_id IN (" + expiredViews + ")")
        .param("period", period).update();
    int attachments = jdbc.sql("DELETE FROM incoming_view_attachment WHERE view_id IN (" + expiredViews + ")")
        .param("period", period).update();
    if (senders + attachments > 0) {
      Map<String, Integer> deleted = Map.of("senders", senders, "attachments", attachments);
      audit.record("retention.views", "retention", null, Map.of("keepFor", period), deleted);
      log.info("Retention after {}: deleted of registered views {}", period, deleted);
    }
    return senders;
  }

  private int onExpired(String sql, Long[] pins) {
    return jdbc.sql(sql).param("pins", pins).update();
  }
}
