package org.dialogkarta.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.support.Problems.assertProblem;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
import tools.jackson.databind.JsonNode;

/**
 * Lines and areas through the public pin API against the real PostGIS: stored with their
 * representative point as location, shown by the public reads and the receipt; every bad shape
 * a 4xx naming {@code shape}, nothing stored.
 */
@IntegrationTest
class ShapeSubmissionTest {

  /** A line of three vertices in central Norrköping, about 600 m long. */
  private static final String LINE = "[[16.16, 58.58], [16.165, 58.58], [16.17, 58.582]]";
  /** A square of about 290 m × 230 m. */
  private static final String SQUARE = "[[[16.16, 58.58], [16.165, 58.58], [16.165, 58.582], [16.16, 58.582], [16.16, 58.58]]]";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Api api;
  private TestData data;
  private TestData.Dialogue open;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    data = new TestData(jdbc);
    open = data.openDialogue();
    accept(open, "point", "line", "area");
  }

  @Test
  void aLineIsStoredWithItsMidpointAsLocationAndShownPubliclyAndOnTheReceipt() {
    Api.Response r = api.postJson(path(open), shapePin("LineString", LINE));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    var row = jdbc.sql("""
            SELECT GeometryType(drawn_shape) AS type, ST_NPoints(drawn_shape) AS n,
                   ST_Distance(location, ST_LineInterpolatePoint(drawn_shape, 0.5)) AS off
            FROM pin WHERE id = :id""").param("id", id).query().singleRow();
    assertThat(row.get("type")).isEqualTo("LINESTRING");
    assertThat(((Number) row.get("n")).intValue()).isEqualTo(3);
    assertThat(((Number) row.get("off")).doubleValue()).isLessThan(1e-9);

    JsonNode feature = api.get("/api/v1/pins/" + id).json();
    assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Point");
    JsonNode shape = feature.get("properties").get("shape");
    assertThat(shape.get("type").asString()).isEqualTo("LineString");
    assertThat(shape.get("coordinates").size()).isEqualTo(3);
    assertThat(shape.get("coordinates").get(2).get(0).asDouble()).isEqualTo(16.17);

    JsonNode own = api.receipt(r.json().get("receipt").asString()).json().get("pins").get(0);
    assertThat(own.get("shape").get("type").asString()).isEqualTo("LineString");
  }

  @Test
  void anAreaIsStoredWithAPointOnItsSurfaceAndListedInTheDialoguesPins() {
    Api.Response r = api.postJson(path(open), shapePin("Polygon", SQUARE));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    assertThat(jdbc.sql("SELECT GeometryType(drawn_shape) = 'POLYGON' AND ST_Covers(drawn_shape, location) FROM pin WHERE id = :id")
        .param("id", id).query(Boolean.class).single()).isTrue();
    JsonNode features = api.get(path(open)).json().get("features");
    assertThat(features.size()).isOne();
    assertThat(features.get(0).get("properties").get("shape").get("type").asString()).isEqualTo("Polygon");
  }

  @Test
  void anAreaWithoutTheClosingPositionIsClosed() {
    String open4 = "[[[16.16, 58.58], [16.165, 58.58], [16.165, 58.582], [16.16, 58.582]]]";
    Api.Response r = api.postJson(path(open), shapePin("Polygon", open4));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(jdbc.sql("SELECT ST_NPoints(drawn_shape) FROM pin WHERE id = :id")
        .param("id", r.json().get("id").asLong()).query(Integer.class).single()).isEqualTo(5);
  }

  @Test
  void aLineCrossingTheStudyAreasEdgeIsTakenAndItsLocationIsInside() {
    // From inside (16.20) to outside (16.25, the area ends at 16.22): the midpoint is outside.
    Api.Response r = api.postJson(path(open), shapePin("LineString", "[[16.19, 58.60], [16.25, 58.60]]"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(jdbc.sql("""
            SELECT ST_Covers(d.study_area, p.location) FROM pin p JOIN dialogue d ON d.id = p.dialogue_id
            WHERE p.id = :id""").param("id", r.json().get("id").asLong()).query(Boolean.class).single()).isTrue();
  }

  @Test
  void anAreaWithASpikeIsRepairedIntoOnePolygon() {
    // A square with a spike up and back along the same edge: invalid, but ST_MakeValid gives one polygon.
    String spike = "[[[16.16, 58.58], [16.17, 58.58], [16.17, 58.585], [16.165, 58.585], [16.165, 58.59],"
        + " [16.165, 58.585], [16.16, 58.585], [16.16, 58.58]]]";
    Api.Response r = api.postJson(path(open), shapePin("Polygon", spike));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(jdbc.sql("SELECT ST_IsValid(drawn_shape) AND GeometryType(drawn_shape) = 'POLYGON' FROM pin WHERE id = :id")
        .param("id", r.json().get("id").asLong()).query(Boolean.class).single()).isTrue();
  }

  @Test
  void theSameKeyTwiceGivesTheSamePinAndOneRow() {
    String key = UUID.randomUUID().toString();
    Api.Response first = api.postJson(path(open), shapePin("Polygon", SQUARE), "Idempotency-Key", key);
    Api.Response again = api.postJson(path(open), shapePin("Polygon", SQUARE), "Idempotency-Key", key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    assertThat(again.json().get("receipt").asString()).isEqualTo(first.json().get("receipt").asString());
    assertThat(data.pinCount(open)).isOne();
  }

  @Test
  void aDialogueTakesOnlyTheKindsItAccepts() {
    TestData.Dialogue pointsOnly = data.openDialogue();
    assertProblem(api.postJson(path(pointsOnly), shapePin("LineString", LINE)), 422, "shape.not_accepted", "shape");
    assertThat(data.pinCount(pointsOnly)).isZero();

    TestData.Dialogue areasOnly = data.openDialogue();
    accept(areasOnly, "area");
    assertProblem(api.postJson(path(areasOnly), shapePin("LineString", LINE)), 422, "shape.not_accepted", "shape");
    assertProblem(api.postJson(path(areasOnly), Api.pinJson("suggestion", "Här", 16.18, 58.59)),
        422, "shape.point_not_accepted", "shape");
    assertThat(api.postJson(path(areasOnly), shapePin("Polygon", SQUARE)).status()).isEqualTo(201);
    assertThat(jdbc.sql("SELECT accepted_shapes FROM dialogue WHERE id = :id").param("id", pointsOnly.id())
        .query(String.class).single()).isEqualTo("{point}");
  }

  @Test
  void aNeighbourhoodFromTheListIsAnAreaThatPassesTheRules() {
    String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
    // Half inside the study area (which ends at 16.22 E): the list offers the inside half only.
    jdbc.sql("INSERT INTO neighbourhood (code, name, boundary) VALUES (:c, :n, ST_Multi(ST_MakeEnvelope(16.21, 58.60, 16.23, 58.605, 4326)))")
        .param("c", code).param("n", "Östra " + code).update();
    JsonNode list = api.get("/api/v1/dialogues/" + open.slug() + "/neighbourhoods").json().get("neighbourhoods");
    JsonNode choice = list.valueStream().filter(n -> n.get("name").asString().equals("Östra " + code)).findFirst().orElseThrow();
    assertThat(choice.at("/geometry/type").asString()).isEqualTo("Polygon");
    choice.at("/geometry/coordinates/0").forEach(p -> assertThat(p.get(0).asDouble()).isBetween(16.21, 16.22));
    String body = "{\"category\": \"suggestion\", \"text\": \"Hela stadsdelen\", \"shape\": " + choice.get("geometry") + "}";
    Api.Response r = api.postJson(path(open), body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    TestData.Dialogue pointsOnly = data.openDialogue();
    assertThat(api.get("/api/v1/dialogues/" + pointsOnly.slug() + "/neighbourhoods").json().get("neighbourhoods").size()).isZero();
  }

  static Stream<Arguments> badShapes() {
    return Stream.of(
        bad("a self-intersecting area (bow tie) cannot become one polygon", "Polygon",
            "[[[16.16, 58.58], [16.17, 58.59], [16.17, 58.58], [16.16, 58.59], [16.16, 58.58]]]", "shape", "shape.invalid"),
        bad("a line that crosses itself", "LineString",
            "[[16.16, 58.58], [16.17, 58.59], [16.17, 58.58], [16.16, 58.59]]", "shape", "shape.not_simple"),
        bad("a line of one point twice", "LineString", "[[16.16, 58.58], [16.16, 58.58]]", "shape.coordinates",
            "shape.too_few_vertices"),
        bad("an area of two corners", "Polygon", "[[[16.16, 58.58], [16.17, 58.58], [16.16, 58.58]]]",
            "shape.coordinates", "shape.too_few_vertices"),
        bad("an area with no surface (three corners on a line)", "Polygon",
            "[[[16.16, 58.58], [16.17, 58.58], [16.18, 58.58], [16.16, 58.58]]]", "shape", "shape.degenerate"),
        bad("an area covering the whole country", "Polygon",
            "[[[10.5, 55.0], [24.5, 55.0], [24.5, 69.5], [10.5, 69.5], [10.5, 55.0]]]", "shape", "shape.too_large"),
        bad("a line longer than 20 km", "LineString", "[[16.15, 58.58], [16.60, 58.58]]", "shape", "shape.too_long"),
        bad("an area outside the study area", "Polygon",
            "[[[16.30, 58.58], [16.305, 58.58], [16.305, 58.582], [16.30, 58.58]]]", "shape", "shape.outside_study_area"),
        bad("an area with a hole", "Polygon", "[" + SQUARE.substring(1, SQUARE.length() - 1) + ", "
            + SQUARE.substring(1, SQUARE.length() - 1) + "]", "shape.coordinates", "shape.holes"),
        bad("a MultiPolygon", "MultiPolygon", "[" + SQUARE + "]", "shape.type", "shape.wrong_type"),
        bad("a Point as shape", "Point", "[16.16, 58.58]", "shape.type", "shape.wrong_type"),
        bad("no type", null, LINE, "shape.type", "shape.wrong_type"),
        bad("positions of words", "LineString", "[[\"a\", \"b\"], [16.16, 58.58]]", "shape.coordinates", "shape.malformed"),
        bad("a Polygon nested as a line", "Polygon", LINE, "shape.coordinates", "shape.malformed"),
        bad("coordinates out of range", "LineString", "[[16.16, 95], [16.17, 58.58]]", "shape.coordinates", "shape.out_of_range"),
        bad("600 vertices", "LineString", zigzag(600), "shape.coordinates", "shape.too_many_vertices"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badShapes")
  void badShapesAreRefusedNamingShapeAndNothingIsStored(String why, String type, String coordinates, String field,
      String code) {
    assertProblem(api.postJson(path(open), shapePin(type, coordinates)), 422, code, field);
    assertThat(data.pinCount(open)).isZero();
  }

  @Test
  void aShapeOfAHundredThousandVerticesIsRefusedQuicklyByTheBodyLimit() {
    long started = System.nanoTime();
    assertProblem(api.postJson(path(open), shapePin("LineString", zigzag(100_000))), 413, "body.too_large", null);
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    assertThat(data.pinCount(open)).isZero();
  }

  /** A line of n vertices zigzagging eastwards inside the study area. */
  static String zigzag(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> String.format(Locale.ROOT, "[%.6f, %.4f]", 16.15 + i * 0.00001, 58.58 + (i % 2) * 0.001))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private void accept(TestData.Dialogue d, String... kinds) {
    jdbc.sql("UPDATE dialogue SET accepted_shapes = :k WHERE id = :id").param("k", kinds).param("id", d.id()).update();
  }

  private static Arguments bad(String why, String type, String coordinates, String field, String code) {
    return Arguments.of(why, type, coordinates, field, code);
  }

  static String shapePin(String type, String coordinates) {
    String t = type == null ? "" : "\"type\": \"" + type + "\", ";
    return "{\"category\": \"suggestion\", \"text\": \"Bussen borde gå här\", \"shape\": {" + t
        + "\"coordinates\": " + coordinates + "}}";
  }

  private static String path(TestData.Dialogue d) {
    return "/api/v1/dialogues/" + d.slug() + "/pins";
  }
}
