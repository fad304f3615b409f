package org.dialogkarta.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Forwarding over plain HTTP against the whole service and the real PostGIS: a fresh dialogue,
 * department and staff per test; messages are read from {@code mail_outbox}, where
 * {@code Outbox.enqueue} put them in the forwarding's transaction.
 */
@IntegrationTest
abstract class ForwardingApiTest {

  static final Pattern LINK = Pattern.compile("/svar#([A-Za-z0-9_-]{43})");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accountRepository;
  @Autowired PasswordEncoder encoder;

  Api api;
  TestData data;
  TestData.Dialogue dialogue;
  Staff planner;
  Staff moderator;
  Staff admin;

  record Submitted(long id, String receipt) {}

  /** One message in the outbox. */
  record Message(long id, String to, String subject, String text, String html) {
    String token() {
      Matcher m = LINK.matcher(text);
      assertThat(m.find()).as("the answer link in " + text).isTrue();
      return m.group(1);
    }
  }

  final class Staff {
    final String username;
    private final String authorization;

    Staff(String username) {
      this.username = username;
      this.authorization = StaffAccounts.basic(username);
    }

    Api.Response get(String path) {
      return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", authorization).GET());
    }

    Api.Response post(String path, String json) {
      return api.postJson(path, json, "Authorization", authorization);
    }

    Api.Response put(String path, String json) {
      return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", authorization)
          .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Api.Response delete(String path) {
      return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", authorization).DELETE());
    }
  }

  @BeforeEach
  void setUpForwarding() {
    api = new Api(port);
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
    StaffAccounts accounts = new StaffAccounts(accountRepository, encoder);
    planner = new Staff(accounts.create(StaffRole.PLANNER));
    moderator = new Staff(accounts.create(StaffRole.MODERATOR));
    admin = new Staff(accounts.create(StaffRole.ADMIN));
  }

  Submitted pin(String category, String text, double lon, double lat) {
    Api.Response r = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", Api.pinJson(category, text, lon, lat));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Submitted(r.json().get("id").asLong(), r.json().get("receipt").asString());
  }

  Submitted pin(String text) {
    return pin("safety_concern", text, 16.18, 58.59);
  }

  /** A department with these contact addresses, set through the admin API. */
  long department(String name, String... addresses) {
    long id = jdbc.sql("INSERT INTO department (name, kind) VALUES (:name, 'external') RETURNING id")
        .param("name", name + " " + UUID.randomUUID().toString().substring(0, 8)).query(Long.class).single();
    StringBuilder list = new StringBuilder("[");
    for (String a : addresses) {
      list.append(list.length() > 1 ? "," : "").append('"').append(a).append('"');
    }
    Api.Response r = admin.put("/api/v1/staff/departments/" + id + "/contacts", "{\"addresses\": " + list + "]}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return id;
  }

  static String unique(String local) {
    return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@bostad.example.se";
  }

  List<Message> messagesTo(String address) {
    return jdbc.sql("""
            SELECT id, to_address, subject, text_body, html_body FROM mail_outbox
            WHERE kind = 'forward' AND to_address = :to ORDER BY id""")
        .param("to", address)
        .query((rs, row) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
        .list();
  }

  Api.Response body(String token) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/forwarding")).header("X-Answer-Token", token).GET());
  }

  Api.Response answer(String token, long pinId, String json) {
    return api.postJson("/api/v1/forwarding/pins/" + pinId, json, "X-Answer-Token", token);
  }

  JsonNode publicPin(long id) {
    Api.Response r = api.get("/api/v1/pins/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("properties");
  }

  long audit(String action, String actor) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a AND actor = :actor")
        .param("a", action).param("actor", actor).query(Long.class).single();
  }
}
