package org.dialogkarta.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Password guessing is slowed per account and per client, kept in the database, and written to
 * the audit log; a staff session ends at once when its account is disabled, its roles change or
 * its password is reset.
 */
@IntegrationTest
@TestPropertySource(properties = "dialogkarta.sign-in.client-free-failures=8")
class SignInProtectionTest {

  @LocalServerPort int port;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;

  /**
   * Every test request comes from 127.0.0.1, so other tests' wrong passwords count for the same
   * client: start from none, and leave no lock behind.
   */
  @BeforeEach
  @AfterEach
  void forgetFailures() {
    jdbc.sql("DELETE FROM sign_in_throttle").update();
  }

  @Test
  void anAccountIsLockedAfterFiveWrongPasswordsWithRetryAfterAndTheGuessIsAudited() {
    String name = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    Api api = new Api(port);
    for (int i = 0; i < 6; i++) {
      assertThat(me(api, basic(name, "fel-lösenord-" + i)).status()).as("try %d", i + 1).isEqualTo(401);
    }
    Api.Response locked = me(api, StaffAccounts.basic(name));
    assertThat(locked.status()).as("locked: even the right password waits").isEqualTo(429);
    assertThat(locked.json().get("code").asString()).isEqualTo("auth.throttled");
    int wait = Integer.parseInt(locked.raw().headers().firstValue("Retry-After").orElseThrow());
    assertThat(wait).isBetween(1, 31);
    long id = accounts.findByUsername(name).orElseThrow().id();
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'account.guessed' AND target_id = :id")
        .param("id", id).query(Long.class).single()).isOne();
    assertThat(jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE key LIKE 'client:%' AND key LIKE '%127.0.0.1%'")
        .query(Long.class).single()).as("no address in clear").isZero();

    // The lock runs out: the right password works and clears the count.
    jdbc.sql("UPDATE sign_in_throttle SET locked_until = now() - interval '1 second' WHERE key = :k")
        .param("k", "account:" + name).update();
    assertThat(me(api, StaffAccounts.basic(name)).status()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE key = :k").param("k", "account:" + name)
        .query(Long.class).single()).isZero();
  }

  @Test
  void aClientGuessingManyAccountsIsLockedAndTheFormSaysHowLongToWait() {
    String name = new StaffAccounts(accounts, encoder).create(StaffRole.GIS);
    Api api = new Api(port);
    for (int i = 0; i < 9; i++) {
      assertThat(me(api, basic("finns-inte-" + i, "gissning")).status()).as("guess %d", i + 1).isEqualTo(401);
    }
    assertThat(me(api, StaffAccounts.basic(name)).status()).as("the client is locked, whatever account").isEqualTo(429);

    Api.Response form = postForm(api, name);
    assertThat(form.status()).isEqualTo(302);
    assertThat(form.location()).contains("/logga-in?fel=sp").contains("&sekunder=");
  }

  @Test
  void aSessionEndsAtOnceWhenItsAccountChanges() {
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    String admin = StaffAccounts.basic(staff.create(StaffRole.ADMIN));
    Api api = new Api(port);
    for (String change : new String[] {"{\"roles\": [\"moderator\"]}", "{\"enabled\": false}",
        "{\"password\": \"ett-nytt-långt-lösenord\"}"}) {
      String name = staff.create(StaffRole.PLANNER);
      String session = signIn(api, name);
      assertThat(meBySession(api, session).status()).as("signed in before: %s", change).isEqualTo(200);
      long id = accounts.findByUsername(name).orElseThrow().id();
      Api.Response changed = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/accounts/" + id))
          .header("Authorization", admin).header("Content-Type", "application/json")
          .method("PATCH", HttpRequest.BodyPublishers.ofString(change)));
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(meBySession(api, session).status()).as("the old session after %s", change).isEqualTo(401);
    }
    // An unchanged account's session goes on.
    String name = staff.create(StaffRole.PLANNER);
    String session = signIn(api, name);
    assertThat(meBySession(api, session).status()).isEqualTo(200);
    assertThat(meBySession(api, session).status()).isEqualTo(200);
  }

  @Test
  void anAuthorizationHeaderThatDoesNotAuthenticateLeavesTheSessionUnderTheCsrfCheck() {
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    String session = signIn(new Api(port), staff.create(StaffRole.ADMIN));
    Api api = new Api(port);
    String account = "{\"username\": \"csrf-" + System.nanoTime() + "\", \"roles\": [\"gis\"]}";
    Api.Response bearer = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/accounts"))
        .header("Cookie", session).header("Authorization", "Bearer anything").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(account)));
    assertThat(bearer.status()).isEqualTo(403);
    assertThat(bearer.json().get("code").asString()).isEqualTo("csrf.invalid");
  }

  /** The sign-in form posted as the page does: a fresh session and form token, the right password. */
  private static Api.Response postForm(Api api, String name) {
    Api.Response csrf = api.get("/api/v1/csrf");
    String anonymous = csrf.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("DIALOGKARTA_SESSION="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
        .header("Cookie", anonymous).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password="
            + URLEncoder.encode(StaffAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
            + URLEncoder.encode(csrf.json().get("token").asString(), StandardCharsets.UTF_8))));
  }

  private String signIn(Api api, String name) {
    Api.Response r = postForm(api, name);
    assertThat(r.location()).endsWith("/personal/");
    String set = r.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("DIALOGKARTA_SESSION="))
        .findFirst().orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  private static Api.Response me(Api api, String authorization) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/me")).header("Authorization", authorization));
  }

  private static Api.Response meBySession(Api api, String cookie) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/me")).header("Cookie", cookie));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
