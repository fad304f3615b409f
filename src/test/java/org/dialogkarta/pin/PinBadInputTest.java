package org.dialogkarta.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.support.Problems.assertProblem;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every kind of bad input to the pin API gets a 4xx problem-details answer naming the fault, and
 * nothing is stored.
 */
@IntegrationTest
class PinBadInputTest {

  private static final String GOOD_LOCATION = "{\"type\": \"Point\", \"coordinates\": [16.18, 58.59]}";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Api api;
  private TestData data;
  private TestData.Dialogue open;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    data = new TestData(jdbc);
    open = data.dialogue("ongoing", TestData.NORRKOPING_CENTRE, List.of("suggestion", "safety_concern", "service_gap"));
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        bad("longitude out of range", pin("suggestion", "x", "[200, 58.59]"), 422, "location.coordinates", "location.out_of_range"),
        bad("latitude out of range", pin("suggestion", "x", "[16.18, -91]"), 422, "location.coordinates", "location.out_of_range"),
        bad("NaN given as a string", pin("suggestion", "x", "[\"NaN\", 58.59]"), 422, "location.coordinates", "location.out_of_range"),
        bad("Infinity given as a string", pin("suggestion", "x", "[\"Infinity\", 58.59]"), 422, "location.coordinates", "location.out_of_range"),
        bad("NaN as a bare token is not JSON", pin("suggestion", "x", "[NaN, 58.59]"), 400, null, "body.malformed"),
        bad("one coordinate", pin("suggestion", "x", "[16.18]"), 422, "location.coordinates", "location.malformed"),
        bad("coordinates as words", pin("suggestion", "x", "[\"east\", \"north\"]"), 400, null, "body.malformed"),
        bad("no location", "{\"category\": \"suggestion\", \"text\": \"x\"}", 422, "location", "location.missing"),
        bad("not a point", "{\"category\": \"suggestion\", \"text\": \"x\", \"location\": {\"type\": \"Polygon\", \"coordinates\": []}}", 422, "location.type", "location.not_point"),
        bad("outside the study area", pin("suggestion", "x", "[16.30, 58.59]"), 422, "location", "location.outside_study_area"),
        bad("lat/lon swapped lands outside", pin("suggestion", "x", "[58.59, 16.18]"), 422, "location", "location.outside_study_area"),
        bad("no category", "{\"text\": \"x\", \"location\": " + GOOD_LOCATION + "}", 422, "category", "category.missing"),
        bad("unknown category", pin("complaint", "x", "[16.18, 58.59]"), 422, "category", "category.unknown"),
        bad("category not used in this dialogue", pin("valued_place", "x", "[16.18, 58.59]"), 422, "category", "category.disabled"),
        bad("unknown sub-tag", "{\"category\": \"suggestion\", \"subtags\": [\"lighting\"], \"text\": \"x\", \"location\": " + GOOD_LOCATION + "}", 422, "subtags", "subtag.unknown"),
        bad("empty text", pin("suggestion", "", "[16.18, 58.59]"), 422, "text", "text.blank"),
        bad("only white space", pin("suggestion", " \\n\\t  ", "[16.18, 58.59]"), 422, "text", "text.blank"),
        bad("text over 2000 characters", pin("suggestion", "ö".repeat(2001), "[16.18, 58.59]"), 422, "text", "text.too_long"),
        bad("a lone surrogate", pin("suggestion", "a\\ud800b", "[16.18, 58.59]"), 422, "text", "text.invalid"),
        bad("text is a number", "{\"category\": \"suggestion\", \"text\": {\"a\": 1}, \"location\": " + GOOD_LOCATION + "}", 400, null, "body.malformed"),
        bad("unknown profile answer", "{\"category\": \"suggestion\", \"text\": \"x\", \"profile\": {\"gender\": \"robot\"}, \"location\": " + GOOD_LOCATION + "}", 422, "profile.gender", "profile.unknown"),
        bad("walk that does not exist", "{\"category\": \"suggestion\", \"text\": \"x\", \"walkId\": 999999999999, \"location\": " + GOOD_LOCATION + "}", 422, "walkId", "walk.unknown"),
        bad("malformed JSON", "{\"category\": suggestion}", 400, null, "body.malformed"),
        bad("truncated JSON", pin("suggestion", "x", "[16.18, 58.59]").substring(0, 40), 400, null, "body.malformed"),
        bad("empty body", "", 400, null, "body.malformed"),
        bad("a JSON array", "[1, 2]", 400, null, "body.malformed"),
        bad("JSON null", "null", 400, null, "body.malformed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void badBodiesAreRefusedAndNothingIsStored(String why, String body, int status, String field, String code) {
    Api.Response r = api.postJson(pinsPath(open), body);
    assertProblem(r, status, code, field);
    assertThat(data.pinCount(open)).isZero();
  }

  @ParameterizedTest(name = "{0} dialogue")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"planned", "completed"})
  void closedDialoguesRefusePins(String status) {
    TestData.Dialogue closed = data.dialogue(status, TestData.NORRKOPING_CENTRE, List.of("suggestion"));
    assertProblem(api.postJson(pinsPath(closed), pin("suggestion", "x", "[16.18, 58.59]")), 409, "dialogue.closed", null);
    assertThat(data.pinCount(closed)).isZero();
  }

  @Test
  void anUnknownDialogueIs404() {
    assertProblem(api.postJson("/api/v1/dialogues/no-such-dialogue/pins", pin("suggestion", "x", "[16.18, 58.59]")), 404, "not_found", null);
    assertProblem(api.postJson("/api/v1/dialogues/987654321/pins", pin("suggestion", "x", "[16.18, 58.59]")), 404, "not_found", null);
    assertProblem(api.get("/api/v1/dialogues/no-such-dialogue/pins"), 404, "not_found", null);
  }

  @Test
  void aWrongContentTypeIs415() {
    assertProblem(api.post(pinsPath(open), "text/plain", pin("suggestion", "x", "[16.18, 58.59]")), 415, "http.415", null);
    assertProblem(api.post(pinsPath(open), "application/x-www-form-urlencoded", "category=suggestion"), 415, "http.415", null);
    assertThat(data.pinCount(open)).isZero();
  }

  @Test
  void anOversizedBodyIs413WhetherDeclaredOrStreamed() {
    String huge = pin("suggestion", "x".repeat(100_000), "[16.18, 58.59]");
    assertProblem(api.postJson(pinsPath(open), huge), 413, "body.too_large", null);
    // Chunked transfer: no Content-Length, so the limit must hold while reading.
    byte[] bytes = huge.getBytes();
    Api.Response chunked = api.send(HttpRequest.newBuilder(URI.create(api.base() + pinsPath(open)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    assertProblem(chunked, 413, "body.too_large", null);
    assertThat(data.pinCount(open)).isZero();
  }

  @Test
  void aReusedIdempotencyKeyWithAnotherBodyIsRefused() {
    String key = UUID.randomUUID().toString();
    assertThat(api.postJson(pinsPath(open), pin("suggestion", "Först", "[16.18, 58.59]"), "Idempotency-Key", key).status())
        .isEqualTo(201);
    assertProblem(api.postJson(pinsPath(open), pin("suggestion", "Sedan", "[16.18, 58.59]"), "Idempotency-Key", key),
        422, "idempotency_key.reused", "Idempotency-Key");
    assertThat(data.pinCount(open)).isOne();
  }

  @Test
  void aMalformedIdempotencyKeyIsRefused() {
    assertProblem(api.postJson(pinsPath(open), pin("suggestion", "x", "[16.18, 58.59]"), "Idempotency-Key", "abc"),
        422, "idempotency_key.malformed", "Idempotency-Key");
    assertThat(data.pinCount(open)).isZero();
  }

  @Test
  void badQueryParametersAreNamed() {
    assertProblem(api.get(pinsPath(open) + "?bbox=16.3,58.5,16.1,58.7"), 422, "bbox.invalid", "bbox");
    assertProblem(api.get(pinsPath(open) + "?bbox=NaN,58.5,16.1,58.7"), 422, "bbox.invalid", "bbox");
    assertProblem(api.get(pinsPath(open) + "?bbox=1,2,3"), 422, "bbox.invalid", "bbox");
    assertProblem(api.get(pinsPath(open) + "?category=complaint"), 422, "category.unknown", "category");
    assertProblem(api.get("/api/v1/pins/abc"), 400, "parameter.invalid", "id");
  }

  private static Arguments bad(String why, String body, int status, String field, String code) {
    return Arguments.of(why, body, status, field, code);
  }

  private static String pin(String category, String text, String coordinates) {
    return "{\"category\": \"%s\", \"text\": \"%s\", \"location\": {\"type\": \"Point\", \"coordinates\": %s}}"
        .formatted(category, text, coordinates);
  }

  private static String pinsPath(TestData.Dialogue d) {
    return "/api/v1/dialogues/" + d.slug() + "/pins";
  }
}
