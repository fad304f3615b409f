package org.dialogkarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo's safety walk dialogue (its own database, loaded as {@code make run} loads it): the
 * public page's decided actions, and the November walk's report comparing it with October.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "spring.datasource.url=${DIALOGKARTA_DEMO_TEST_DB_URL:jdbc:postgresql://127.0.0.1:${DIALOGKARTA_PG_PORT:55432}/dialogkarta_demo_test}",
    "dialogkarta.demo-data=true"})
class DemoSafetyWalkTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void theNavestadWalksShowTheirPlanAndTheRepeatsImprovement() {
    Api api = new Api(port);
    JsonNode actions = api.get("/api/v1/dialogues/" + DemoMunicipality.WALK + "/walk-actions").json();
    List<String> statuses = new ArrayList<>();
    actions.forEach(a -> statuses.add(a.get("status").asString()));
    assertThat(statuses).containsExactlyInAnyOrder("done", "done", "in_progress", "agreed");

    long november = jdbc.sql("""
            SELECT w.id FROM walk w JOIN dialogue d ON d.id = w.dialogue_id
            WHERE d.slug = :s AND w.repeat_of IS NOT NULL""").param("s", DemoMunicipality.WALK).query(Long.class).single();
    String planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    Api.Response r = api.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(api.base() + "/api/v1/staff/walks/" + november + "/report")).header("Authorization", planner));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode comparison = r.json().get("method").get("comparison");
    List<String> improved = new ArrayList<>();
    comparison.get("stops").forEach(s -> {
      if (s.get("trend").asString().equals("improved")) {
        improved.add(s.get("name").asString());
      }
    });
    assertThat(improved).containsExactlyInAnyOrder("Gångtunneln mot Hageby", "Lekplatsen i Guldringen", "Parkeringsdäcket vid Atrium");
    assertThat(comparison.get("doneBetween")).hasSize(2);
    assertThat(comparison.get("resolvedProblems")).isNotEmpty();
    assertThat(r.json().get("method").get("meetings")).hasSize(1);
  }
}
