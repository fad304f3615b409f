package org.dialogkarta.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.dialogkarta.ratelimit.RateBudget;
import org.dialogkarta.ratelimit.RateLimiter;
import org.dialogkarta.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how many pins, supports, photos and tracks one client can send in ten minutes, so that
 * nobody can flood a dialogue or inflate "me too" counts by script. The counting is
 * {@link RateLimiter}'s, the one mechanism (shared by every app node in PostgreSQL, the client
 * known only by a keyed hash with a secret of the day), under the budget {@link #BUDGET_NAME}.
 * Behind a reverse proxy, set {@code server.forward-headers-strategy} so that the address is the
 * client's.
 */
@Component
class CitizenRateLimit extends OncePerRequestFilter {

  static final Duration WINDOW = Duration.ofMinutes(10);
  static final String BUDGET_NAME = "citizen.writes";

  private final RateLimiter limiter;
  private final RateBudget budget;

  @Autowired
  CitizenRateLimit(RateLimiter limiter, @Value("${dialogkarta.rate-limit.writes-per-10-minutes:300}") int limit) {
    this.limiter = limiter;
    this.budget = new RateBudget(BUDGET_NAME, WINDOW, limit);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return budget.limit() <= 0 || !(method.equals("POST") || method.equals("DELETE"))
        || !SecurityConfig.isCitizenWrite(request) || request.getRequestURI().startsWith("/api/v1/staff/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!allowed(request.getRemoteAddr())) {
      response.setHeader("Retry-After", String.valueOf(limiter.secondsLeft(budget)));
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
      return count(address) <= budget.limit();
    } catch (DataAccessResourceFailureException | TransientDataAccessResourceException e) {
      return true;
    }
  }

  /** This client's number of writes in the current window on all nodes, this one included. */
  int count(String address) {
    return limiter.count(budget, address);
  }
}
