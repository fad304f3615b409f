package org.dialogkarta.mail;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Addresses whose server refused them for good ({@code mail_bounce}, V31), lower-cased. The worker
 * records one on a 5xx refusal of the recipient; {@link Outbox#enqueue} then stores messages to it
 * as 'bounced' without sending.
 */
@Component
public class MailBounces {

  private final JdbcClient jdbc;

  public MailBounces(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String address, String reason) {
    jdbc.sql("""
            INSERT INTO mail_bounce (address, reason) VALUES (:address, :reason)
            ON CONFLICT (address) DO UPDATE SET reason = EXCLUDED.reason, bounced_at = now()""")
        .param("address", key(address))
        .param("reason", reason == null || reason.isBlank() ? "refused" : reason)
        .update();
  }

  public boolean bounced(String address) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM mail_bounce WHERE address = :a)").param("a", key(address))
        .query(Boolean.class).single();
  }

  static String key(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
