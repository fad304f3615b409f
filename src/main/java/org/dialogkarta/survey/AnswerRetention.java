package org.dialogkarta.survey;

import java.time.Period;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention rule of pins ({@code privacy.Retention}) for answers: the same period after a
 * completed dialogue's end, free-text answers are deleted and responses lose their receipt; the
 * choices, numbers and places stay for the results. Its own scheduled job, once per cluster.
 */
@Component
class AnswerRetention {

  private static final Logger log = LoggerFactory.getLogger(AnswerRetention.class);

  private static final String EXPIRED = """
      SELECT r.id FROM questionnaire_response r JOIN dialogue d ON d.id = r.dialogue_id
      WHERE d.status = 'completed' AND d.ends_on IS NOT NULL AND d.ends_on + CAST(:period AS interval) < current_date""";

  private final JdbcClient jdbc;
  private final Period keepFor;

  AnswerRetention(JdbcClient jdbc, @Value("${dialogkarta.retention.after-completed:P2Y}") Period keepFor) {
    this.jdbc = jdbc;
    this.keepFor = keepFor;
  }

  @Scheduled(cron = "${dialogkarta.retention.cron:0 30 3 * * *}")
  @SchedulerLock(name = "answer-retention")
  @Transactional
  public Map<String, Integer> run() {
    String period = keepFor.toString();
    int texts = jdbc.sql("""
            DELETE FROM answer a USING question_version v
            WHERE v.id = a.question_version_id AND v.kind IN ('short_text', 'long_text')
              AND a.response_id IN (""" + EXPIRED + ")")
        .param("period", period).update();
    int receipts = jdbc.sql("UPDATE questionnaire_response SET receipt_id = NULL WHERE receipt_id IS NOT NULL AND id IN ("
            + EXPIRED + ")")
        .param("period", period).update();
    if (texts + receipts > 0) {
      log.info("Retention after {}: deleted {} free-text answers, cut {} responses from their receipt", period, texts, receipts);
    }
    return Map.of("texts", texts, "receipts", receipts);
  }
}
