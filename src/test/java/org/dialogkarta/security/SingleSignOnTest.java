package org.dialogkarta.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Single sign-on is switched on by configuration alone: with a client registration for the
 * municipality's identity provider, staff sign-in starts there. (No provider runs here, so the
 * provider's endpoints are given explicitly instead of discovered from an issuer.)
 */
@IntegrationTest
@TestPropertySource(properties = {
    "spring.security.oauth2.client.registration.kommun.client-id=dialogkarta",
    "spring.security.oauth2.client.registration.kommun.client-secret=hemligt",
    "spring.security.oauth2.client.registration.kommun.scope=openid,profile,email",
    "spring.security.oauth2.client.registration.kommun.authorization-grant-type=authorization_code",
    "spring.security.oauth2.client.registration.kommun.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
    "spring.security.oauth2.client.provider.kommun.authorization-uri=https://login.kommun.example/auth",
    "spring.security.oauth2.client.provider.kommun.token-uri=https://login.kommun.example/token",
    "spring.security.oauth2.client.provider.kommun.jwk-set-uri=https://login.kommun.example/certs",
    "spring.security.oauth2.client.provider.kommun.user-name-attribute=preferred_username"})
class SingleSignOnTest {

  @LocalServerPort int port;

  @Test
  void signInStartsAtTheIdentityProvider() {
    Api.Response r = new Api(port).get("/oauth2/authorization/kommun");
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.location()).startsWith("https://login.kommun.example/auth?")
        .contains("client_id=dialogkarta", "scope=openid", "redirect_uri=http://localhost:" + port + "/login/oauth2/code/kommun");
  }

  @Test
  void localSignInStillWorksBesideIt() {
    assertThat(new Api(port).get("/api/v1/csrf").status()).isEqualTo(200);
    assertThat(new Api(port).get("/api/v1/staff/me").status()).isEqualTo(401);
  }
}
