package org.dialogkarta.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Form sign-in as a browser does it: session cookie flags, CSRF on forms and on staff changes. */
@IntegrationTest
class StaffSessionTest {

  @LocalServerPort int port;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;

  @Test
  void signInNeedsTheFormTokenAndGivesASecureHttpOnlyCookie() {
    Api api = new Api(port);
    String admin = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);

    Api.Response csrf = api.get("/api/v1/csrf");
    String anonymousSession = cookie(csrf);
    String token = csrf.json().get("token").asString();

    Api.Response withoutToken = form(api, "/login", anonymousSession, "username=" + admin + "&password=" + enc(StaffAccounts.PASSWORD));
    assertThat(withoutToken.status()).isEqualTo(403);

    Api.Response wrongPassword = form(api, "/login", anonymousSession,
        "username=" + admin + "&password=nope-nope-nope&_csrf=" + enc(token));
    assertThat(wrongPassword.status()).isEqualTo(302);
    assertThat(wrongPassword.location()).endsWith("/logga-in?fel=1");

    Api.Response signedIn = form(api, "/login", anonymousSession,
        "username=" + admin + "&password=" + enc(StaffAccounts.PASSWORD) + "&_csrf=" + enc(token));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/personal/");
    String setCookie = signedIn.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("DIALOGKARTA_SESSION=")).findFirst().orElseThrow();
    assertThat(setCookie).contains("Secure", "HttpOnly", "SameSite=Lax");
    String session = setCookie.substring(0, setCookie.indexOf(';'));
    assertThat(session).as("a new session id after sign-in (no fixation)").isNotEqualTo(anonymousSession);

    JsonNode me = json(api, "/api/v1/staff/me", session);
    assertThat(me.get("username").asString()).isEqualTo(admin);
    assertThat(me.get("roles").toString()).isEqualTo("[\"admin\"]");
    String header = me.get("csrf").get("headerName").asString();
    String staffToken = me.get("csrf").get("token").asString();

    String newAccount = "{\"username\": \"ny-" + System.nanoTime() + "\", \"roles\": [\"moderator\"], \"password\": \"långt-och-säkert-lösenord\"}";
    Api.Response forged = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/accounts"))
        .header("Cookie", session).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(newAccount)));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.json().get("code").asString()).isEqualTo("csrf.invalid");

    Api.Response real = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/accounts"))
        .header("Cookie", session).header(header, staffToken).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(newAccount)));
    assertThat(real.status()).as(real.body()).isEqualTo(201);
    String audited = jdbc.sql("SELECT actor FROM audit_event WHERE action = 'account.create' AND target_id = :id")
        .param("id", real.json().get("id").asLong()).query(String.class).single();
    assertThat(audited).isEqualTo(admin);
  }

  @Test
  void aDisabledAccountCannotSignIn() {
    String name = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    StaffAccount account = accounts.findByUsername(name).orElseThrow();
    account.setEnabled(false);
    accounts.save(account);
    Api.Response r = new Api(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/staff/me"))
        .header("Authorization", StaffAccounts.basic(name)));
    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void passwordsAreStoredAsSlowHashes() {
    String name = new StaffAccounts(accounts, encoder).create(StaffRole.GIS);
    String hash = accounts.findByUsername(name).orElseThrow().passwordHash();
    assertThat(hash).startsWith("$2a$04$").as("the tests' cost").doesNotContain(StaffAccounts.PASSWORD);
  }

  @Test
  void theServiceHashesWithCostTwelve() throws java.io.IOException {
    java.util.Properties settings = new java.util.Properties();
    try (var in = getClass().getResourceAsStream("/application.properties")) {
      settings.load(in);
    }
    assertThat(settings.getProperty("dialogkarta.password-hash-cost")).isEqualTo("12");
    String hash = new SecurityConfig().passwordEncoder(12).encode(StaffAccounts.PASSWORD);
    assertThat(hash).startsWith("$2a$12$");
  }

  @Test
  void accountRulesAreChecked() {
    String admin = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN));
    Api api = new Api(port);
    Api.Response shortPassword = api.postJson("/api/v1/staff/accounts",
        "{\"username\": \"kort\", \"roles\": [\"gis\"], \"password\": \"kort\"}", "Authorization", admin);
    assertThat(shortPassword.status()).isEqualTo(422);
    assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    Api.Response badRole = api.postJson("/api/v1/staff/accounts",
        "{\"username\": \"x-y\", \"roles\": [\"king\"]}", "Authorization", admin);
    assertThat(badRole.status()).isEqualTo(422);
    assertThat(badRole.json().get("errors").get(0).get("code").asString()).isEqualTo("role.unknown");
  }

  private static Api.Response form(Api api, String path, String cookie, String body) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path))
        .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static JsonNode json(Api api, String path, String cookie) {
    Api.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Cookie", cookie).GET());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static String cookie(Api.Response r) {
    List<String> cookies = r.raw().headers().allValues("Set-Cookie");
    String c = cookies.stream().filter(s -> s.startsWith("DIALOGKARTA_SESSION=")).findFirst().orElseThrow();
    return c.substring(0, c.indexOf(';'));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
