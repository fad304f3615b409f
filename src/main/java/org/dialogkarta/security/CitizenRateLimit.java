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
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dialogkarta.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how many pins, supports, photos and tracks one client can send in ten minutes, so that
 * nobody can flood a dialogue or inflate "me too" counts by script. The client is known only by a
 * keyed hash of its address with a secret that is made anew every day and never leaves memory:
 * no address is stored anywhere, and yesterday's counts cannot be linked to today's. Behind a
 * reverse proxy, set {@code server.forward-headers-strategy} so that the address is the client's.
 */
@Component
class CitizenRateLimit extends OncePerRequestFilter {

  static final Duration WINDOW = Duration.ofMinutes(10);
  private static final Duration SALT_LIFETIME = Duration.ofDays(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int limit;
  private final Clock clock;
  private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private long windowStart;
  private long saltMadeAt;
  private byte[] salt;

  @Autowired
  CitizenRateLimit(@Value("${dialogkarta.rate-limit.writes-per-10-minutes:300}") int limit) {
    this(limit, Clock.systemUTC());
  }

  CitizenRateLimit(int limit, Clock clock) {
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
    if (count(request.getRemoteAddr()) > limit) {
      response.setHeader("Retry-After", String.valueOf(secondsLeft()));
      ProblemWriter.write(request, response, 429, "Too many requests",
          "Too many submissions from this device in a short time; wait a few minutes and try again",
          "rate.limited");
      return;
    }
    chain.doFilter(request, response);
  }

  /** This client's number of writes in the current window, this one included. */
  int count(String address) {
    String key;
    synchronized (this) {
      long now = clock.millis();
      if (salt == null || now - saltMadeAt >= SALT_LIFETIME.toMillis()) {
        salt = new byte[32];
        RANDOM.nextBytes(salt);
        saltMadeAt = now;
        counts.clear();
      }
      if (now - windowStart >= WINDOW.toMillis()) {
        windowStart = now;
        counts.clear();
      }
      key = keyedHash(address);
    }
    return counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  private long secondsLeft() {
    return Math.max(1, (windowStart + WINDOW.toMillis() - clock.millis()) / 1000);
  }

  private String keyedHash(String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
