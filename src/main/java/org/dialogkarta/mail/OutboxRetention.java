package org.dialogkarta.mail;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Addresses are personal data: a message that is done with (sent, failed or bounced) leaves the
 * outbox after 30 days, by the hour, on one node. Queued messages stay until they are done.
 * The bounce list ({@code mail_bounce}) stays, or a dead address would receive again.
 */
@Component
public class OutboxRetention {

  static final String KEPT = "30 days";

  private final JdbcClient jdbc;

  public OutboxRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
  @SchedulerLock(name = "mail-outbox-purge")
  public void hourly() {
    purge();
  }

  /** Deletes finished messages older than 30 days; returns how many. */
  public int purge() {
    return jdbc.sql("""
            DELETE FROM mail_outbox
            WHERE (state = 'sent' AND sent_at < now() - CAST(:kept AS interval))
               OR (state IN ('failed', 'bounced') AND created_at < now() - CAST(:kept AS interval))""")
        .param("kept", KEPT)
        .update();
  }
}
