package org.dialogkarta.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings under {@code dialogkarta.mail.*} (environment variables in application.properties).
 *
 * @param smtp         the mail server; with no host nothing is sent and the outbox only queues
 * @param batchSize    how many due messages one turn of the worker claims
 * @param maxAttempts  transient failures before a message is given up as 'failed'
 * @param backoffBase  the wait after the first failure; it doubles with each further one
 * @param backoffMax   the longest wait between two attempts
 */
@ConfigurationProperties("dialogkarta.mail")
public record MailSettings(Smtp smtp, int batchSize, int maxAttempts, Duration backoffBase, Duration backoffMax) {

  @ConstructorBinding
  public MailSettings {
    if (smtp == null) {
      smtp = new Smtp("", 25, "", "", "", false);
    }
    batchSize = batchSize <= 0 ? 20 : batchSize;
    maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
    backoffBase = backoffBase == null || backoffBase.isNegative() || backoffBase.isZero() ? Duration.ofMinutes(1) : backoffBase;
    backoffMax = backoffMax == null || backoffMax.compareTo(backoffBase) < 0 ? Duration.ofHours(6).plus(backoffBase) : backoffMax;
    if (smtp.configured() && (smtp.from() == null || smtp.from().isBlank())) {
      throw new IllegalArgumentException("DIALOGKARTA_SMTP_FROM (dialogkarta.mail.smtp.from) is needed when an SMTP host is set");
    }
  }

  /** The wait before attempt {@code attempts + 1}, after {@code attempts} failures: base·2^(attempts−1), capped. */
  public Duration backoffAfter(int attempts) {
    Duration wait = backoffBase;
    for (int i = 1; i < attempts && wait.compareTo(backoffMax) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
  }

  /**
   * @param starttls require STARTTLS before sending (port 587 servers); for port 465 use a relay
   */
  public record Smtp(String host, int port, String username, String password, String from, boolean starttls) {

    public boolean configured() {
      return host != null && !host.isBlank();
    }
  }
}
