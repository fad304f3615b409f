package org.dialogkarta.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dialogkarta.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, in PostgreSQL so that every app node counts the same failures:
 * after {@link #ACCOUNT_FREE} failed sign-ins in a row an account is locked for 30 s, doubling
 * with each further failure up to {@link #MAX_LOCK}; a client address (kept only as a keyed hash)
 * after {@code dialogkarta.sign-in.client-free-failures} (20) failures likewise, whichever account
 * it tries. A failure more than 15 minutes after the last one starts the count afresh. A success clears the
 * account's count. The first lock of an account is written to the audit log, so administrators
 * see that it is being guessed.
 */
@Component
class SignInThrottle {

  static final int ACCOUNT_FREE = 5;
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration MAX_LOCK = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final int clientFree;
  private volatile String secret;

  SignInThrottle(JdbcClient jdbc, AuditLog audit,
      @Value("${dialogkarta.sign-in.client-free-failures:20}") int clientFree) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clientFree = clientFree;
  }

  /** How long the account or the client must still wait, if either is locked now. */
  Optional<Duration> locked(String username, String clientAddress) {
    Instant until = jdbc.sql("""
            SELECT max(locked_until) FROM sign_in_throttle
            WHERE key IN (:account, :client) AND locked_until > now()""")
        .param("account", accountKey(username)).param("client", clientKey(clientAddress))
        .query(Instant.class).optional().orElse(null);
    return until == null ? Optional.empty() : Optional.of(Duration.between(Instant.now(), until));
  }

  void failed(String username, String clientAddress) {
    int accountFailures = count(accountKey(username), ACCOUNT_FREE);
    count(clientKey(clientAddress), clientFree);
    if (accountFailures == ACCOUNT_FREE + 1) {
      Long id = jdbc.sql("SELECT id FROM staff_account WHERE username = :u").param("u", normal(username))
          .query(Long.class).optional().orElse(null);
      if (id != null) {
        audit.record("account.guessed", "staff_account", id, null,
            Map.of("failures", accountFailures, "lockedSeconds", lock(accountFailures, ACCOUNT_FREE).toSeconds()));
      }
    }
  }

  void succeeded(String username) {
    jdbc.sql("DELETE FROM sign_in_throttle WHERE key = :k").param("k", accountKey(username)).update();
  }

  /** Adds a failure and locks the key once past its free tries; the failures so far. */
  private int count(String key, int free) {
    int failures = jdbc.sql("""
            INSERT INTO sign_in_throttle AS t (key, failures, last_failure_at) VALUES (:k, 1, now())
            ON CONFLICT (key) DO UPDATE SET last_failure_at = now(),
              failures = CASE WHEN t.last_failure_at < now() - interval '15 minutes' THEN 1 ELSE t.failures + 1 END
            RETURNING failures""")
        .param("k", key).query(Integer.class).single();
    if (failures > free) {
      jdbc.sql("UPDATE sign_in_throttle SET locked_until = now() + make_interval(secs => :s) WHERE key = :k")
          .param("s", (double) lock(failures, free).toSeconds()).param("k", key).update();
    }
    return failures;
  }

  static Duration lock(int failures, int free) {
    int doublings = Math.min(failures - free - 1, 10);
    Duration lock = FIRST_LOCK.multipliedBy(1L << Math.max(0, doublings));
    return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
  @SchedulerLock(name = "sign-in-throttle-cleanup")
  void forgetOld() {
    jdbc.sql("DELETE FROM sign_in_throttle WHERE last_failure_at < now() - interval '1 day'"
        + " AND (locked_until IS NULL OR locked_until < now())").update();
  }

  private static String accountKey(String username) {
    return "account:" + normal(username);
  }

  private String clientKey(String address) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(secret().getBytes(StandardCharsets.UTF_8));
      sha.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
      return "client:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String secret() {
    if (secret == null) {
      secret = jdbc.sql("SELECT value FROM installation_secret WHERE name = 'sign-in-throttle'")
          .query(String.class).single();
    }
    return secret;
  }

  static String normal(String username) {
    return username == null ? "" : username.strip().toLowerCase();
  }
}
