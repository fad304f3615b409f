package org.dialogkarta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.dialogkarta.DialogkartaApplication;
import org.dialogkarta.privacy.Retention;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Two app nodes on one database, as behind a load balancer: the test's own service is node A, and
 * a second whole service in the same JVM on its own port is node B. A staff member signed in on A
 * is signed in on B, B accepts the CSRF token A gave, and signing out on B ends the session on A
 * (Spring Session JDBC: the session is a row, not a node's memory); a scheduled job that one node
 * runs is skipped by the other (ShedLock).
 */
@IntegrationTest
class TwoNodesTest {

  private static ConfigurableApplicationContext nodeB;

  @LocalServerPort int port;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired org.springframework.context.ApplicationContext context;

  @BeforeAll
  static void startNodeB() {
    nodeB = new SpringApplicationBuilder(DialogkartaApplication.class).profiles("test")
        .properties("server.port=0").run();
  }

  @AfterAll
  static void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  private static int portB() {
    return ((WebServerApplicationContext) nodeB).getWebServer().getPort();
  }

  @Test
  void aSessionStartedOnOneNodeWorksOnTheOtherWithItsCsrfToken() {
    Api a = new Api(port);
    Api b = new Api(portB());
    assertThat(portB()).isNotEqualTo(port);
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);

    // Sign in on A, through the form, as a browser does.
    Api.Response csrf = a.get("/api/v1/csrf");
    String anonymous = cookie(csrf);
    String token = csrf.json().get("token").asString();
    Api.Response signedIn = form(a, "/login", anonymous,
        "username=" + planner + "&password=" + enc(StaffAccounts.PASSWORD) + "&_csrf=" + enc(token));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/personal/");
    String session = cookie(signedIn);

    // Every following request on B: still signed in, and A's CSRF token is B's too.
    JsonNode me = b.send(get(b, "/api/v1/staff/me", session)).json();
    assertThat(me.get("username").asString()).isEqualTo(planner);
    String header = me.get("csrf").get("headerName").asString();
    String staffToken = a.send(get(a, "/api/v1/staff/me", session)).json().get("csrf").get("token").asString();
    String account = "{\"username\": \"nod-" + System.nanoTime() + "\", \"roles\": [\"gis\"],"
        + " \"password\": \"långt-och-säkert-lösenord\"}";
    Api.Response created = b.send(HttpRequest.newBuilder(URI.create(b.base() + "/api/v1/staff/accounts"))
        .header("Cookie", session).header(header, staffToken).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(account)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Api.Response forged = b.send(HttpRequest.newBuilder(URI.create(b.base() + "/api/v1/staff/accounts"))
        .header("Cookie", session).header(header, "not-the-token").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(account)));
    assertThat(forged.status()).isEqualTo(403);

    // Signing out on B ends the session everywhere.
    Api.Response out = form(b, "/logout", session, "_csrf=" + enc(staffToken));
    assertThat(out.status()).isBetween(200, 399);
    assertThat(a.send(get(a, "/api/v1/staff/me", session)).status()).isEqualTo(401);
  }

  @Test
  void aScheduledJobRunsOnOneNodeAtATime() {
    LockProvider locks = context.getBean(LockProvider.class);
    Retention onB = nodeB.getBean(Retention.class);
    // Node A is running the retention job (it holds the job's row) ...
    SimpleLock running = locks.lock(new LockConfiguration(Instant.now(), "retention", Duration.ofMinutes(5),
        Duration.ZERO)).orElseThrow();
    try {
      // ... so node B's turn is skipped, and B cannot take the row either.
      assertThat(onB.run()).as("skipped while A runs it").isNull();
      assertThat(nodeB.getBean(LockProvider.class).lock(new LockConfiguration(Instant.now(), "retention",
          Duration.ofMinutes(5), Duration.ZERO))).isEmpty();
    } finally {
      running.unlock();
    }
    assertThat(onB.run()).as("once A is done, B runs it").isNotNull().containsKey("texts");
  }

  @Test
  void anExportStartedOnOneNodeIsFollowedAndFetchedOnTheOther() throws Exception {
    Api a = new Api(port);
    Api b = new Api(portB());
    String gis = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.GIS));
    Api.Response started = a.postJson("/api/v1/exports/jobs",
        "{\"layer\": \"study_areas\", \"format\": \"geojson\"}", "Authorization", gis);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    JsonNode status = started.json();
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
    while (!status.get("state").asString().equals("done")) {
      assertThat(status.get("state").asString()).isEqualTo("running");
      assertThat(java.time.Instant.now()).isBefore(deadline);
      Thread.sleep(100);
      status = b.send(HttpRequest.newBuilder(URI.create(b.base() + started.location()))
          .header("Authorization", gis).GET()).json();
    }
    Api.Response file = b.send(HttpRequest.newBuilder(URI.create(b.base() + status.get("file").asString()))
        .header("Authorization", gis).GET());
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).startsWith("{").contains("\"FeatureCollection\"");
  }

  private static HttpRequest.Builder get(Api api, String path, String cookie) {
    return HttpRequest.newBuilder(URI.create(api.base() + path)).header("Cookie", cookie).GET();
  }

  private static Api.Response form(Api api, String path, String cookie, String body) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String cookie(Api.Response r) {
    String set = r.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("DIALOGKARTA_SESSION=")).findFirst().orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
