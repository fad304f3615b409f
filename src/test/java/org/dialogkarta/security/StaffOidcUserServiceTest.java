package org.dialogkarta.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who the identity provider vouches for gets the roles of the Dialogkarta account linked to its
 * issuer and subject, or nothing: a provider user who calls themselves "admin" is not the admin.
 */
@IntegrationTest
class StaffOidcUserServiceTest {

  private static final String ISSUER = "https://login.example.se/realms/kommun";

  @LocalServerPort int port;
  @Autowired StaffOidcUserService service;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void aNameOrEmailAloneGetsNoAccountNotEvenAnAdministrators() {
    String admin = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);
    assertThatThrownBy(() -> service.asStaff(providerUser("sub-1", Map.of("preferred_username", admin))))
        .isInstanceOf(OAuth2AuthenticationException.class);
    assertThatThrownBy(() -> service.asStaff(providerUser("sub-2", Map.of("email", admin, "email_verified", false))))
        .isInstanceOf(OAuth2AuthenticationException.class);
    assertThat(accounts.findByUsername(admin).orElseThrow().ssoLinked()).isFalse();
  }

  @Test
  void anAdministratorLinksAnAccountOnceAndThenOnlyThatSubjectIsLetIn() {
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    String planner = staff.create(StaffRole.PLANNER);
    long id = accounts.findByUsername(planner).orElseThrow().id();
    Api.Response marked = new Api(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/v1/staff/accounts/" + id)).header("Authorization", StaffAccounts.basic(staff.create(StaffRole.ADMIN)))
        .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"sso\": \"link_next\"}")));
    assertThat(marked.status()).as(marked.body()).isEqualTo(200);
    assertThat(marked.json().get("sso").asString()).isEqualTo("pending");

    String subject = "sub-" + System.nanoTime();
    OidcUser first = service.asStaff(providerUser(subject, Map.of("preferred_username", planner)));
    assertThat(first.getName()).isEqualTo(planner);
    assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_PLANNER");
    assertThat(accounts.findByUsername(planner).orElseThrow().ssoLinked()).isTrue();

    // Renamed at the provider: still the same person, still let in under the account's name.
    OidcUser renamed = service.asStaff(providerUser(subject, Map.of("preferred_username", "nytt-namn")));
    assertThat(renamed.getName()).isEqualTo(planner);
    // Another provider user taking the planner's name later is not let in: the link is used up.
    assertThatThrownBy(() -> service.asStaff(providerUser("sub-other", Map.of("preferred_username", planner))))
        .isInstanceOf(OAuth2AuthenticationException.class);
  }

  @Test
  void aDisabledLinkedAccountGetsNoAccess() {
    String gis = new StaffAccounts(accounts, encoder).create(StaffRole.GIS);
    String subject = "sub-gis-" + System.nanoTime();
    StaffAccount account = accounts.findByUsername(gis).orElseThrow();
    account.linkSso(ISSUER, subject);
    accounts.save(account);
    assertThat(service.asStaff(providerUser(subject, Map.of())).getName()).isEqualTo(gis);
    account = accounts.findByUsername(gis).orElseThrow();
    account.setEnabled(false);
    accounts.save(account);
    assertThatThrownBy(() -> service.asStaff(providerUser(subject, Map.of())))
        .isInstanceOf(OAuth2AuthenticationException.class);
  }

  private static OidcUser providerUser(String subject, Map<String, Object> claims) {
    Map<String, Object> all = new HashMap<>(claims);
    all.put("sub", subject);
    all.put("iss", ISSUER);
    OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), all);
    return new DefaultOidcUser(List.of(), token, "sub");
  }
}
