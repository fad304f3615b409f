package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.walk.SafetyWalkMethodTest.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The action plan: every bad action refused naming its field with nothing stored, a responsible
 * body's staff moving their action's status, the public page seeing only decided actions, and the
 * walk report as an accessible PDF read back with poppler.
 */
class WalkActionPlanTest extends WalkApiTest {

  long walkId;
  long stopId;
  long pinId;
  long body;
  long removedBody;

  @BeforeEach
  void planWithAStopAndAPin() {
    walkId = walkNow();
    Api.Response stops = asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/stops", """
        {"stops": [{"name": "Gångtunneln under järnvägen", "location": {"type": "Point", "coordinates": [16.181, 58.5901]}}]}""");
    stopId = stops.json().get(0).get("id").asLong();
    pinId = pinned(walkId, "safety_concern", "Trasig lampa i tunneln", null).id();
    body = department("Gatukontoret " + walkId, true);
    removedBody = department("Nedlagda förvaltningen " + walkId, false);
  }

  long department(String name, boolean enabled) {
    return jdbc.sql("INSERT INTO department (name, kind, enabled) VALUES (:n, 'internal', :e) RETURNING id")
        .param("n", name).param("e", enabled).query(Long.class).single();
  }

  String today() {
    return LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
  }

  String action(String what, String status, String due, Long bodyId, String extra) {
    return """
        {"what": "%s", "status": "%s", "dueOn": %s, "responsibleBodyId": %s, "costClass": "low",
         "pinIds": [%d], "stopIds": [%d]%s}""".formatted(what, status, due == null ? "null" : "\"" + due + "\"",
        bodyId, pinId, stopId, extra);
  }

  long actionRows() {
    return jdbc.sql("SELECT count(*) FROM walk_action WHERE walk_id = :w").param("w", walkId).query(Long.class).single();
  }

  static Stream<Arguments> badActions() {
    return Stream.of(
        Arguments.of("due before the walk", "{\"what\": \"Byt lampa\", \"responsibleBodyId\": BODY, \"dueOn\": \"2020-01-01\"}", "dueOn", "action.due_before_walk"),
        Arguments.of("due not a date", "{\"what\": \"Byt lampa\", \"responsibleBodyId\": BODY, \"dueOn\": \"snart\"}", "dueOn", "action.due_date"),
        Arguments.of("a removed body", "{\"what\": \"Byt lampa\", \"responsibleBodyId\": REMOVED}", "responsibleBodyId", "action.body_gone"),
        Arguments.of("an unknown body", "{\"what\": \"Byt lampa\", \"responsibleBodyId\": 999999999999}", "responsibleBodyId", "action.body_gone"),
        Arguments.of("no body", "{\"what\": \"Byt lampa\"}", "responsibleBodyId", "action.body_missing"),
        Arguments.of("nothing to do", "{\"what\": \" \", \"responsibleBodyId\": BODY}", "what", "action.what"),
        Arguments.of("rejected without reason", "{\"what\": \"Byt lampa\", \"responsibleBodyId\": BODY, \"status\": \"rejected\"}", "rejectionReason", "action.reason_missing"),
        Arguments.of("unknown status", "{\"what\": \"Byt lampa\", \"responsibleBodyId\": BODY, \"status\": \"forgotten\"}", "status", "action.status"),
        Arguments.of("unknown cost", "{\"what\": \"Byt lampa\", \"responsibleBodyId\": BODY, \"costClass\": \"huge\"}", "costClass", "action.cost"),
        Arguments.of("another walk's pin", "{\"what\": \"Byt lampa\", \"responsibleBodyId\": BODY, \"pinIds\": [999999999999]}", "pinIds[0]", "action.not_of_walk"),
        Arguments.of("another walk's stop", "{\"what\": \"Byt lampa\", \"responsibleBodyId\": BODY, \"stopIds\": [999999999999]}", "stopIds[0]", "action.not_of_walk"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badActions")
  void badActionsAreRefusedNamingTheFieldAndNothingIsStored(String why, String json, String field, String code) {
    String b = json.replace("REMOVED", String.valueOf(removedBody)).replace("BODY", String.valueOf(body));
    check(asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/actions", b), 422, field, code);
    assertThat(actionRows()).isZero();
    long id = asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/actions", action("Byt lampan", "proposed", today(), body, ""))
        .json().get("id").asLong();
    check(asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/actions/" + id, b), 422, field, code);
    assertThat(jdbc.sql("SELECT what FROM walk_action WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("Byt lampan");
  }

  @Test
  void theResponsibleBodyMarksItsActionDoneAndThePublicSeesOnlyDecidedActions() {
    Api.Response agreed = asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/actions",
        action("Byt armaturer i tunneln", "agreed", today(), body, ""));
    assertThat(agreed.status()).as(agreed.body()).isEqualTo(201);
    asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/actions", action("Flytta busskuren", "proposed", null, body, ""));
    asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/actions",
        action("Kameraövervakning", "rejected", null, body, ", \"rejectionReason\": \"Inte tillåtet här\""));
    long id = agreed.json().get("id").asLong();

    String moderator = StaffAccounts.basic(accounts.create(StaffRole.MODERATOR));
    JsonNode mine = staff("GET", "/api/v1/staff/walk-actions?body=" + body, null, moderator).json();
    assertThat(mine).hasSize(3);
    check(staff("PATCH", "/api/v1/staff/walk-actions/" + id, "{\"status\": \"rejected\"}", moderator), 422,
        "rejectionReason", "action.reason_missing");
    Api.Response done = staff("PATCH", "/api/v1/staff/walk-actions/" + id, "{\"status\": \"done\"}", moderator);
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("doneAt").isNull()).isFalse();
    assertThat(staff("PATCH", "/api/v1/staff/walk-actions/" + id, "{\"status\": \"done\"}", null).status()).isIn(401, 403);

    Api.Response pub = api.get("/api/v1/dialogues/" + dialogue.slug() + "/walk-actions");
    assertThat(pub.status()).isEqualTo(200);
    assertThat(pub.json()).hasSize(1);
    assertThat(pub.json().get(0).get("what").asString()).isEqualTo("Byt armaturer i tunneln");
    assertThat(pub.json().get(0).get("status").asString()).isEqualTo("done");
    assertThat(pub.json().get(0).get("stops").get(0).asString()).isEqualTo("Gångtunneln under järnvägen");
    assertThat(pub.body()).doesNotContain("Karin Lund", "Flytta busskuren", "Inte tillåtet", "rejectionReason");
  }

  @Test
  void theWalkReportIsATaggedSwedishPdfWithEveryStopAndAction() throws Exception {
    asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/actions", action("Byt armaturer i tunneln", "agreed", today(), body, ""));
    asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/meetings/walk", "{\"attendance\": {\"residents\": 9, \"police\": 2}}");
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(api.base() + "/api/v1/staff/walks/" + walkId + "/report.pdf")).header("Authorization", planner).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    Path file = Files.createTempFile("walk", ".pdf");
    try {
      Files.write(file, r.body());
      String text = run("pdftotext", "-enc", "UTF-8", "-raw", file.toString(), "-");
      // Table cells wrap, so the words are compared without white space.
      assertThat(text.replaceAll("\\s+", "")).contains("Gångtunnelnunderjärnvägen", "Bytarmatureritunneln",
          "Gatukontoret" + walkId, "Trasiglampaitunneln", "Åtgärdsplan", "Beslutad");
      String info = run("pdfinfo", file.toString());
      assertThat(info).contains("Tagged:          yes").contains("Trygghetsvandring: Trygghetsvandring kring torget");
      assertThat(run("pdfinfo", "-meta", file.toString())).isNotBlank();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void aRemovedBodyKeepsTheActionsItAlreadyHas() {
    long id = asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/actions", action("Röj buskar", "agreed", today(), body, ""))
        .json().get("id").asLong();
    jdbc.sql("UPDATE department SET enabled = false WHERE id = :id").param("id", body).update();
    Api.Response r = asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/actions/" + id,
        action("Röj buskarna vid tunneln", "in_progress", today(), body, ""));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(Instant.parse(r.json().get("updatedAt").asString())).isNotNull();
  }
}
