package org.dialogkarta.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Who the identity provider vouches for gets the roles of their Dialogkarta account, or nothing. */
@IntegrationTest
class StaffOidcUserServiceTest {

  @Autowired StaffOidcUserService service;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void aKnownStaffMemberGetsTheirAccountsRoles() {
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    OidcUser staff = service.asStaff(providerUser(Map.of("preferred_username", planner.toUpperCase())));
    assertThat(staff.getName()).isEqualTo(planner.toUpperCase());
    assertThat(staff.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_PLANNER");
  }

  @Test
  void strangersAndDisabledAccountsGetNoAccess() {
    assertThatThrownBy(() -> service.asStaff(providerUser(Map.of("preferred_username", "okand.person"))))
        .isInstanceOf(OAuth2AuthenticationException.class);
    String gis = new StaffAccounts(accounts, encoder).create(StaffRole.GIS);
    StaffAccount account = accounts.findByUsername(gis).orElseThrow();
    account.setEnabled(false);
    accounts.save(account);
    assertThatThrownBy(() -> service.asStaff(providerUser(Map.of("email", gis))))
        .isInstanceOf(OAuth2AuthenticationException.class);
  }

  private static OidcUser providerUser(Map<String, Object> claims) {
    Map<String, Object> all = new java.util.HashMap<>(claims);
    all.put("sub", "abc-123");
    OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), all);
    return new DefaultOidcUser(List.of(), token, "sub");
  }
}
