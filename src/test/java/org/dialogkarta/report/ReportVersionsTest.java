package org.dialogkarta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.Problems;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Drafts and published versions of the report: a version is frozen when published, a new draft
 * follows the data, publishing twice is refused, and the public and the citizen see what became
 * of the views.
 */
@IntegrationTest
class ReportVersionsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  Api api;
  ReportClient planner;
  ReportFixture fixture;
  TestData.Dialogue d;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    planner = new ReportClient(api, StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER)));
    fixture = new ReportFixture(api, jdbc);
    d = new TestData(jdbc).openDialogue();
  }

  @Test
  void aPublishedVersionNeverChangesAndANewDraftFollowsTheViews() {
    var lamp = fixture.pin(d, "safety_concern", "Lampan vid busshållplatsen är trasig", 16.180, 58.590);
    var hidden = fixture.pin(d, "suggestion", "HEMLIG-TEXT som moderatorn dolde", 16.181, 58.590);
    fixture.hide(hidden.id(), "Personuppgifter");
    String letter = fixture.letter(d.id(), "Brev: bygg en cykelbana längs Norra Promenaden", "Astrid Brevskrivare");
    planner.topic(d.id(), "Belysning", "accommodated", "Lampan byts under hösten", null, lamp.ref(), letter);
    assertThat(planner.put(ReportClient.base(d.id()) + "/texts",
        "{\"conclusions\": \"Belysningen är viktigast\", \"nextSteps\": \"Granskning i vår\"}").status()).isEqualTo(200);

    JsonNode published = planner.built(d.id(), 1);
    assertThat(published.get("version").asInt()).isEqualTo(1);
    String v1 = ReportClient.base(d.id()) + "/versions/1.html";
    byte[] html1 = planner.bytes(v1);
    byte[] pdf1 = planner.bytes(ReportClient.base(d.id()) + "/versions/1.pdf");
    String text1 = new String(html1, StandardCharsets.UTF_8);
    assertThat(text1).contains("Lampan vid busshållplatsen är trasig", "cykelbana", "Lampan byts under hösten",
        "Personuppgifter").doesNotContain("HEMLIG-TEXT").doesNotContain("Astrid");

    // The views change afterwards: version 1 stays as it was, a new draft has the change.
    fixture.letter(d.id(), "Ett sent brev om parkeringen", null);
    assertThat(planner.bytes(v1)).isEqualTo(html1);
    assertThat(planner.bytes(ReportClient.base(d.id()) + "/versions/1.pdf")).isEqualTo(pdf1);
    JsonNode draft = planner.built(d.id(), null);
    assertThat(draft.get("version").isNull()).isTrue();
    String draftHtml = new String(planner.bytes(draft.get("files").get("html").asString()), StandardCharsets.UTF_8);
    assertThat(draftHtml).contains("Ett sent brev om parkeringen");
    assertThat(new String(planner.bytes(v1), StandardCharsets.UTF_8)).doesNotContain("Ett sent brev");

    // Publishing twice is refused; so is skipping a number. The database refuses a change too.
    Problems.assertProblem(planner.post(ReportClient.base(d.id()) + "/versions", "{\"number\": 1}"),
        409, "report.published", null);
    Problems.assertProblem(planner.post(ReportClient.base(d.id()) + "/versions", "{\"number\": 3}"),
        409, "report.number", null);
    assertThatThrownBy(() -> jdbc.sql("UPDATE report_version SET conclusions = 'x' WHERE dialogue_id = :d")
        .param("d", d.id()).update()).hasMessageContaining("cannot be changed");
    assertThat(planner.built(d.id(), 2).get("version").asInt()).isEqualTo(2);
    assertThat(planner.get(ReportClient.base(d.id()) + "/versions").json()).extracting(v -> v.get("number").asInt())
        .containsExactly(2, 1);
  }

  @Test
  void thePublicSeesTheSummaryAndTheCitizenTheirTopic() {
    var lamp = fixture.pin(d, "safety_concern", "Mörkt vid lekplatsen", 16.180, 58.590);
    var alone = fixture.pin(d, "suggestion", "Fler bänkar", 16.181, 58.590);
    planner.topic(d.id(), "Belysning", "not_accommodated", null, "Lekplatsen byggs om 2028 med ny belysning", lamp.ref());
    assertThat(api.get("/api/v1/dialogues/" + d.slug() + "/report").json().get("latest").isNull())
        .as("nothing public before publishing").isTrue();
    JsonNode receiptBefore = api.receipt(lamp.receipt()).json();
    assertThat(receiptBefore.get("pins").get(0).get("report").isNull()).isTrue();

    planner.put(ReportClient.base(d.id()) + "/texts", "{\"conclusions\": \"Tryggheten prioriteras\", \"nextSteps\": \"Beslut i nämnden i juni\"}");
    planner.built(d.id(), 1);

    JsonNode reports = api.get("/api/v1/dialogues/" + d.slug() + "/report").json();
    JsonNode latest = reports.get("latest");
    assertThat(latest.get("number").asInt()).isEqualTo(1);
    assertThat(latest.get("conclusions").asString()).isEqualTo("Tryggheten prioriteras");
    assertThat(latest.get("nextSteps").asString()).isEqualTo("Beslut i nämnden i juni");
    assertThat(latest.get("publishedBy").isNull()).as("no staff user name in public").isTrue();
    Api.Response pdf = api.get(latest.get("files").get("pdf").asString());
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(api.get("/api/v1/dialogues/" + d.slug() + "/report/2.pdf").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/dialogues/" + d.slug() + "/report/1.exe").status()).isEqualTo(404);

    JsonNode mine = api.receipt(lamp.receipt()).json().get("pins").get(0).get("report");
    assertThat(mine.get("version").asInt()).isEqualTo(1);
    assertThat(mine.get("topic").asString()).isEqualTo("Belysning");
    assertThat(mine.get("effect").asString()).isEqualTo("not_accommodated");
    assertThat(mine.get("pdf").asString()).isEqualTo(latest.get("files").get("pdf").asString());
    JsonNode ungrouped = api.receipt(alone.receipt()).json().get("pins").get(0).get("report");
    assertThat(ungrouped.get("topic").isNull()).as("in the report, under no topic").isTrue();
  }

  @Test
  void oneBuildAtATimeAndAStoppedBuildFreesTheDialogue() {
    fixture.pin(d, "suggestion", "Något", 16.180, 58.590);
    jdbc.sql("INSERT INTO report_build (id, dialogue_id, kind, requested_by) VALUES (gen_random_uuid(), :d, 'draft', 'x')")
        .param("d", d.id()).update();
    Problems.assertProblem(planner.post(ReportClient.base(d.id()) + "/builds", "{}"), 409, "report.busy", null);
    // Its node stopped: nobody touched it for longer than the stall limit.
    jdbc.sql("UPDATE report_build SET touched_at = now() - interval '10 minutes' WHERE dialogue_id = :d")
        .param("d", d.id()).update();
    planner.built(d.id(), null);
    assertThat(jdbc.sql("SELECT count(*) FROM report_build WHERE dialogue_id = :d AND state = 'failed'")
        .param("d", d.id()).query(Long.class).single()).isEqualTo(1);
    // An unknown or malformed build id is simply not found.
    assertThat(planner.get(ReportClient.base(d.id()) + "/builds/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(planner.get(ReportClient.base(d.id()) + "/builds/not-a-uuid").status()).isEqualTo(404);
  }
}
