package org.dialogkarta.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, and the token that the staff pages send with every change. */
@RestController
class StaffController {

  record Csrf(String headerName, String parameterName, String token) {
    static Csrf of(CsrfToken token) {
      return new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
    }
  }

  record Me(String username, String displayName, List<String> roles, Csrf csrf) {}

  private final StaffAccountRepository accounts;

  StaffController(StaffAccountRepository accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/api/v1/staff/me")
  Me me(Authentication auth, HttpServletRequest request) {
    String displayName = accounts.findByUsername(auth.getName()).map(StaffAccount::displayName).orElse(auth.getName());
    List<String> roles = auth.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring(5).toLowerCase())
        .toList();
    return new Me(auth.getName(), displayName, roles, Csrf.of((CsrfToken) request.getAttribute(CsrfToken.class.getName())));
  }

  /** For the sign-in form, which is a static page: the token it must post with the password. */
  @GetMapping("/api/v1/csrf")
  Csrf csrf(HttpServletRequest request) {
    return Csrf.of((CsrfToken) request.getAttribute(CsrfToken.class.getName()));
  }
}
