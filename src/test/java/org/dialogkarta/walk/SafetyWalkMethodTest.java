package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * A safety walk by the method over HTTP: the checklist copied and versioned, ratings at a stop
 * stored exactly once, every bad rating refused with nothing stored, and the repeat walk.
 */
class SafetyWalkMethodTest extends WalkApiTest {

  /** A walk on now with two stops; answers its id. */
  long walkWithStops() {
    long walkId = walkNow();
    Api.Response r = asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/stops", """
        {"stops": [{"name": "Gångtunneln", "location": {"type": "Point", "coordinates": [16.181, 58.5901]}},
                   {"name": "Parkeringen", "location": {"type": "Point", "coordinates": [16.186, 58.5912]}}]}""");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return walkId;
  }

  JsonNode checklist(long walkId) {
    Api.Response r = api.get("/api/v1/walks/" + walkId + "/checklist");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** Every item of the checklist rated with the same score at the given stop. */
  static String ratingJson(JsonNode checklist, int stop, int score) {
    List<String> scores = new ArrayList<>();
    for (JsonNode item : checklist.get("items")) {
      scores.add("{\"itemId\": " + item.get("id").asLong() + ", \"score\": " + score + "}");
    }
    return "{\"stopId\": " + checklist.get("stops").get(stop).get("id").asLong() + ", \"recordedAt\": \""
        + Instant.now().minusSeconds(60) + "\", \"ratings\": [" + String.join(", ", scores) + "]}";
  }

  long ratingRows(long walkId) {
    return jdbc.sql("SELECT count(*) FROM walk_rating WHERE walk_id = :w").param("w", walkId).query(Long.class).single();
  }

  @Test
  void aNewWalkGetsTheDefaultChecklistOnTheStatedScale() {
    long walkId = walkWithStops();
    JsonNode c = checklist(walkId);
    assertThat(c.get("scale").get("min").asInt()).isEqualTo(1);
    assertThat(c.get("scale").get("max").asInt()).isEqualTo(5);
    List<String> topics = new ArrayList<>();
    c.get("items").forEach(i -> topics.add(i.get("topic").asString()));
    assertThat(topics).containsExactly("lighting", "sightlines", "vegetation", "hiding_places", "people_around",
        "maintenance", "orientation", "way_out", "surface", "feeling_safe");
    assertThat(c.get("stops")).hasSize(2);
    assertThat(c.get("stops").get(0).get("name").asString()).isEqualTo("Gångtunneln");
  }

  @Test
  void aRatingSentTwiceWithItsKeyIsStoredOnce() {
    long walkId = walkWithStops();
    String body = ratingJson(checklist(walkId), 0, 2);
    String key = UUID.randomUUID().toString();
    Api.Response first = api.postJson("/api/v1/walks/" + walkId + "/ratings", body, "Idempotency-Key", key);
    Api.Response again = api.postJson("/api/v1/walks/" + walkId + "/ratings", body, "Idempotency-Key", key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    assertThat(ratingRows(walkId)).isEqualTo(10);
    Api.Response otherBody = api.postJson("/api/v1/walks/" + walkId + "/ratings", ratingJson(checklist(walkId), 1, 4),
        "Idempotency-Key", key);
    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(ratingRows(walkId)).isEqualTo(10);
  }

  static Stream<Arguments> badRatings() {
    return Stream.of(
        Arguments.of("score above the scale", "{\"stopId\": STOP, \"ratings\": [{\"itemId\": ITEM, \"score\": 6}]}", "ratings[0].score", "rating.out_of_scale"),
        Arguments.of("score below the scale", "{\"stopId\": STOP, \"ratings\": [{\"itemId\": ITEM, \"score\": 0}]}", "ratings[0].score", "rating.out_of_scale"),
        Arguments.of("no score", "{\"stopId\": STOP, \"ratings\": [{\"itemId\": ITEM}]}", "ratings[0].score", "rating.out_of_scale"),
        Arguments.of("unknown item", "{\"stopId\": STOP, \"ratings\": [{\"itemId\": 999999999999, \"score\": 3}]}", "ratings[0].itemId", "rating.unknown_item"),
        Arguments.of("another walk's item", "{\"stopId\": STOP, \"ratings\": [{\"itemId\": OTHER_ITEM, \"score\": 3}]}", "ratings[0].itemId", "rating.unknown_item"),
        Arguments.of("an item rated twice", "{\"stopId\": STOP, \"ratings\": [{\"itemId\": ITEM, \"score\": 3}, {\"itemId\": ITEM, \"score\": 4}]}", "ratings[1].itemId", "rating.unknown_item"),
        Arguments.of("another walk's stop", "{\"stopId\": OTHER_STOP, \"ratings\": [{\"itemId\": ITEM, \"score\": 3}]}", "stopId", "rating.unknown_stop"),
        Arguments.of("no stop", "{\"ratings\": [{\"itemId\": ITEM, \"score\": 3}]}", "stopId", "rating.unknown_stop"),
        Arguments.of("nothing rated", "{\"stopId\": STOP, \"ratings\": []}", "ratings", "rating.none"),
        Arguments.of("a blank comment", "{\"stopId\": STOP, \"ratings\": [{\"itemId\": ITEM, \"score\": 3, \"comment\": \" \"}]}", "ratings[0].comment", "rating.comment"),
        Arguments.of("time not a time", "{\"stopId\": STOP, \"recordedAt\": \"i kväll\", \"ratings\": [{\"itemId\": ITEM, \"score\": 3}]}", "recordedAt", "rating.time"),
        Arguments.of("made long before the walk", "{\"stopId\": STOP, \"recordedAt\": \"2020-01-01T18:00:00Z\", \"ratings\": [{\"itemId\": ITEM, \"score\": 3}]}", "recordedAt", "rating.outside_walk"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRatings")
  void badRatingsAreRefusedNamingTheFieldAndNothingIsStored(String why, String body, String field, String code) {
    long walkId = walkWithStops();
    long other = walkWithStops();
    JsonNode mine = checklist(walkId);
    JsonNode theirs = checklist(other);
    String json = body.replace("OTHER_STOP", theirs.get("stops").get(0).get("id").asString())
        .replace("OTHER_ITEM", theirs.get("items").get(0).get("id").asString())
        .replace("STOP", mine.get("stops").get(0).get("id").asString())
        .replace("ITEM", mine.get("items").get(0).get("id").asString());
    Api.Response r = api.postJson("/api/v1/walks/" + walkId + "/ratings", json, "Idempotency-Key", UUID.randomUUID().toString());
    check(r, 422, field, code);
    assertThat(ratingRows(walkId)).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM walk_rating_set WHERE walk_id = :w").param("w", walkId).query(Long.class).single()).isZero();
  }

  @Test
  void rewordingARatedItemKeepsTheOldRatingsWithTheirOldQuestion() {
    long walkId = walkWithStops();
    JsonNode c = checklist(walkId);
    long lighting = c.get("items").get(0).get("id").asLong();
    long sightlines = c.get("items").get(1).get("id").asLong();
    String oldWording = c.get("items").get(0).get("wording").asString();
    assertThat(api.postJson("/api/v1/walks/" + walkId + "/ratings", """
        {"stopId": %d, "ratings": [{"itemId": %d, "score": 1}]}""".formatted(c.get("stops").get(0).get("id").asLong(), lighting))
        .status()).isEqualTo(201);

    List<String> items = new ArrayList<>();
    items.add("{\"id\": " + lighting + ", \"wording\": \"Belysning: lyser lamporna längs hela vägen?\"}");
    items.add("{\"id\": " + sightlines + ", \"wording\": \"Sikt: ser man vem som kommer?\"}");
    items.add("{\"wording\": \"Hållplatsen: känns det tryggt att vänta här?\"}");
    Api.Response r = asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/checklist", "{\"items\": [" + String.join(",", items) + "]}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).hasSize(3);
    assertThat(r.json().get(0).get("id").asLong()).isNotEqualTo(lighting);
    assertThat(r.json().get(0).get("version").asInt()).isEqualTo(2);
    assertThat(r.json().get(0).get("lineage").asLong()).isEqualTo(lighting);
    // The unrated item is reworded in place; the unrated default items left out are gone.
    assertThat(r.json().get(1).get("id").asLong()).isEqualTo(sightlines);
    assertThat(r.json().get(1).get("version").asInt()).isEqualTo(1);

    String ratedQuestion = jdbc.sql("""
            SELECT i.wording || '|' || (i.retired_at IS NOT NULL) FROM walk_rating r JOIN walk_checklist_item i ON i.id = r.item_id
            WHERE r.walk_id = :w""").param("w", walkId).query(String.class).single();
    assertThat(ratedQuestion).isEqualTo(oldWording + "|true");
    assertThat(jdbc.sql("SELECT count(*) FROM walk_checklist_item WHERE walk_id = :w").param("w", walkId)
        .query(Long.class).single()).isEqualTo(4);
    JsonNode method = asPlanner("GET", "/api/v1/staff/walks/" + walkId + "/method", null).json();
    assertThat(method.get("stops").get(0).get("items").get(0).get("itemId").asLong()).isEqualTo(lighting);
    // A phone that rated the old version offline is still taken.
    assertThat(api.postJson("/api/v1/walks/" + walkId + "/ratings", """
        {"stopId": %d, "ratings": [{"itemId": %d, "score": 2}]}""".formatted(c.get("stops").get(1).get("id").asLong(), lighting))
        .status()).isEqualTo(201);
  }

  @Test
  void badChecklistsAreRefusedAndTheListStays() {
    long walkId = walkWithStops();
    long other = walkWithStops();
    long theirs = checklist(other).get("items").get(0).get("id").asLong();
    check(asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/checklist", "{\"items\": []}"), 422, "items", "checklist.size");
    check(asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/checklist", "{\"items\": [{\"wording\": \"  \"}]}"),
        422, "items[0].wording", "checklist.wording");
    check(asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/checklist", "{\"items\": [{\"id\": " + theirs + ", \"wording\": \"x\"}]}"),
        422, "items[0].id", "checklist.unknown_item");
    assertThat(checklist(walkId).get("items")).hasSize(10);
  }

  @Test
  void meetingsCountAttendanceByGroupAndRefuseBadCounts() {
    long walkId = walkWithStops();
    Api.Response r = asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/meetings/preparatory", """
        {"heldOn": "2026-09-01", "notes": "Rutten godkänd", "invitedGroups": ["residents", "police"], "routeAgreed": true,
         "attendance": {"residents": 6, "police": 1, "municipality": 2}}""");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("attendance").get("residents").asInt()).isEqualTo(6);
    check(asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/meetings/follow_up", "{\"attendance\": {\"police\": -1}}"),
        422, "attendance.police", "meeting.count");
    check(asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/meetings/follow_up", "{\"heldOn\": \"i höst\"}"),
        422, "heldOn", "meeting.date");
    check(asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/meetings/picnic", "{}"), 404, null, "not_found");
    JsonNode meetings = asPlanner("GET", "/api/v1/staff/walks/" + walkId + "/method", null).json().get("meetings");
    assertThat(meetings).hasSize(1);
  }

  @Test
  void aRepeatWalkMustBeOfTheSameDialogueAndCopiesRouteStopsAndChecklist() {
    // Ids beyond Java's small-Long cache: the same dialogue must be recognised by value.
    jdbc.sql("SELECT setval(pg_get_serial_sequence('dialogue', 'id'), greatest(1000, (SELECT max(id) FROM dialogue)))")
        .query(Long.class).single();
    dialogue = data.openDialogue();
    long first = walkWithStops();
    JsonNode before = checklist(first);
    rate(first, before, 0, 2);
    rate(first, before, 1, 3);
    Instant now = Instant.now();
    TestData.Dialogue other = data.openDialogue();
    String elsewhere = walkJson(other, now.minusSeconds(600), now.plusSeconds(3600)).replace("\"light\": \"dark\"",
        "\"light\": \"dark\", \"repeatOf\": " + first);
    long walks = jdbc.sql("SELECT count(*) FROM walk").query(Long.class).single();
    check(asPlanner("POST", "/api/v1/staff/walks", elsewhere), 422, "repeatOf", "repeat.other_dialogue");
    assertThat(jdbc.sql("SELECT count(*) FROM walk").query(Long.class).single()).isEqualTo(walks);

    String repeat = walkJson(dialogue, now.minusSeconds(600), now.plusSeconds(3600))
        .replaceAll("\"plannedRoute\": \\{[^}]*\\},", "\"repeatOf\": " + first + ",");
    assertThat(repeat).doesNotContain("plannedRoute");
    Api.Response r = asPlanner("POST", "/api/v1/staff/walks", repeat);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long second = r.json().get("id").asLong();
    assertThat(r.json().get("plannedRoute").get("coordinates")).hasSize(3);
    JsonNode after = checklist(second);
    assertThat(after.get("stops")).hasSize(2);
    assertThat(after.get("items")).hasSize(10);
    rate(second, after, 0, 4);
    rate(second, after, 1, 3);

    JsonNode comparison = asPlanner("GET", "/api/v1/staff/walks/" + second + "/report", null).json().get("method").get("comparison");
    assertThat(comparison.get("earlierWalkId").asLong()).isEqualTo(first);
    assertThat(comparison.get("stops").get(0).get("trend").asString()).isEqualTo("improved");
    assertThat(comparison.get("stops").get(0).get("change").asDouble()).isEqualTo(2.0);
    assertThat(comparison.get("stops").get(1).get("trend").asString()).isEqualTo("unchanged");
    assertThat(comparison.get("resolvedProblems")).hasSize(10);
    assertThat(comparison.get("newProblems")).isEmpty();
  }

  void rate(long walkId, JsonNode checklist, int stop, int score) {
    Api.Response r = api.postJson("/api/v1/walks/" + walkId + "/ratings", ratingJson(checklist, stop, score));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  static void check(Api.Response r, int status, String field, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    if (field == null) {
      assertThat(r.json().get("code").asString()).isEqualTo(code);
    } else {
      assertThat(r.json().get("errors")).as(r.body()).anySatisfy(e -> {
        assertThat(e.get("field").asString()).isEqualTo(field);
        assertThat(e.get("code").asString()).isEqualTo(code);
      });
    }
  }

  String moderator() {
    return StaffAccounts.basic(accounts.create(StaffRole.MODERATOR));
  }
}
