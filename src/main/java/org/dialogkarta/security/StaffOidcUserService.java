package org.dialogkarta.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Single sign-on: the identity provider says who someone is; Dialogkarta's own staff account (by
 * the provider's {@code preferred_username}, else e-mail) says what they may do. Someone the
 * provider knows but who has no enabled staff account gets no access.
 */
@Service
class StaffOidcUserService extends OidcUserService {

  private final StaffAccountRepository accounts;

  StaffOidcUserService(StaffAccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    return asStaff(super.loadUser(request));
  }

  /** The provider's user with the roles of their Dialogkarta account, or no access. */
  OidcUser asStaff(OidcUser user) {
    String name = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getEmail();
    StaffAccount account = name == null ? null
        : accounts.findByUsername(name.strip().toLowerCase()).filter(StaffAccount::enabled).orElse(null);
    if (account == null) {
      throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
          "No staff account for this user in Dialogkarta", null));
    }
    List<SimpleGrantedAuthority> authorities = account.roles().stream()
        .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(),
        user.getPreferredUsername() != null ? "preferred_username" : "email");
  }
}
