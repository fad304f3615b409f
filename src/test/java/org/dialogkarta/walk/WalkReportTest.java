package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A facilitator plans a walk, the group walks it with phones that send late and out of order,
 * the facilitator fills in the walk and closes it, and the planner reads the report that evening.
 */
class WalkReportTest extends WalkApiTest {

  @Test
  void planWalkAndReport() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Api.Response created = asPlanner("POST", "/api/v1/staff/walks",
        walkJson(dialogue, now.minus(30, ChronoUnit.MINUTES), now.plus(90, ChronoUnit.MINUTES)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode walk = created.json();
    long walkId = walk.get("id").asLong();
    assertThat(created.location()).endsWith("/api/v1/staff/walks/" + walkId);
    assertThat(walk.get("dialogue").get("slug").asString()).isEqualTo(dialogue.slug());
    assertThat(walk.get("kind").asString()).isEqualTo("safety_walk");
    assertThat(walk.get("meetingPoint").get("type").asString()).isEqualTo("Point");
    assertThat(walk.get("plannedRoute").get("coordinates")).hasSize(3);
    assertThat(walk.get("groups").toString()).isEqualTo("[\"residents\",\"police\",\"housing_company\"]");
    assertThat(walk.get("facilitator").asString()).isEqualTo("Karin Lund");
    assertThat(walk.get("open").asBoolean()).isTrue();
    assertThat(walk.get("closedAt").isNull()).isTrue();
    assertThat(auditRows("walk.create", walkId)).isOne();

    // Walk mode reads the walk without signing in, and sees no names.
    Api.Response shown = api.get("/api/v1/walks/" + walkId);
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    JsonNode pub = shown.json();
    assertThat(pub.has("facilitator")).isFalse();
    assertThat(pub.has("note")).isFalse();
    assertThat(pub.has("participantCount")).isFalse();
    assertThat(pub.get("dialogue").get("id").asLong()).isEqualTo(dialogue.id());
    assertThat(pub.get("categories").toString()).contains("safety_concern");
    assertThat(pub.get("open").asBoolean()).isTrue();
    assertThat(pub.get("plannedRoute").get("type").asString()).isEqualTo("LineString");

    // Two phones: the second was offline and sends its earlier pins last, newest first.
    Pinned third = pinned(walkId, "safety_concern", "Trasig lampa vid cykelstället", now.minus(5, ChronoUnit.MINUTES));
    Pinned first = pinned(walkId, "safety_concern", "Buskarna skymmer gångvägen", now.minus(25, ChronoUnit.MINUTES));
    Pinned second = pinned(walkId, "suggestion", "En bänk vid lekplatsen", now.minus(15, ChronoUnit.MINUTES));
    Pinned fourth = pinned(walkId, "safety_concern", "Mörkt i tunneln", null);
    assertThat(uploadPhoto(second.id(), second.receipt(), jpeg(Color.RED), null).status()).isEqualTo(201);
    assertThat(uploadPhoto(second.id(), second.receipt(), jpeg(Color.BLUE), null).status()).isEqualTo(201);
    assertThat(uploadPhoto(first.id(), first.receipt(), jpeg(Color.GREEN), null).status()).isEqualTo(201);
    Api.Response track = api.postJson("/api/v1/walks/" + walkId + "/tracks", """
        {"points": [[16.18, 58.59, %d, 5], [16.1801, 58.5901, %d, 5], [16.1802, 58.5902, %d, null]]}"""
        .formatted(now.minusSeconds(600).toEpochMilli(), now.minusSeconds(580).toEpochMilli(),
            now.minusSeconds(560).toEpochMilli()));
    assertThat(track.status()).as(track.body()).isEqualTo(201);

    // After the walk: the facilitator fills in what happened, then closes it.
    String filledIn = walkJson(dialogue, now.minus(30, ChronoUnit.MINUTES), now.plus(90, ChronoUnit.MINUTES))
        .replace("\"light\": \"dark\"", "\"light\": \"dusk\", \"participantCount\": 14, \"weather\": \"Duggregn, 6 grader\","
            + " \"note\": \"Bra uppslutning från bostadsbolaget.\"");
    Api.Response changed = asPlanner("PUT", "/api/v1/staff/walks/" + walkId, filledIn);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("participantCount").asInt()).isEqualTo(14);
    assertThat(changed.json().get("light").asString()).isEqualTo("dusk");
    assertThat(changed.json().get("pinCount").asLong()).isEqualTo(4);
    assertThat(auditRows("walk.change", walkId)).isOne();

    Api.Response closed = asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/close", null);
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().get("closedAt").isNull()).isFalse();
    assertThat(closed.json().get("open").asBoolean()).isFalse();
    Api.Response again = asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/close", null);
    assertThat(again.json().get("closedAt").asString()).isEqualTo(closed.json().get("closedAt").asString());
    assertThat(auditRows("walk.close", walkId)).isOne();
    assertThat(api.get("/api/v1/walks/" + walkId).json().get("open").asBoolean()).isFalse();

    // The report, that evening.
    Api.Response r = asPlanner("GET", "/api/v1/staff/walks/" + walkId + "/report", null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode report = r.json();
    assertThat(report.get("walk").get("note").asString()).isEqualTo("Bra uppslutning från bostadsbolaget.");
    List<Long> order = new ArrayList<>();
    List<Integer> sequence = new ArrayList<>();
    report.get("stops").forEach(s -> {
      order.add(s.get("pinId").asLong());
      sequence.add(s.get("sequence").asInt());
    });
    assertThat(order).containsExactly(first.id(), second.id(), third.id(), fourth.id());
    assertThat(sequence).containsExactly(1, 2, 3, 4);
    JsonNode firstStop = report.get("stops").get(0);
    assertThat(firstStop.get("recordedAt").asString()).isEqualTo(now.minus(25, ChronoUnit.MINUTES).toString());
    assertThat(firstStop.get("accuracyM").asDouble()).isEqualTo(8.5);
    assertThat(firstStop.get("text").asString()).isEqualTo("Buskarna skymmer gångvägen");
    assertThat(firstStop.get("moderationState").asString()).isEqualTo("published");
    assertThat(firstStop.get("photos")).hasSize(1);
    JsonNode secondPhotos = report.get("stops").get(1).get("photos");
    assertThat(secondPhotos).hasSize(2);
    String url = secondPhotos.get(0).get("url").asString();
    assertThat(url).startsWith("/api/v1/staff/moderation/photos/");
    assertThat(asPlanner("GET", url, null).status()).isEqualTo(200);
    assertThat(asPlanner("GET", secondPhotos.get(0).get("thumbnailUrl").asString(), null).status()).isEqualTo(200);
    assertThat(report.get("stops").get(2).get("photos")).isEmpty();

    JsonNode actions = report.get("actions");
    assertThat(actions).hasSize(2);
    assertThat(actions.get(0).get("category").asString()).isEqualTo("safety_concern");
    assertThat(actions.get(0).get("count").asInt()).isEqualTo(3);
    assertThat(actions.get(0).get("pins").toString())
        .isEqualTo("[" + first.id() + "," + third.id() + "," + fourth.id() + "]");
    assertThat(actions.get(1).get("category").asString()).isEqualTo("suggestion");
    assertThat(actions.get(1).get("count").asInt()).isEqualTo(1);

    assertThat(report.get("track").get("type").asString()).isEqualTo("MultiLineString");
    assertThat(report.get("track").get("coordinates").get(0)).hasSize(3);
    assertThat(report.get("trackPointsDropped").asLong()).isZero();
  }

  @Test
  void staffSeePendingAndHiddenStopsMarkedAndHiddenOnesAreNoAction() {
    jdbc.sql("UPDATE dialogue SET moderation_mode = 'pre' WHERE id = :id").param("id", dialogue.id()).update();
    long walkId = walkNow();
    Pinned pending = pinned(walkId, "safety_concern", "Ingen belysning på parkeringen", null);
    Pinned hidden = pinned(walkId, "safety_concern", "Olämpligt innehåll", null);
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden', moderation_reason = 'Kränkande' WHERE id = :id")
        .param("id", hidden.id()).update();

    JsonNode report = asPlanner("GET", "/api/v1/staff/walks/" + walkId + "/report", null).json();
    assertThat(report.get("stops")).hasSize(2);
    assertThat(report.get("stops").get(0).get("pinId").asLong()).isEqualTo(pending.id());
    assertThat(report.get("stops").get(0).get("moderationState").asString()).isEqualTo("pending");
    assertThat(report.get("stops").get(1).get("moderationState").asString()).isEqualTo("hidden");
    assertThat(report.get("actions").toString()).isEqualTo(
        "[{\"category\":\"safety_concern\",\"count\":1,\"pins\":[" + pending.id() + "]}]");
    assertThat(report.get("track").isNull()).isTrue();
    // The public map shows neither.
    assertThat(api.get("/api/v1/dialogues/" + dialogue.slug() + "/pins").json().get("features")).isEmpty();
  }

  @Test
  void walksAreListedPerDialogueInTheOrderTheyAreWalked() {
    Instant now = Instant.now();
    long later = walk(dialogue, now.plusSeconds(86_400 * 7), now.plusSeconds(86_400 * 7 + 7200));
    long earlier = walkNow();
    Api.Response r = asPlanner("GET", "/api/v1/staff/walks?dialogue=" + dialogue.slug(), null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    r.json().forEach(w -> ids.add(w.get("id").asLong()));
    assertThat(ids).containsExactly(earlier, later);
    assertThat(asPlanner("GET", "/api/v1/staff/walks?dialogue=" + dialogue.id(), null).json()).hasSize(2);
    assertThat(asPlanner("GET", "/api/v1/staff/walks/" + later, null).json().get("open").asBoolean()).isFalse();
  }
}
