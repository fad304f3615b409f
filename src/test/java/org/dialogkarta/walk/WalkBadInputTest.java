package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to every walk endpoint gets a 4xx naming the fault, never a 5xx, and stores nothing. */
class WalkBadInputTest extends WalkApiTest {

  private static final String START = "2026-10-14T18:00:00+02:00";
  private static final String END = "2026-10-14T20:00:00+02:00";

  /** A good walk body in which one field is replaced by the given JSON value, or left out for null. */
  private static String with(String field, String value) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("dialogue", "\"DIALOGUE\"");
    fields.put("kind", "\"community_walk\"");
    fields.put("title", "\"Samhällsvandring i byn\"");
    fields.put("startsAt", "\"" + START + "\"");
    fields.put("endsAt", "\"" + END + "\"");
    fields.put("facilitator", "\"Per Ek\"");
    if (value == null) {
      fields.remove(field);
    } else {
      fields.put(field, value);
    }
    return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static Stream<Arguments> badWalks() {
    return Stream.of(
        bad("no dialogue", with("dialogue", null), 422, "dialogue", "dialogue.missing"),
        bad("unknown dialogue", with("dialogue", "\"finns-inte\""), 422, "dialogue", "dialogue.unknown"),
        bad("unknown dialogue id", with("dialogue", null).replace("{", "{\"dialogueId\": 999999999999, "), 422, "dialogueId", "dialogue.unknown"),
        bad("no kind", with("kind", null), 422, "kind", "code.missing"),
        bad("unknown kind", with("kind", "\"night_walk\""), 422, "kind", "code.unknown"),
        bad("blank title", with("title", "\"  \""), 422, "title", "text.blank"),
        bad("title too long", with("title", "\"" + "å".repeat(201) + "\""), 422, "title", "text.too_long"),
        bad("no start", with("startsAt", null), 422, "startsAt", "time.missing"),
        bad("start not a time", with("startsAt", "\"i kväll\""), 422, "startsAt", "time.malformed"),
        bad("start without offset", with("startsAt", "\"2026-10-14T18:00:00\""), 422, "startsAt", "time.malformed"),
        bad("end before start", with("endsAt", "\"2026-10-14T17:00:00+02:00\""), 422, "endsAt", "times.order"),
        bad("end equal to start", with("endsAt", "\"" + START + "\""), 422, "endsAt", "times.order"),
        bad("longer than a day", with("endsAt", "\"2026-10-16T20:00:00+02:00\""), 422, "endsAt", "walk.too_long"),
        bad("meeting point not a point", with("meetingPoint", "{\"type\": \"LineString\", \"coordinates\": [[16.18, 58.59], [16.19, 58.59]]}"), 422, "meetingPoint", "geometry.not_point"),
        bad("meeting point out of range", with("meetingPoint", "{\"type\": \"Point\", \"coordinates\": [16.18, 95]}"), 422, "meetingPoint", "geometry.out_of_range"),
        bad("meeting point as words", with("meetingPoint", "\"vid kyrkan\""), 422, "meetingPoint", "geometry.not_point"),
        bad("route of one position", with("plannedRoute", "{\"type\": \"LineString\", \"coordinates\": [[16.18, 58.59]]}"), 422, "plannedRoute", "geometry.malformed"),
        bad("route of one place twice", with("plannedRoute", "{\"type\": \"LineString\", \"coordinates\": [[16.18, 58.59], [16.18, 58.59]]}"), 422, "plannedRoute", "geometry.malformed"),
        bad("route as a polygon", with("plannedRoute", "{\"type\": \"Polygon\", \"coordinates\": []}"), 422, "plannedRoute", "geometry.not_line"),
        bad("route with lat/lon as text", with("plannedRoute", "{\"type\": \"LineString\", \"coordinates\": [[\"16\", \"58\"], [16.2, 58.6]]}"), 422, "plannedRoute", "geometry.malformed"),
        bad("negative participants", with("participantCount", "-3"), 422, "participantCount", "participantCount.out_of_range"),
        bad("participants as words", with("participantCount", "\"många\""), 400, null, "body.malformed"),
        bad("unknown group", with("groups", "[\"residents\", \"aliens\"]"), 422, "groups", "code.unknown"),
        bad("blank facilitator", with("facilitator", "\"\""), 422, "facilitator", "text.blank"),
        bad("unknown light", with("light", "\"moonlight\""), 422, "light", "code.unknown"),
        bad("note too long", with("note", "\"" + "x".repeat(5001) + "\""), 422, "note", "text.too_long"),
        bad("malformed JSON", "{\"kind\": ", 400, null, "body.malformed"),
        bad("empty body", "", 400, null, "body.malformed"),
        bad("a JSON array", "[]", 400, null, "body.malformed"));
  }

  static Arguments bad(String why, String body, int status, String field, String code) {
    return Arguments.of(why, body, status, field, code);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badWalks")
  void badWalksAreRefusedAndNothingIsStored(String why, String body, int status, String field, String code) {
    String json = body.replace("DIALOGUE", dialogue.slug());
    long walks = walkCount();
    check(asPlanner("POST", "/api/v1/staff/walks", json), status, field, code);
    long existing = walkNow();
    String before = walkRow(existing);
    check(asPlanner("PUT", "/api/v1/staff/walks/" + existing, json), status, field, code);
    assertThat(walkRow(existing)).isEqualTo(before);
    assertThat(walkCount()).isEqualTo(walks + 1);
    assertThat(auditRows("walk.change", existing)).isZero();
  }

  @Test
  void everyFaultOfAWalkIsReportedAtOnce() {
    Api.Response r = asPlanner("POST", "/api/v1/staff/walks", "{\"kind\": \"x\", \"groups\": [\"y\"]}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("errors")).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void unknownWalksAndDialoguesAreNotFound() {
    String body = walkJson(dialogue, Instant.now(), Instant.now().plusSeconds(3600));
    check(asPlanner("PUT", "/api/v1/staff/walks/999999999999", body), 404, null, "not_found");
    check(asPlanner("POST", "/api/v1/staff/walks/999999999999/close", null), 404, null, "not_found");
    check(asPlanner("GET", "/api/v1/staff/walks/999999999999/report", null), 404, null, "not_found");
    check(asPlanner("GET", "/api/v1/staff/walks/999999999999", null), 404, null, "not_found");
    check(asPlanner("GET", "/api/v1/staff/walks?dialogue=finns-inte", null), 404, null, "not_found");
    check(asPlanner("GET", "/api/v1/staff/walks/abc/report", null), 400, "id", "parameter.invalid");
    check(api.get("/api/v1/walks/999999999999"), 404, null, "not_found");
    check(api.get("/api/v1/walks/abc"), 400, "id", "parameter.invalid");
    check(api.postJson("/api/v1/walks/999999999999/tracks", "{\"points\": [[16.18, 58.59, 1], [16.18, 58.59, 2]]}"),
        404, null, "not_found");
  }

  @Test
  void aWalkWithPinsStaysInItsDialogue() {
    long walkId = walkNow();
    pinned(walkId, "safety_concern", "Mörkt", null);
    TestData.Dialogue other = data.openDialogue();
    Instant now = Instant.now();
    check(asPlanner("PUT", "/api/v1/staff/walks/" + walkId, walkJson(other, now, now.plusSeconds(3600))),
        409, null, "walk.has_pins");
    assertThat(asPlanner("GET", "/api/v1/staff/walks/" + walkId, null).json().get("dialogue").get("id").asLong())
        .isEqualTo(dialogue.id());
  }

  static Stream<Arguments> badTracks() {
    long t = Instant.now().toEpochMilli();
    return Stream.of(
        bad("no points", "{}", 422, "points", "track.size"),
        bad("points null", "{\"points\": null}", 422, "points", "track.size"),
        bad("one point", "{\"points\": [[16.18, 58.59, " + t + "]]}", 422, "points", "track.size"),
        bad("a point without time", "{\"points\": [[16.18, 58.59], [16.18, 58.59, " + t + "]]}", 422, "points[0]", "track.malformed_point"),
        bad("a point with five numbers", "{\"points\": [[16.18, 58.59, " + t + "], [16.18, 58.59, " + t + ", 1, 2]]}", 422, "points[1]", "track.malformed_point"),
        bad("a null point", "{\"points\": [null, [16.18, 58.59, " + t + "]]}", 422, "points[0]", "track.malformed_point"),
        bad("a null latitude", "{\"points\": [[16.18, null, " + t + "], [16.18, 58.59, " + t + "]]}", 422, "points[0]", "track.malformed_point"),
        bad("points as words", "{\"points\": [[\"öster\", \"norr\", 1], [16.18, 58.59, 2]]}", 400, null, "body.malformed"),
        bad("points not a list", "{\"points\": \"många\"}", 400, null, "body.malformed"),
        bad("malformed JSON", "{\"points\": [", 400, null, "body.malformed"),
        bad("only impossible points", "{\"points\": [[16.18, 58.59, " + t + "], [16.30, 58.59, " + (t + 1000) + "]]}",
            422, "points", "track.too_few_kept"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTracks")
  void badTracksAreRefusedAndNothingIsStored(String why, String body, int status, String field, String code) {
    long walkId = walkNow();
    check(api.postJson("/api/v1/walks/" + walkId + "/tracks", body), status, field, code);
    assertThat(trackCount(walkId)).isZero();
  }

  @Test
  void tooManyOrTooLargeTracksAreRefused() {
    long walkId = walkNow();
    long t = Instant.now().minus(50, ChronoUnit.MINUTES).toEpochMilli();
    StringBuilder many = new StringBuilder("{\"points\": [");
    for (int i = 0; i <= Tracks.MAX_POINTS; i++) {
      many.append(i == 0 ? "" : ",").append("[16.18,58.59,").append(t + i * 100L).append(",null]");
    }
    check(api.postJson("/api/v1/walks/" + walkId + "/tracks", many.append("]}").toString()), 422, "points", "track.size");
    // One point fewer is the largest track there is, far above the limit of other bodies.
    String most = many.substring(0, many.lastIndexOf(",[")) + "]}";
    Api.Response largest = api.postJson("/api/v1/walks/" + walkId + "/tracks", most);
    assertThat(largest.status()).as(largest.body()).isEqualTo(201);
    assertThat(largest.json().get("kept").asInt()).isEqualTo(Tracks.MAX_POINTS);
    jdbc.sql("DELETE FROM walk_track WHERE walk_id = :w").param("w", walkId).update();
    String huge = "{\"points\": [" + "[16.18, 58.59, 1, null],".repeat(120_000) + "[16.18, 58.59, 2, null]]}";
    check(api.postJson("/api/v1/walks/" + walkId + "/tracks", huge), 413, null, "body.too_large");
    check(api.postJson("/api/v1/walks/" + walkId + "/tracks", "{\"points\": []}", "Idempotency-Key", "nej"),
        422, "Idempotency-Key", "idempotency_key.malformed");
    assertThat(trackCount(walkId)).isZero();
  }

  @Test
  void aPhotoWithAMalformedKeyIsRefused() {
    long walkId = walkNow();
    Pinned pin = pinned(walkId, "suggestion", "Här", null);
    check(uploadPhoto(pin.id(), pin.receipt(), jpeg(java.awt.Color.RED), "inte-en-uuid"), 422, "Idempotency-Key",
        "idempotency_key.malformed");
    check(uploadPhoto(pin.id(), pin.receipt(), "inte en bild".getBytes(), UUID.randomUUID().toString()), 422,
        "photo", "photo.not_image");
    assertThat(jdbc.sql("SELECT count(*) FROM photo WHERE pin_id = :p").param("p", pin.id()).query(Long.class).single())
        .isZero();
  }

  private void check(Api.Response r, int status, String field, String code) {
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

  private long walkCount() {
    return jdbc.sql("SELECT count(*) FROM walk").query(Long.class).single();
  }

  private String walkRow(long id) {
    return jdbc.sql("SELECT w::text FROM walk w WHERE id = :id").param("id", id).query(String.class).single();
  }

  private long trackCount(long walkId) {
    return jdbc.sql("SELECT count(*) FROM walk_track WHERE walk_id = :w").param("w", walkId).query(Long.class).single();
  }
}
