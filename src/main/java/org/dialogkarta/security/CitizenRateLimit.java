package org.dialogkarta.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dialogkarta.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how many pins, supports, photos and tracks one client can send in ten minutes, so that
 * nobody can flood a dialogue or inflate "me too" counts by script. The counts are in PostgreSQL
 * ({@code citizen_rate_count}, V23), so every app node sees the same ones and a client cannot
 * double its quota by alternating nodes: each write adds one with a single
 * {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING}, atomic however many nodes write at once.
 * Windows start at whole ten minutes (UTC), the same on every node.
 *
 * <p>The client is known only by an HMAC of its address keyed with a secret of the day: no
 * address is stored. The secret has to be the same on every node, so it is in the database too,
 * and that is a choice between evils. Kept only in each node's memory (as before), a node's
 * secret would differ from the others' and the counts could not be shared. Derived from a setting
 * and the date, every node could make it without storing it, but whoever holds the setting could
 * make any day's secret and link the days. So it is one row of {@code citizen_rate_secret}, made
 * at random by the first write of a (UTC) day and overwritten by the first write of the next:
 * no past day's secret is kept anywhere, so counts of different days cannot be linked, and the
 * counts of earlier windows are deleted as well. The table is unlogged: the secret never goes to
 * the WAL, an archive, a base backup or the replica. What remains is that someone who can read the
 * live database can hash a guessed address with today's secret and see whether it wrote in the
 * current ten minutes; they cannot for any earlier day.
 *
 * <p>Each node reads the secret again and deletes the windows before the current one with its
 * first write in a new window: one more statement per node per ten minutes, and no scheduled job.
 * Behind a reverse proxy, set {@code server.forward-headers-strategy} so that the address is the
 * client's.
 */
@Component
class CitizenRateLimit extends OncePerRequestFilter {

  static final Duration WINDOW = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final int limit;
  private final Clock clock;
  /** The window this node last wrote in and the secret it read for it. */
  private volatile Window current;

  private record Window(long start, byte[] secret) {}

  @Autowired
  CitizenRateLimit(JdbcClient jdbc, @Value("${dialogkarta.rate-limit.writes-per-10-minutes:300}") int limit) {
    this(jdbc, limit, Clock.systemUTC());
  }

  CitizenRateLimit(JdbcClient jdbc, int limit, Clock clock) {
    this.jdbc = jdbc;
    this.limit = limit;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return limit <= 0 || !(method.equals("POST") || method.equals("DELETE")) || !SecurityConfig.isCitizenWrite(request)
        || request.getRequestURI().startsWith("/api/v1/staff/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!allowed(request.getRemoteAddr())) {
      response.setHeader("Retry-After", String.valueOf(secondsLeft()));
      ProblemWriter.write(request, response, 429, "Too many requests",
          "Too many submissions from this device in a short time; wait a few minutes and try again",
          "rate.limited");
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether this write is within the client's quota. When the database cannot be reached the count
   * is unknown and the write goes on, to meet the same database and its 503 with Retry-After
   * ({@code web.ProblemDetailsAdvice}), which a filter's exception would not get.
   */
  boolean allowed(String address) {
    try {
      return count(address) <= limit;
    } catch (DataAccessResourceFailureException | TransientDataAccessResourceException e) {
      return true;
    }
  }

  /** This client's number of writes in the current window on all nodes, this one included. */
  int count(String address) {
    Window window = window(clock.millis());
    return jdbc.sql("""
            INSERT INTO citizen_rate_count AS c (window_start, client, writes) VALUES (:start, :client, 1)
            ON CONFLICT (window_start, client) DO UPDATE SET writes = c.writes + 1
            RETURNING writes""")
        .param("start", OffsetDateTime.ofInstant(Instant.ofEpochMilli(window.start()), ZoneOffset.UTC))
        .param("client", keyedHash(window.secret(), address))
        .query(Integer.class).single();
  }

  /** The window that {@code now} falls in; on this node's first write in it, its secret is read and older windows go. */
  private Window window(long now) {
    long start = now - Math.floorMod(now, WINDOW.toMillis());
    Window known = current;
    if (known != null && known.start() == start) {
      return known;
    }
    synchronized (this) {
      if (current == null || current.start() != start) {
        byte[] secret = secretOf(LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC));
        jdbc.sql("DELETE FROM citizen_rate_count WHERE window_start < :start")
            .param("start", OffsetDateTime.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC)).update();
        current = new Window(start, secret);
      }
      return current;
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
            INSERT INTO citizen_rate_secret AS s (day, secret) VALUES (:day, :fresh)
            ON CONFLICT (only_row) DO UPDATE SET day = excluded.day, secret = excluded.secret
              WHERE s.day < excluded.day
            RETURNING secret""")
        .param("day", day).param("fresh", fresh)
        .query(byte[].class).optional()
        .orElseGet(() -> jdbc.sql("SELECT secret FROM citizen_rate_secret").query(byte[].class).single());
  }

  private long secondsLeft() {
    long now = clock.millis();
    return Math.max(1, (WINDOW.toMillis() - Math.floorMod(now, WINDOW.toMillis())) / 1000);
  }

  private static byte[] keyedHash(byte[] secret, String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(address.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
