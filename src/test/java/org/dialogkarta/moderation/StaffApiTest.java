package org.dialogkarta.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * The staff API over plain HTTP against the whole service and the real PostGIS: a fresh dialogue
 * and fresh staff accounts per test, and citizens who pin through the public API so that each
 * has a real receipt to check.
 */
@IntegrationTest
abstract class StaffApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accountRepository;
  @Autowired PasswordEncoder encoder;

  Api api;
  TestData data;
  TestData.Dialogue dialogue;
  Staff moderator;
  Staff planner;
  Staff admin;

  /** A pin as its submitter holds it. */
  record Submitted(long id, String receipt) {}

  /** Calls as one signed-in staff member (HTTP Basic, which needs no CSRF token). */
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
  }

  @BeforeEach
  void setUpStaffApi() {
    api = new Api(port);
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
    StaffAccounts accounts = new StaffAccounts(accountRepository, encoder);
    moderator = new Staff(accounts.create(StaffRole.MODERATOR));
    planner = new Staff(accounts.create(StaffRole.PLANNER));
    admin = new Staff(accounts.create(StaffRole.ADMIN));
  }

  void preModerated(TestData.Dialogue d) {
    jdbc.sql("UPDATE dialogue SET moderation_mode = 'pre' WHERE id = :id").param("id", d.id()).update();
  }

  Submitted pin(String text, double lon, double lat) {
    return pin(dialogue, "safety_concern", text, lon, lat);
  }

  Submitted pin(TestData.Dialogue d, String category, String text, double lon, double lat) {
    Api.Response r = api.postJson("/api/v1/dialogues/" + d.slug() + "/pins", Api.pinJson(category, text, lon, lat));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Submitted(r.json().get("id").asLong(), r.json().get("receipt").asString());
  }

  /** The submitter's view of their (only) pin, through the public receipt endpoint. */
  JsonNode receiptPin(Submitted pin) {
    Api.Response r = api.receipt(pin.receipt());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    for (JsonNode p : r.json().get("pins")) {
      if (p.get("id").asLong() == pin.id()) {
        return p;
      }
    }
    throw new AssertionError("pin " + pin.id() + " not on its receipt: " + r.body());
  }

  long department(String name) {
    return jdbc.sql("INSERT INTO department (name, kind) VALUES (:name, 'internal') RETURNING id")
        .param("name", name + " " + UUID.randomUUID().toString().substring(0, 8))
        .query(Long.class).single();
  }

  String departmentName(long id) {
    return jdbc.sql("SELECT name FROM department WHERE id = :id").param("id", id).query(String.class).single();
  }

  List<Long> publicPinIds(TestData.Dialogue d) {
    Api.Response r = api.get("/api/v1/dialogues/" + d.slug() + "/pins");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    r.json().get("features").forEach(f -> ids.add(f.get("id").asLong()));
    return ids;
  }

  long auditRows(String action, String targetType, long targetId) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a AND target_type = :t AND target_id = :id")
        .param("a", action).param("t", targetType).param("id", targetId).query(Long.class).single();
  }

  /**
   * Everything staff actions store about this test's dialogue and staff, as one string: equal
   * before and after a refused request shows that it stored nothing.
   */
  String footprint() {
    return jdbc.sql("""
            SELECT (SELECT count(*) FROM pin_event e JOIN pin p ON p.id = e.pin_id WHERE p.dialogue_id = :d)
                   || '/' || (SELECT count(*) FROM pin_note n JOIN pin p ON p.id = n.pin_id WHERE p.dialogue_id = :d)
                   || '/' || (SELECT count(*) FROM pin_reply r JOIN pin p ON p.id = r.pin_id WHERE p.dialogue_id = :d)
                   || '/' || (SELECT count(*) FROM pin_redaction r JOIN pin p ON p.id = r.pin_id WHERE p.dialogue_id = :d)
                   || '/' || (SELECT count(*) FROM reply WHERE author IN (:staff))
                   || '/' || (SELECT count(*) FROM audit_event WHERE actor IN (:staff))
                   || '/' || (SELECT string_agg(concat_ws(' ', id, moderation_state, moderation_reason, status,
                                  department_id, merged_into, supports, md5(text)), ',' ORDER BY id)
                              FROM pin WHERE dialogue_id = :d)""")
        .param("d", dialogue.id())
        .param("staff", List.of(moderator.username, planner.username, admin.username))
        .query(String.class).single();
  }
}
