package org.dialogkarta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * A planner groups a dialogue's views into topics and writes the municipality's position: per
 * topic, per view, or through the pin's status and public replies, never typed twice.
 */
@IntegrationTest
class ReportTopicsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  Api api;
  ReportClient planner;
  ReportClient otherPlanner;
  ReportFixture fixture;
  TestData.Dialogue d;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    planner = new ReportClient(api, StaffAccounts.basic(staff.create(StaffRole.PLANNER)));
    otherPlanner = new ReportClient(api, StaffAccounts.basic(staff.create(StaffRole.PLANNER)));
    fixture = new ReportFixture(api, jdbc);
    d = new TestData(jdbc).openDialogue();
  }

  @Test
  void viewsAreGroupedMovedAndMergedAndATopicWithViewsIsNotDeletedByAccident() {
    var a = fixture.pin(d, "safety_concern", "Mörk gångtunnel vid stationen", 16.180, 58.590);
    var b = fixture.pin(d, "safety_concern", "Ingen belysning längs ån", 16.182, 58.591);
    String letter = fixture.letter(d.id(), "Brev om belysningen", "Astrid Brevskrivare");
    JsonNode light = planner.topic(d.id(), "Belysning", null, null, null, a.ref(), letter);
    assertThat(refs(light)).containsExactly(letter, a.ref());
    JsonNode paths = planner.topic(d.id(), "Gångvägar", null, null, null, b.ref());

    // Grouping elsewhere moves: a view is under one topic at most.
    assertThat(planner.post(ReportClient.base(d.id()) + "/grouping",
        "{\"views\": [\"" + a.ref() + "\"], \"topic\": " + paths.get("id").asLong() + "}").status()).isEqualTo(204);
    JsonNode topics = planner.get(ReportClient.base(d.id()) + "/topics").json();
    assertThat(refs(byTitle(topics, "Belysning"))).containsExactly(letter);
    assertThat(refs(byTitle(topics, "Gångvägar"))).containsExactlyInAnyOrder(a.ref(), b.ref());

    // The ungrouped list is what no topic holds.
    assertThat(planner.post(ReportClient.base(d.id()) + "/grouping",
        "{\"views\": [\"" + b.ref() + "\"], \"topic\": null}").status()).isEqualTo(204);
    JsonNode ungrouped = planner.get(ReportClient.base(d.id()) + "/views?topic=none").json();
    assertThat(ungrouped.get("total").asInt()).isEqualTo(1);
    assertThat(ungrouped.get("views").get(0).get("ref").asString()).isEqualTo(b.ref());

    // A topic that holds views is not deleted unless they are released, and none is lost.
    String lightPath = ReportClient.base(d.id()) + "/topics/" + light.get("id").asLong();
    Problems.assertProblem(planner.delete(lightPath), 409, "topic.notEmpty", null);
    assertThat(byTitle(planner.get(ReportClient.base(d.id()) + "/topics").json(), "Belysning")).isNotNull();

    // Merging moves every view and removes the merged topic.
    JsonNode merged = planner.post(ReportClient.base(d.id()) + "/topics/" + paths.get("id").asLong() + "/merge",
        "{\"from\": " + light.get("id").asLong() + ", \"version\": " + paths.get("version").asInt() + "}").json();
    assertThat(refs(merged)).containsExactlyInAnyOrder(letter, a.ref());
    assertThat(planner.get(ReportClient.base(d.id()) + "/topics").json()).hasSize(1);

    assertThat(planner.delete(ReportClient.base(d.id()) + "/topics/" + paths.get("id").asLong() + "?releaseViews=true")
        .status()).isEqualTo(204);
    assertThat(planner.get(ReportClient.base(d.id()) + "/views?topic=none").json().get("total").asInt())
        .as("all three views are still in the report, ungrouped").isEqualTo(3);
  }

  @Test
  void twoPlannersEditingOneTopicLoseNothing() {
    JsonNode topic = planner.topic(d.id(), "Parkering", null, null, null);
    String path = ReportClient.base(d.id()) + "/topics/" + topic.get("id").asLong();
    Api.Response first = planner.put(path, "{\"title\": \"Parkering\", \"summary\": \"Första\", \"version\": 0}");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    Api.Response second = otherPlanner.put(path, "{\"title\": \"Parkering\", \"summary\": \"Andra\", \"version\": 0}");
    Problems.assertProblem(second, 409, "topic.stale", null);
    assertThat(second.body()).contains("version 1");
    JsonNode kept = byTitle(planner.get(ReportClient.base(d.id()) + "/topics").json(), "Parkering");
    assertThat(kept.get("summary").asString()).isEqualTo("Första");
  }

  @Test
  void thePositionComesFromTheViewThenTheStatusAndRepliesThenTheTopic() {
    var planned = fixture.pin(d, "suggestion", "Bänkar i parken", 16.180, 58.590);
    var refused = fixture.pin(d, "suggestion", "Rusta upp fontänen", 16.181, 58.590);
    var plain = fixture.pin(d, "suggestion", "Fler träd", 16.182, 58.590);
    var own = fixture.pin(d, "suggestion", "Hundrastgård", 16.183, 58.590);
    fixture.status(planned.id(), "planned");
    fixture.status(refused.id(), "not_feasible");
    jdbc.sql("WITH r AS (INSERT INTO reply (author, text) VALUES ('p', 'Fontänen rivs i stället') RETURNING id)"
        + " INSERT INTO pin_reply (pin_id, reply_id) SELECT :pin, id FROM r").param("pin", refused.id()).update();
    planner.topic(d.id(), "Parken", "partly_accommodated", "Parken rustas i etapper", null,
        planned.ref(), refused.ref(), plain.ref(), own.ref());
    Api.Response written = planner.put(ReportClient.base(d.id()) + "/views/" + own.ref() + "/position",
        "{\"effect\": \"outside_scope\", \"answer\": \"Hundrastgårdar beslutas av fritidsnämnden\"}");
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    assertThat(written.json().get("own").get("version").asInt()).isZero();

    JsonNode rows = planner.get(ReportClient.base(d.id()) + "/views").json().get("views");
    assertThat(stance(rows, planned.ref()).get("effect").asString()).isEqualTo("accommodated");
    assertThat(stance(rows, planned.ref()).get("source").asString()).isEqualTo("status");
    assertThat(stance(rows, refused.ref()).get("effect").asString()).isEqualTo("not_accommodated");
    assertThat(stance(rows, refused.ref()).get("reason").asString()).as("the public reply is the reason")
        .isEqualTo("Fontänen rivs i stället");
    assertThat(stance(rows, plain.ref()).get("effect").asString()).isEqualTo("partly_accommodated");
    assertThat(stance(rows, plain.ref()).get("answer").asString()).isEqualTo("Parken rustas i etapper");
    assertThat(stance(rows, own.ref()).get("effect").asString()).isEqualTo("outside_scope");
    assertThat(stance(rows, own.ref()).get("source").asString()).isEqualTo("view");

    // A second write must name the version it saw; an old one is refused.
    Problems.assertProblem(otherPlanner.put(ReportClient.base(d.id()) + "/views/" + own.ref() + "/position",
        "{\"effect\": \"noted\"}"), 409, "position.stale", null);
    assertThat(planner.put(ReportClient.base(d.id()) + "/views/" + own.ref() + "/position",
        "{\"effect\": \"noted\", \"version\": 0}").status()).isEqualTo(200);
    // Cleared, the topic's position holds again.
    JsonNode cleared = planner.delete(ReportClient.base(d.id()) + "/views/" + own.ref() + "/position").json();
    assertThat(cleared.get("stance").get("source").asString()).isEqualTo("topic");
  }

  @Test
  void theNotMetListNamesTheSendersForTheNoticeUnder5Kap24() {
    var pin = fixture.pin(d, "safety_concern", "Farlig korsning", 16.180, 58.590);
    String letter = fixture.letter(d.id(), "Bygg inte här", "Astrid Brevskrivare");
    String remiss = fixture.remiss(d.id(), "Bullerutredning saknas", "Trafikverket");
    String met = fixture.letter(d.id(), "Bra förslag", "Bo Nöjd");
    planner.topic(d.id(), "Bebyggelsen", "not_accommodated", null, "Området är utpekat för bostäder i översiktsplanen",
        letter, pin.ref());
    planner.topic(d.id(), "Buller", "partly_accommodated", "En bullerutredning görs till granskningen", null, remiss);
    planner.topic(d.id(), "Övrigt", "accommodated", null, null, met);

    JsonNode list = planner.get(ReportClient.base(d.id()) + "/not-met").json();
    assertThat(list).extracting(e -> e.get("ref").asString()).containsExactly(letter, remiss, pin.ref());
    assertThat(list.get(0).get("name").asString()).isEqualTo("Astrid Brevskrivare");
    assertThat(list.get(0).get("reason").asString()).contains("översiktsplanen");
    assertThat(list.get(1).get("organisation").asString()).isEqualTo("Trafikverket");
    assertThat(list.get(2).get("viaReceipt").asBoolean()).isTrue();
    assertThat(list.get(2).get("name").isNull()).isTrue();

    Api.Response csv = planner.get(ReportClient.base(d.id()) + "/not-met.csv");
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).contains("\"Astrid Brevskrivare\"").contains("\"Trafikverket\"").doesNotContain("Bo Nöjd");
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'report.notMet' AND target_id = :d")
        .param("d", d.id()).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void suggestionsOfferTheThemesAndThePlacesOfTheUngroupedViews() {
    List<String> near = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      near.add(fixture.pin(d, "safety_concern", "Mörkt och otryggt vid tunneln, nummer " + i,
          16.1800 + i * 0.00005, 58.5900).ref());
    }
    var far = fixture.pin(d, "suggestion", "Fler cykelställ vid biblioteket", 16.19, 58.595);
    JsonNode suggestions = planner.get(ReportClient.base(d.id()) + "/topic-suggestions").json();
    assertThat(suggestions).anySatisfy(s -> assertThat(s.get("kind").asString()).isEqualTo("theme"));
    JsonNode place = suggestions.valueStream().filter(s -> s.get("kind").asString().equals("place")).findFirst().orElseThrow();
    assertThat(place.get("views").valueStream().map(JsonNode::asString).toList())
        .containsExactlyInAnyOrderElementsOf(near).doesNotContain(far.ref());
    assertThat(place.get("label").asString()).contains("6 synpunkter");
    // Once grouped, a view is suggested no more.
    planner.topic(d.id(), "Tunneln", null, null, null, near.toArray(String[]::new));
    JsonNode after = planner.get(ReportClient.base(d.id()) + "/topic-suggestions").json();
    assertThat(after.valueStream().flatMap(s -> s.get("views").valueStream()).map(JsonNode::asString).toList())
        .doesNotContainAnyElementsOf(near);
  }

  @Test
  void badInputIsRefusedByFieldAndNothingIsStored() {
    String base = ReportClient.base(d.id());
    Problems.assertProblem(planner.post(base + "/topics", "{\"title\": \" \"}"), 422, "title.missing", "title");
    Problems.assertProblem(planner.post(base + "/topics", "{\"title\": \"" + "x".repeat(201) + "\"}"),
        422, "title.tooLong", "title");
    Problems.assertProblem(planner.post(base + "/topics", "{\"title\": \"T\", \"effect\": \"maybe\"}"),
        422, "effect.unknown", "effect");
    Problems.assertProblem(planner.post(base + "/topics", "{\"title\": \"T\", \"effect\": \"not_accommodated\"}"),
        422, "reason.missing", "reason");
    Problems.assertProblem(planner.post(base + "/topics", "{\"title\": \"T\", \"views\": [\"X-1\"]}"),
        422, "view.ref", "views[0]");
    TestData.Dialogue other = new TestData(jdbc).openDialogue();
    var elsewhere = fixture.pin(other, "suggestion", "Annan dialog", 16.18, 58.59);
    Problems.assertProblem(planner.post(base + "/topics", "{\"title\": \"T\", \"views\": [\"" + elsewhere.ref() + "\"]}"),
        422, "view.notInDialogue", "views");
    planner.topic(d.id(), "Trafik", null, null, null);
    Problems.assertProblem(planner.post(base + "/topics", "{\"title\": \" trafik \"}"), 422, "title.taken", "title");
    Problems.assertProblem(planner.put(base + "/views/K-" + elsewhere.id() + "/position", "{\"effect\": \"noted\"}"),
        422, "view.notInDialogue", "views");
    Problems.assertProblem(planner.put(base + "/views/K-1/position", "{\"answer\": \"x\"}"), 422, "effect.missing", "effect");
    Problems.assertProblem(planner.post(base + "/versions", "{}"), 422, "number.missing", "number");
    assertThat(planner.get("/api/v1/staff/dialogues/999999999/report/topics").status()).isEqualTo(404);
    assertThat(jdbc.sql("SELECT count(*) FROM report_topic WHERE dialogue_id = :d").param("d", d.id())
        .query(Long.class).single()).as("only the one good topic").isEqualTo(1);
  }

  @Test
  void onlyPlannersAndAdministratorsWorkOnTheReport() {
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    for (StaffRole role : List.of(StaffRole.MODERATOR, StaffRole.GIS)) {
      ReportClient other = new ReportClient(api, StaffAccounts.basic(staff.create(role)));
      assertThat(other.get(ReportClient.base(d.id()) + "/topics").status()).as(role.name()).isEqualTo(403);
      assertThat(other.get(ReportClient.base(d.id()) + "/not-met").status()).as(role.name()).isEqualTo(403);
    }
    assertThat(api.get(ReportClient.base(d.id()) + "/topics").status()).isEqualTo(401);
  }

  private static List<String> refs(JsonNode topic) {
    return topic.get("views").valueStream().map(JsonNode::asString).toList();
  }

  private static JsonNode byTitle(JsonNode topics, String title) {
    return topics.valueStream().filter(t -> t.get("title").asString().equals(title)).findFirst().orElse(null);
  }

  private static JsonNode stance(JsonNode rows, String ref) {
    return rows.valueStream().filter(r -> r.get("ref").asString().equals(ref)).findFirst().orElseThrow().get("stance");
  }
}
