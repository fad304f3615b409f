package org.dialogkarta.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing rules forward new pins by category, sub-tag and neighbourhood when they are published.
 * The dialogue lies near Linköping, away from the shared test area, because adding a
 * neighbourhood assigns every pin under it.
 */
class RoutingRulesTest extends ForwardingApiTest {

  private static final String AREA = "POLYGON((15.55 58.38, 15.70 58.38, 15.70 58.44, 15.55 58.44, 15.55 58.38))";
  private TestData.Dialogue far;
  private long north;
  private String northCode;

  @BeforeEach
  void farDialogue() {
    far = data.dialogue("ongoing", AREA, List.of("suggestion", "safety_concern", "service_gap"));
    data.subtag(far, "safety_concern", "lighting");
    northCode = "RR-" + far.slug();
    north = jdbc.sql("""
            INSERT INTO neighbourhood (code, name, population, boundary)
            VALUES (:code, 'Norra', 500, ST_Multi(ST_GeomFromText('POLYGON((15.55 58.41, 15.70 58.41, 15.70 58.44, 15.55 58.44, 15.55 58.41))', 4326)))
            RETURNING id""")
        .param("code", northCode).query(Long.class).single();
  }

  @AfterEach
  void removeNeighbourhood() {
    jdbc.sql("DELETE FROM neighbourhood WHERE code = :code").param("code", northCode).update();
  }

  private Submitted pinHere(String category, List<String> subtags, String text, double lat) {
    String json = "{\"category\": \"" + category + "\", \"subtags\": [" + String.join(",", subtags.stream().map(s -> "\"" + s + "\"").toList())
        + "], \"text\": \"" + text + "\", \"location\": {\"type\": \"Point\", \"coordinates\": [15.62, " + lat + "]}}";
    Api.Response r = api.postJson("/api/v1/dialogues/" + far.slug() + "/pins", json);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Submitted(r.json().get("id").asLong(), r.json().get("receipt").asString());
  }

  private Api.Response rule(String json) {
    return admin.post("/api/v1/staff/dialogues/" + far.id() + "/routing-rules", json);
  }

  private record Routed(String status, Long department) {}

  private Routed routed(Submitted pin) {
    return jdbc.sql("SELECT status, department_id FROM pin WHERE id = :id").param("id", pin.id())
        .query((rs, row) -> new Routed(rs.getString(1), (Long) rs.getObject(2))).single();
  }

  @Test
  void theMostSpecificMatchingRuleForwardsANewPinAndTheDepartmentIsSentIt() {
    String streetsTo = unique("gata");
    String lightsTo = unique("ljus");
    String northTo = unique("norr");
    long streets = department("Gatukontoret", streetsTo);
    long lights = department("Belysningen", lightsTo);
    long northern = department("Norra distriktet", northTo);
    assertThat(rule("{\"category\": \"safety_concern\", \"departmentId\": " + streets + "}").status()).isEqualTo(201);
    assertThat(rule("{\"category\": \"safety_concern\", \"subtag\": \"lighting\", \"departmentId\": " + lights + "}").status()).isEqualTo(201);
    Api.Response both = rule("{\"category\": \"safety_concern\", \"subtag\": \"lighting\", \"neighbourhoodId\": " + north + ", \"departmentId\": " + northern + "}");
    assertThat(both.status()).as(both.body()).isEqualTo(201);
    assertThat(both.json().get("neighbourhoodName").asString()).isEqualTo("Norra");

    Submitted plain = pinHere("safety_concern", List.of(), "Otäckt vid tunneln", 58.39);
    Submitted lit = pinHere("safety_concern", List.of("lighting"), "Mörkt på stigen", 58.39);
    Submitted litNorth = pinHere("safety_concern", List.of("lighting"), "Mörkt vid skolan", 58.42);
    Submitted other = pinHere("suggestion", List.of(), "Bänkar vid dammen", 58.39);

    assertThat(routed(plain)).isEqualTo(new Routed("forwarded", streets));
    assertThat(routed(lit)).isEqualTo(new Routed("forwarded", lights));
    assertThat(routed(litNorth)).isEqualTo(new Routed("forwarded", northern));
    assertThat(routed(other)).isEqualTo(new Routed("received", null));
    assertThat(messagesTo(streetsTo)).hasSize(1);
    assertThat(messagesTo(streetsTo).get(0).text()).contains("Otäckt vid tunneln").doesNotContain("Mörkt");
    assertThat(messagesTo(lightsTo)).hasSize(1);
    assertThat(messagesTo(northTo).get(0).text()).contains("Mörkt vid skolan");
    // The citizen sees the status; the history names the rule as the actor.
    assertThat(api.receipt(plain.receipt()).json().get("pins").get(0).get("status").asString()).isEqualTo("forwarded");
    assertThat(jdbc.sql("SELECT actor FROM pin_event WHERE pin_id = :p AND kind = 'status'").param("p", plain.id())
        .query(String.class).single()).startsWith("rule:");
  }

  @Test
  void underPreModerationAPinIsRoutedOnlyWhenApproved() {
    jdbc.sql("UPDATE dialogue SET moderation_mode = 'pre' WHERE id = :id").param("id", far.id()).update();
    String to = unique("pre");
    long streets = department("Gatukontoret", to);
    rule("{\"category\": \"service_gap\", \"departmentId\": " + streets + "}");
    Submitted pending = pinHere("service_gap", List.of(), "Ingen papperskorg", 58.39);
    assertThat(routed(pending)).isEqualTo(new Routed("received", null));
    assertThat(messagesTo(to)).isEmpty();

    Api.Response approve = moderator.post("/api/v1/staff/moderation/pins/" + pending.id() + "/approve", "{}");
    assertThat(approve.status()).as(approve.body()).isEqualTo(200);
    assertThat(routed(pending)).isEqualTo(new Routed("forwarded", streets));
    assertThat(messagesTo(to)).hasSize(1);
  }

  @Test
  void rulesAreCheckedListedAndRemovedByAdministrators() {
    long d = department("Kultur");
    Api.Response bad = rule("{\"category\": \"valued_place\", \"subtag\": \"nope\", \"neighbourhoodId\": 99999999, \"departmentId\": 99999999}");
    assertThat(bad.status()).isEqualTo(422);
    List<String> fields = new java.util.ArrayList<>();
    bad.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("category", "neighbourhoodId", "departmentId");
    Api.Response badTag = rule("{\"category\": \"safety_concern\", \"subtag\": \"nope\", \"departmentId\": " + d + "}");
    assertThat(badTag.json().get("errors").get(0).get("field").asString()).isEqualTo("subtag");

    long id = rule("{\"category\": \"suggestion\", \"departmentId\": " + d + "}").json().get("id").asLong();
    assertThat(rule("{\"category\": \"suggestion\", \"departmentId\": " + d + "}").json().get("errors").get(0).get("code").asString())
        .isEqualTo("routing.duplicate");
    assertThat(admin.get("/api/v1/staff/dialogues/" + far.id() + "/routing-rules").json()).hasSize(1);
    assertThat(planner.post("/api/v1/staff/dialogues/" + far.id() + "/routing-rules", "{\"category\": \"service_gap\", \"departmentId\": " + d + "}").status())
        .isEqualTo(403);
    assertThat(admin.delete("/api/v1/staff/dialogues/" + far.id() + "/routing-rules/" + id).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/staff/dialogues/" + far.id() + "/routing-rules").json()).isEmpty();
    assertThat(audit("routing_rule.create", admin.username)).isEqualTo(1);
    assertThat(audit("routing_rule.delete", admin.username)).isEqualTo(1);
  }
}
