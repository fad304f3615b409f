package org.dialogkarta.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one rate-limit mechanism: counts uses of a {@link RateBudget} per key and window in
 * PostgreSQL ({@code rate_count}, V39), so every app node sees the same counts and a client
 * cannot double its quota by alternating nodes. Each use is one atomic
 * {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING}, however many nodes count at once. Windows
 * start at whole multiples of the budget's window (UTC), the same on every node; each node deletes
 * a budget's earlier windows with its first use of that budget in a new window (no scheduled job).
 * The citizens' writes ({@code security.CitizenRateLimit}) and following by e-mail
 * ({@code follow.Follows}) count here, each under budgets of their own.
 *
 * <p>No address is stored. A client (its IP address) is counted under an HMAC keyed with a secret
 * of the day ({@link #clientKey}); a caller may also count under a hash of its own (an e-mail
 * address's SHA-256). The secret has to be the same on every node, so it is one row of
 * {@code rate_secret} (unlogged: never in the WAL, a backup or the replica), made at random by the
 * first use of a (UTC) day and overwritten by the first use of the next: no earlier day's secret
 * is kept, so counts of different days cannot be linked. Someone who can read the live database
 * can hash a guessed address with today's secret and see whether it was counted today; not for
 * any earlier day. Each node reads the secret again every ten minutes, so after a crash (which
 * empties unlogged tables) all nodes soon use the same new one. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so that the address is the client's.
 */
@Component
public class RateLimiter {

  /** How often a node reads the day's secret again. */
  static final Duration SECRET_READ = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  /** Per budget, the window this node last counted in (its earlier windows are deleted). */
  private final Map<String, Long> windows = new ConcurrentHashMap<>();
  /** The secret this node read, and in which ten minutes. */
  private volatile Secret secret;

  private record Secret(long slot, byte[] bytes) {}

  @Autowired
  public RateLimiter(JdbcClient jdbc) {
    this(jdbc, Clock.systemUTC());
  }

  /** A limiter on its own clock, as a second node or a test's. */
  public RateLimiter(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Counts one use by a client (its address, kept only as a keyed hash); whether it is within the budget. */
  public boolean allows(RateBudget budget, String client) {
    return count(budget, client) <= budget.limit();
  }

  /** Counts one use under a key the caller made (a 32-byte hash); whether it is within the budget. */
  public boolean allowsKey(RateBudget budget, byte[] key) {
    return countKey(budget, key) <= budget.limit();
  }

  /** Counts one use by a client; its number of uses of the budget in the current window, on all nodes. */
  public int count(RateBudget budget, String client) {
    return countKey(budget, clientKey(client));
  }

  /** Counts one use under {@code key}; the number of uses in the current window, on all nodes. */
  public int countKey(RateBudget budget, byte[] key) {
    long start = windowStart(budget, clock.millis());
    return jdbc.sql("""
            INSERT INTO rate_count AS c (budget, window_start, key, count) VALUES (:budget, :start, :key, 1)
            ON CONFLICT (budget, window_start, key) DO UPDATE SET count = c.count + 1
            RETURNING count""")
        .param("budget", budget.name()).param("start", time(start)).param("key", key)
        .query(Integer.class).single();
  }

  /** Seconds until the budget's current window ends (at least one). */
  public long secondsLeft(RateBudget budget) {
    long window = budget.window().toMillis();
    return Math.max(1, (window - Math.floorMod(clock.millis(), window)) / 1000);
  }

  /** The key a client is counted under today: HMAC-SHA-256 of its address with the day's secret. */
  public byte[] clientKey(String client) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret(clock.millis()), "HmacSHA256"));
      return mac.doFinal(client.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The start of the window {@code now} falls in; this node's first use of the budget in it deletes the earlier ones. */
  private long windowStart(RateBudget budget, long now) {
    long start = now - Math.floorMod(now, budget.window().toMillis());
    Long known = windows.put(budget.name(), start);
    if (known == null || known != start) {
      jdbc.sql("DELETE FROM rate_count WHERE budget = :budget AND window_start < :start")
          .param("budget", budget.name()).param("start", time(start)).update();
    }
    return start;
  }

  private byte[] secret(long now) {
    long slot = Math.floorDiv(now, SECRET_READ.toMillis());
    Secret known = secret;
    if (known != null && known.slot() == slot) {
      return known.bytes();
    }
    synchronized (this) {
      if (secret == null || secret.slot() != slot) {
        secret = new Secret(slot, secretOf(LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC)));
      }
      return secret.bytes();
    }
  }

  /**
   * The secret of the day: the stored one, unless it is from an earlier day, when a new one
   * replaces it. Two nodes at midnight agree: the row lock makes the second see the first's row,
   * which is no longer earlier, and read it. A node whose clock is a little behind uses a newer
   * day's secret as it finds it.
   */
  private byte[] secretOf(LocalDate day) {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    return jdbc.sql("""
            INSERT INTO rate_secret AS s (day, secret) VALUES (:day, :fresh)
            ON CONFLICT (only_row) DO UPDATE SET day = excluded.day, secret = excluded.secret
              WHERE s.day < excluded.day
            RETURNING secret""")
        .param("day", day).param("fresh", fresh)
        .query(byte[].class).optional()
        .orElseGet(() -> jdbc.sql("SELECT secret FROM rate_secret").query(byte[].class).single());
  }

  private static OffsetDateTime time(long millis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }
}
