package org.dialogkarta.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.dialogkarta.web.ProblemWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in attempt before any password is checked when its account or its client is
 * locked by {@link SignInThrottle}: the form goes back to the sign-in page saying how long to
 * wait; HTTP Basic gets 429 with {@code Retry-After}.
 */
class SignInGuard extends OncePerRequestFilter {

  private final SignInThrottle throttle;

  SignInGuard(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI());
    String username = form ? request.getParameter("username") : basicUsername(request);
    if (username != null) {
      Optional<Duration> wait = throttle.locked(username, request.getRemoteAddr());
      if (wait.isPresent()) {
        long seconds = Math.max(1, wait.get().toSeconds() + 1);
        if (form) {
          response.sendRedirect(SecurityConfig.LOGIN_PAGE + "?fel=" + URLEncoder.encode("spärrad", StandardCharsets.UTF_8)
              + "&sekunder=" + seconds);
        } else {
          response.setHeader("Retry-After", String.valueOf(seconds));
          ProblemWriter.write(request, response, 429, "Too many failed sign-ins",
              "Too many failed sign-ins for this account or from this address; try again in " + seconds + " s",
              "auth.throttled");
        }
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** The user name of an HTTP Basic header, or null. */
  static String basicUsername(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
