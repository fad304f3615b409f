package org.dialogkarta.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What happens around a sign-in: a wrong password counts towards {@link SignInThrottle}'s locks, a
 * right one clears the account's count, and a session signed in interactively (form or identity
 * provider) remembers the account's access version for {@link StaffSessionCheck}.
 */
@Component
class SignInEvents {

  private final SignInThrottle throttle;
  private final StaffAccountRepository accounts;

  SignInEvents(SignInThrottle throttle, StaffAccountRepository accounts) {
    this.throttle = throttle;
    this.accounts = accounts;
  }

  @EventListener
  void failed(AuthenticationFailureBadCredentialsEvent event) {
    HttpServletRequest request = request();
    throttle.failed(String.valueOf(event.getAuthentication().getName()), request == null ? null : request.getRemoteAddr());
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    throttle.succeeded(event.getAuthentication().getName());
  }

  @EventListener
  void signedIn(InteractiveAuthenticationSuccessEvent event) {
    HttpServletRequest request = request();
    HttpSession session = request == null ? null : request.getSession(false);
    if (session != null) {
      accounts.findByUsername(SignInThrottle.normal(event.getAuthentication().getName()))
          .ifPresent(a -> session.setAttribute(StaffSessionCheck.ACCESS_VERSION, a.accessVersion()));
    }
  }

  private static HttpServletRequest request() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest() : null;
  }
}
