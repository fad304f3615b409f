package org.dialogkarta.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A staff session ends at its next request when its account was disabled, deleted, or had its
 * roles or password changed since the session signed in (the account's {@code access_version}
 * moved on): the request then goes on unauthenticated, so it is refused or sent to sign in. One
 * primary-key read per signed-in request, from the database, so it holds on every app node.
 */
class StaffSessionCheck extends OncePerRequestFilter {

  static final String ACCESS_VERSION = "dialogkarta.accessVersion";

  private final StaffAccountRepository accounts;

  StaffSessionCheck(StaffAccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (session != null && auth != null && auth.isAuthenticated() && session.getAttribute(ACCESS_VERSION) != null) {
      Optional<StaffAccount> account = accounts.findByUsername(SignInThrottle.normal(auth.getName()));
      boolean current = account.isPresent() && account.get().enabled()
          && account.get().accessVersion() == (Integer) session.getAttribute(ACCESS_VERSION);
      if (!current) {
        session.invalidate();
        SecurityContextHolder.clearContext();
      }
    }
    chain.doFilter(request, response);
  }
}
