package org.dialogkarta.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialogkarta.audit.AuditLog;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Single sign-on: the identity provider says who someone is, by its issuer and the user's subject
 * (which the user cannot change); Dialogkarta's own staff account linked to that pair says what
 * they may do. An account is linked once, when an administrator has marked it "link at next
 * sign-in" and a provider user signs in with exactly its username; never by a name or e-mail
 * alone, which a user may be able to set to "admin". Everyone else gets no access.
 */
@Service
class StaffOidcUserService extends OidcUserService {

  private final StaffAccountRepository accounts;
  private final AuditLog audit;

  StaffOidcUserService(StaffAccountRepository accounts, AuditLog audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    return asStaff(super.loadUser(request));
  }

  /** The provider's user with the roles of their linked Dialogkarta account, or no access. */
  @Transactional
  OidcUser asStaff(OidcUser user) {
    String issuer = user.getIssuer() == null ? null : user.getIssuer().toString();
    String subject = user.getSubject();
    if (issuer == null || subject == null) {
      throw denied("The identity provider did not say who this is (issuer and subject)");
    }
    StaffAccount account = accounts.findByOidcIssuerAndOidcSubject(issuer, subject)
        .or(() -> linkPending(user, issuer, subject))
        .filter(StaffAccount::enabled)
        .orElseThrow(() -> denied("No staff account in Dialogkarta is linked to this user"));
    List<SimpleGrantedAuthority> authorities = account.roles().stream()
        .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    return new StaffOidcUser(authorities, user, account.username());
  }

  /** The account an administrator asked to link, named exactly by the user's username. */
  private Optional<StaffAccount> linkPending(OidcUser user, String issuer, String subject) {
    String name = user.getPreferredUsername();
    if (name == null) {
      return Optional.empty();
    }
    Optional<StaffAccount> pending = accounts.findByUsername(name).filter(StaffAccount::ssoLinkPending);
    pending.ifPresent(account -> {
      account.linkSso(issuer, subject);
      accounts.saveAndFlush(account);
      audit.record("account.sso_linked", "staff_account", account.id(), null,
          Map.of("issuer", issuer, "username", account.username()));
    });
    return pending;
  }

  private static OAuth2AuthenticationException denied(String why) {
    return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null));
  }

  /** The provider's user, named by the Dialogkarta account it is linked to. */
  static final class StaffOidcUser extends DefaultOidcUser {
    private final String username;

    StaffOidcUser(List<SimpleGrantedAuthority> authorities, OidcUser user, String username) {
      super(authorities, user.getIdToken(), user.getUserInfo(), "sub");
      this.username = username;
    }

    @Override
    public String getName() {
      return username;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StaffOidcUser other && username.equals(other.username) && super.equals(o);
    }

    @Override
    public int hashCode() {
      return 31 * super.hashCode() + username.hashCode();
    }
  }
}
