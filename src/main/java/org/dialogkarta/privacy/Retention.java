package org.dialogkarta.privacy;

import java.time.Period;
import java.util.Map;
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
 * status, profile bands and the municipality's own replies, so statistics still add up.
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
  @Transactional
  public Map<String, Integer> run() {
    String period = keepFor.toString();
    int photos = jdbc.sql("DELETE FROM photo WHERE pin_id IN (" + EXPIRED + ")").param("period", period).update();
    int notes = jdbc.sql("DELETE FROM pin_note WHERE pin_id IN (" + EXPIRED + ")").param("period", period).update();
    int originals = jdbc.sql("DELETE FROM pin_redaction WHERE pin_id IN (" + EXPIRED + ")").param("period", period).update();
    int texts = jdbc.sql("UPDATE pin SET text = NULL, text_deleted_at = now(), receipt_id = NULL"
            + " WHERE text IS NOT NULL AND id IN (" + EXPIRED + ")")
        .param("period", period).update();
    jdbc.sql("UPDATE pin_support SET receipt_id = NULL WHERE receipt_id IS NOT NULL AND pin_id IN (" + EXPIRED + ")")
        .param("period", period).update();
    Map<String, Integer> deleted = Map.of("texts", texts, "photos", photos, "notes", notes, "originals", originals);
    if (texts + photos + notes + originals > 0) {
      audit.record("retention.run", "retention", null, Map.of("keepFor", period), deleted);
      log.info("Retention after {}: deleted {}", period, deleted);
    }
    return deleted;
  }
}
