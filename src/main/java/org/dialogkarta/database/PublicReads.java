package org.dialogkarta.database;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Marks a request as a public read while its handler runs: GET and HEAD of the public map, the
 * dialogue pages, the place search and the OGC API. Connections taken meanwhile come from the replica
 * ({@link ReplicaRouting}); everything else, and everything outside the handler (the session
 * filter's writes), uses the primary. A citizen's receipt is not a public read: it must see the
 * pin just sent.
 */
final class PublicReads implements HandlerInterceptor {

  static final String[] PATHS = {"/api/v1/dialogues", "/api/v1/dialogues/**", "/api/v1/pins/*", "/api/v1/places", "/api/v1/places/**", "/ogc", "/ogc/**",
      "/dialoger", "/dialoger/**"};

  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  static boolean active() {
    return Boolean.TRUE.equals(ACTIVE.get());
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) {
      ACTIVE.set(true);
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    ACTIVE.remove();
  }
}
