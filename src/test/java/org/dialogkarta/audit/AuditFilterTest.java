package org.dialogkarta.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.support.Problems.assertProblem;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The audit API filters by person and by whole days in Swedish time (winter and summer time), on
 * the server; a bad filter is a 422 naming the field.
 */
@IntegrationTest
class AuditFilterTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private String admin;
  private final String anna = "anna-" + UUID.randomUUID().toString().substring(0, 8);
  private final String bertil = "bertil-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void events() {
    api = new Api(port);
    admin = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN));
    // 9 March 23:30 and 10 March 00:30 in Swedish winter time (UTC+1).
    event(anna, "pin.approve", "2026-03-09T22:30:00Z");
    event(anna, "pin.hide", "2026-03-09T23:30:00Z");
    // 30 June 23:59 and 1 July 00:30 in Swedish summer time (UTC+2).
    event(anna, "pin.note", "2026-06-30T21:59:00Z");
    event(anna, "pin.merge", "2026-06-30T22:30:00Z");
    event(bertil, "pin.status", "2026-03-10T09:00:00Z");
  }

  @Test
  void byPerson() {
    assertThat(actions("actor=" + anna)).containsExactly("pin.merge", "pin.note", "pin.hide", "pin.approve");
    assertThat(actions("actor=" + bertil)).containsExactly("pin.status");
    assertThat(actions("actor=" + bertil + "x")).isEmpty();
  }

  @Test
  void byWholeDaysInSwedishTime() {
    assertThat(actions("actor=" + anna + "&from=2026-03-10&to=2026-03-10")).containsExactly("pin.hide");
    assertThat(actions("actor=" + anna + "&to=2026-03-09")).containsExactly("pin.approve");
    assertThat(actions("actor=" + anna + "&from=2026-07-01")).containsExactly("pin.merge");
    assertThat(actions("actor=" + anna + "&from=2026-03-10&to=2026-06-30")).containsExactly("pin.note", "pin.hide");
    assertThat(actions("from=2026-03-10&to=2026-03-10&actor=" + bertil)).containsExactly("pin.status");
  }

  @ParameterizedTest
  @CsvSource({
      "from=2026-13-01, from, audit.from.invalid",
      "from=igår, from, audit.from.invalid",
      "to=2026-02-30, to, audit.to.invalid",
      "to=10/3/2026, to, audit.to.invalid",
      "from=1999-12-31, from, audit.from.invalid",
      "from=2026-03-10&to=2026-03-09, to, audit.to.before_from",
  })
  void badFiltersAre422NamingTheField(String query, String field, String code) {
    assertProblem(get("/api/v1/staff/audit?" + query, admin), 422, code, field);
  }

  @Test
  void tooLongAPersonIs422() {
    assertProblem(get("/api/v1/staff/audit?actor=" + "a".repeat(201), admin), 422, "audit.actor.too_long", "actor");
  }

  @Test
  void onlyAdministratorsReadTheLog() {
    String planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    assertProblem(get("/api/v1/staff/audit?actor=" + anna, planner), 403, "auth.forbidden", null);
  }

  private void event(String actor, String action, String at) {
    jdbc.sql("INSERT INTO audit_event (actor, action, target_type, target_id, at) VALUES (:a, :x, 'pin', 1, :at)")
        .param("a", actor).param("x", action).param("at", Timestamp.from(Instant.parse(at))).update();
  }

  private List<String> actions(String query) {
    Api.Response r = get("/api/v1/staff/audit?" + query, admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> found = new ArrayList<>();
    for (JsonNode e : r.json()) {
      found.add(e.get("action").asString());
    }
    return found;
  }

  private Api.Response get(String path, String authorization) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).GET().header("Authorization", authorization));
  }
}
