package org.dialogkarta.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** An administrator creates a dialogue with a study area uploaded as GeoJSON, edits it, opens and closes it. */
@IntegrationTest
class DialogueAdministrationTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private String admin;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    admin = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN));
  }

  @Test
  void createEditOpenAndCloseADialogue() {
    String slug = "ny-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created = api.postJson("/api/v1/staff/dialogues", draft(slug, "planned", "pre",
        "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"namn\": \"Hageby\"},"
            + " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[16.17,58.55],[16.20,58.55],[16.20,58.57],[16.17,58.57],[16.17,58.55]]]}}]}"),
        "Authorization", admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode d = created.json();
    assertThat(created.location()).isEqualTo("/api/v1/dialogues/" + d.get("id").asLong());
    assertThat(d.get("status").asString()).isEqualTo("planned");
    assertThat(d.get("categories").toString()).isEqualTo("[\"suggestion\",\"safety_concern\",\"service_gap\",\"valued_place\"]");
    assertThat(d.get("subtags").get("safety_concern").toString()).isEqualTo("[\"lighting\",\"vegetation\"]");
    assertThat(d.get("studyArea").get("type").asString()).isEqualTo("MultiPolygon");

    // Planned: citizens cannot pin yet. Open it, and they can; inside the area only.
    String pin = Api.pinJson("valued_place", "Fin utsikt", 16.18, 58.56);
    assertThat(api.postJson("/api/v1/dialogues/" + slug + "/pins", pin).status()).isEqualTo(409);
    assertThat(status(slug, "ongoing").status()).isEqualTo(200);
    assertThat(api.postJson("/api/v1/dialogues/" + slug + "/pins", pin).status()).isEqualTo(201);
    assertThat(api.postJson("/api/v1/dialogues/" + slug + "/pins", Api.pinJson("valued_place", "Utanför", 16.25, 58.56)).status())
        .isEqualTo(422);

    Api.Response edited = put("/api/v1/staff/dialogues/" + slug, draft(slug, "ongoing", "post", "null")
        .replace("\"Vad tycker du om parken?\"", "\"Nytt: vad tycker du om parken och torget?\""));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().get("summary").asString()).startsWith("Nytt:");
    assertThat(edited.json().get("studyArea").isNull()).isTrue();

    assertThat(status(slug, "completed").json().get("status").asString()).isEqualTo("completed");
    assertThat(api.postJson("/api/v1/dialogues/" + slug + "/pins", pin).status()).isEqualTo(409);

    long id = d.get("id").asLong();
    assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_event WHERE target_type = 'dialogue' AND target_id = :id")
        .param("id", id).query(String.class).single())
        .isEqualTo("dialogue.create,dialogue.status,dialogue.replace,dialogue.status");
  }

  @Test
  void badDraftsAreRefusedByFieldAndNothingIsStored() {
    long before = jdbc.sql("SELECT count(*) FROM dialogue").query(Long.class).single();
    Api.Response r = api.postJson("/api/v1/staff/dialogues", """
        {"slug": "Fel Adress", "title": " ", "summary": "x", "status": "maybe", "participationLevel": "dialogue",
         "startsOn": "2027-05-01", "endsOn": "2027-01-01", "categories": ["gossip"],
         "studyArea": {"type": "Polygon", "coordinates": [[[16.1,58.5],[16.2,58.6],[16.2,58.5],[16.1,58.6],[16.1,58.5]]]}}""",
        "Authorization", admin);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("errors").findValuesAsString("field"))
        .contains("slug", "title", "status", "endsOn", "categories", "studyArea");
    assertThat(jdbc.sql("SELECT count(*) FROM dialogue").query(Long.class).single()).isEqualTo(before);

    String slug = "dubblett-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.postJson("/api/v1/staff/dialogues", draft(slug, "planned", "post", "null"), "Authorization", admin).status())
        .isEqualTo(201);
    Api.Response again = api.postJson("/api/v1/staff/dialogues", draft(slug, "planned", "post", "null"), "Authorization", admin);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("code").asString()).isEqualTo("slug.taken");
  }

  @Test
  void aDetailedStudyAreaFromQgisFitsThoughItIsLargerThanOrdinaryBodies() {
    StringBuilder ring = new StringBuilder("[");
    int vertices = 4000; // about 160 kB of coordinates: over the 64 kB limit of other bodies
    for (int i = 0; i <= vertices; i++) {
      double a = 2 * Math.PI * (i % vertices) / vertices;
      ring.append(i == 0 ? "" : ",").append("[%.9f,%.9f]".formatted(16.18 + 0.02 * Math.cos(a), 58.59 + 0.01 * Math.sin(a)));
    }
    String area = "{\"type\": \"Polygon\", \"coordinates\": [" + ring.append("]") + "]}";
    String slug = "detalj-" + UUID.randomUUID().toString().substring(0, 8);
    String body = draft(slug, "planned", "post", area);
    assertThat(body.length()).isGreaterThan(100_000);
    Api.Response r = api.postJson("/api/v1/staff/dialogues", body, "Authorization", admin);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(jdbc.sql("SELECT ST_NPoints(study_area) FROM dialogue WHERE slug = :s").param("s", slug)
        .query(Integer.class).single()).isEqualTo(vertices + 1);
  }

  private Api.Response status(String slug, String status) {
    return api.postJson("/api/v1/staff/dialogues/" + slug + "/status", "{\"status\": \"" + status + "\"}", "Authorization", admin);
  }

  @Test
  void aPlannersOwnSubTagKeepsTheLabelTheyTyped() {
    String slug = "egen-" + UUID.randomUUID().toString().substring(0, 8);
    String body = draft(slug, "ongoing", "post", "null").replace(
        "\"subtags\": {\"safety_concern\": [\"lighting\", \"vegetation\"]}",
        "\"subtags\": {\"safety_concern\": [\"lighting\", \"skadegorelse_klotter\"]},"
            + " \"subtagLabels\": {\"skadegorelse_klotter\": \"Skadegörelse & klotter\"}");
    Api.Response created = api.postJson("/api/v1/staff/dialogues", body, "Authorization", admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode read = api.get("/api/v1/dialogues/" + slug).json();
    assertThat(read.get("subtags").get("safety_concern").toString()).isEqualTo("[\"lighting\",\"skadegorelse_klotter\"]");
    assertThat(read.get("subtagLabels").toString()).isEqualTo("{\"skadegorelse_klotter\":\"Skadegörelse & klotter\"}");
    assertThat(api.get("/api/v1/dialogues").json().findValues("subtagLabels").toString()).contains("Skadegörelse & klotter");
    assertThat(jdbc.sql("SELECT label FROM dialogue_subtag WHERE tag = 'lighting' AND dialogue_id = :d")
        .param("d", read.get("id").asLong()).query(String.class).optional()).as("the bundle names lighting").isEmpty();

    // A label for a code the dialogue does not offer, or one over 60 characters or two lines, is refused.
    for (String labels : new String[] {"{\"graffiti\": \"Graffiti\"}", "{\"skadegorelse_klotter\": \"" + "x".repeat(61) + "\"}",
        "{\"skadegorelse_klotter\": \"Två\\nrader\"}", "{\"skadegorelse_klotter\": \"  \"}"}) {
      String bad = draft("fel-" + UUID.randomUUID().toString().substring(0, 8), "ongoing", "post", "null").replace(
          "\"subtags\": {\"safety_concern\": [\"lighting\", \"vegetation\"]}",
          "\"subtags\": {\"safety_concern\": [\"skadegorelse_klotter\"]}, \"subtagLabels\": " + labels);
      Api.Response refused = api.postJson("/api/v1/staff/dialogues", bad, "Authorization", admin);
      org.dialogkarta.support.Problems.assertProblem(refused, 422,
          labels.contains("graffiti") ? "subtag.label_unused" : "subtag.label_invalid", "subtagLabels");
    }
  }

  @Test
  void aDialogueAcceptsTheShapesStaffChooseAndAtLeastOne() {
    String slug = "former-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created = api.postJson("/api/v1/staff/dialogues", draft(slug, "ongoing", "post", "null"), "Authorization", admin);
    assertThat(created.json().get("acceptedShapes").toString()).isEqualTo("[\"point\"]");
    String withShapes = draft(slug, "ongoing", "post", "null").replace("\"contact\"", "\"acceptedShapes\": [\"area\", \"line\", \"area\"], \"contact\"");
    Api.Response edited = put("/api/v1/staff/dialogues/" + slug, withShapes);
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().get("acceptedShapes").toString()).isEqualTo("[\"line\",\"area\"]");
    assertThat(api.get("/api/v1/dialogues/" + slug).json().get("acceptedShapes").toString()).isEqualTo("[\"line\",\"area\"]");

    for (String bad : java.util.List.of("[]", "[\"circle\"]")) {
      Api.Response refused = put("/api/v1/staff/dialogues/" + slug,
          draft(slug, "ongoing", "post", "null").replace("\"contact\"", "\"acceptedShapes\": " + bad + ", \"contact\""));
      assertThat(refused.status()).as(bad).isEqualTo(422);
      assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("acceptedShapes");
    }
    assertThat(jdbc.sql("SELECT accepted_shapes FROM dialogue WHERE slug = :s").param("s", slug).query(String.class).single())
        .isEqualTo("{line,area}");
  }

  private Api.Response put(String path, String body) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", admin)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String draft(String slug, String status, String mode, String studyArea) {
    return """
        {"slug": "%s", "title": "Parken vid torget", "summary": "Vad tycker du om parken?", "status": "%s",
         "participationLevel": "dialogue", "moderationMode": "%s", "startsOn": "2026-10-01", "endsOn": "2026-12-31",
         "categories": ["valued_place"], "subtags": {"safety_concern": ["lighting", "vegetation"]},
         "studyArea": %s, "responsibleUnit": "Stadsbyggnadskontoret", "contact": "park@example.se"}"""
        .formatted(slug, status, mode, studyArea);
  }
}
