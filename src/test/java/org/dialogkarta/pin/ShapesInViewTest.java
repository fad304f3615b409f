package org.dialogkarta.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.Problems;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The published lines and areas in a map view (for the tiled map of a large dialogue): only
 * published, unmerged pins' shapes, those touching the box, the newest first up to the limit with
 * a flag when capped, simplified for the zoom; bad input is a 4xx naming the field.
 */
@IntegrationTest
class ShapesInViewTest {

  static final String VIEW = "16.17,58.58,16.19,58.60";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;
  TestData.Dialogue d;
  long line;
  long area;
  long hidden;
  long pending;
  long merged;
  long farAway;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    d = new TestData(jdbc).openDialogue();
    line = shape("LINESTRING(16.175 58.585, 16.185 58.595)", "suggestion", "published", null);
    area = shape("POLYGON((16.176 58.586, 16.184 58.586, 16.184 58.594, 16.176 58.594, 16.176 58.586))", "safety_concern",
        "published", null);
    hidden = shape("POLYGON((16.177 58.587, 16.183 58.587, 16.183 58.593, 16.177 58.593, 16.177 58.587))", "suggestion",
        "hidden", null);
    pending = shape("LINESTRING(16.178 58.588, 16.182 58.592)", "suggestion", "pending", null);
    merged = shape("LINESTRING(16.179 58.589, 16.181 58.591)", "suggestion", "published", line);
    farAway = shape("LINESTRING(16.30 58.70, 16.31 58.71)", "suggestion", "published", null);
    // A point pin in view: it has no shape, so it is never in the answer.
    jdbc.sql("INSERT INTO pin (dialogue_id, location, category, text) VALUES (:d, ST_SetSRID(ST_MakePoint(16.18, 58.59), 4326), 'suggestion', 'Punkt')")
        .param("d", d.id()).update();
  }

  private long shape(String wkt, String category, String state, Long mergedInto) {
    return jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, drawn_shape, category, text, moderation_state, moderation_reason, merged_into)
            VALUES (:d, ST_PointOnSurface(ST_GeomFromText(:wkt, 4326)), ST_GeomFromText(:wkt, 4326), :c, 'Form', :s,
                    CASE WHEN :s = 'hidden' THEN 'Kränkande' END, :m)
            RETURNING id""")
        .param("d", d.id()).param("wkt", wkt).param("c", category).param("s", state).param("m", mergedInto)
        .query(Long.class).single();
  }

  private JsonNode get(String query) {
    Api.Response r = api.get("/api/v1/dialogues/" + d.slug() + "/shapes?" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<Long> ids(JsonNode answer) {
    List<Long> ids = new ArrayList<>();
    answer.get("shapes").forEach(s -> ids.add(s.get("id").asLong()));
    return ids;
  }

  @Test
  void onlyPublishedShapesInTheBoxAreGivenNewestFirst() {
    JsonNode answer = get("bbox=" + VIEW + "&zoom=15");
    assertThat(ids(answer)).containsExactly(area, line);
    assertThat(answer.get("capped").asBoolean()).isFalse();
    JsonNode first = answer.get("shapes").get(0);
    assertThat(first.get("category").asString()).isEqualTo("safety_concern");
    assertThat(first.get("geometry").get("type").asString()).isEqualTo("Polygon");
    assertThat(answer.get("shapes").get(1).get("geometry").get("type").asString()).isEqualTo("LineString");

    // The hidden area is not given even when the box holds nothing else, at any zoom or filter.
    for (String q : List.of("bbox=16.1775,58.5875,16.1825,58.5925", "bbox=16.1775,58.5875,16.1825,58.5925&zoom=20",
        "bbox=" + VIEW + "&category=suggestion")) {
      assertThat(ids(get(q))).as(q).doesNotContain(hidden, pending, merged);
    }
    assertThat(ids(get("bbox=" + VIEW + "&category=suggestion"))).containsExactly(line);

    // The box: a shape that crosses it counts even when no vertex is inside; one outside does not.
    assertThat(ids(get("bbox=16.2,58.6,16.4,58.8"))).containsExactly(farAway);
    assertThat(ids(get("bbox=16.0,58.0,16.1,58.1"))).isEmpty();
    assertThat(ids(get("bbox=16.1795,58.5895,16.1805,58.5905"))).containsExactly(area, line);
  }

  @Test
  void theAnswerIsCappedWithAFlag() {
    assertThat(ids(get("bbox=" + VIEW + "&limit=1"))).containsExactly(area);
    assertThat(get("bbox=" + VIEW + "&limit=1").get("capped").asBoolean()).isTrue();
    assertThat(get("bbox=" + VIEW + "&limit=2").get("capped").asBoolean()).isFalse();
    for (int i = 0; i < 3; i++) {
      shape("LINESTRING(16.1" + (70 + i) + " 58.581, 16.1" + (71 + i) + " 58.582)", "service_gap", "published", null);
    }
    JsonNode all = get("bbox=" + VIEW);
    assertThat(all.get("shapes")).hasSize(5);
    assertThat(all.get("capped").asBoolean()).isFalse();
  }

  @Test
  void aDetailedLineIsSimplifiedForALowZoomOnly() {
    StringBuilder wkt = new StringBuilder("LINESTRING(");
    for (int i = 0; i <= 200; i++) {
      wkt.append(i == 0 ? "" : ", ").append(16.17 + i * 0.0001).append(' ').append(58.58 + (i % 2) * 0.000001);
    }
    long wiggly = shape(wkt.append(')').toString(), "suggestion", "published", null);
    int near = points(get("bbox=" + VIEW + "&category=suggestion&zoom=22"), wiggly);
    int far = points(get("bbox=" + VIEW + "&category=suggestion&zoom=12"), wiggly);
    assertThat(near).isEqualTo(201);
    assertThat(far).isLessThan(10).isGreaterThanOrEqualTo(2);
  }

  private static int points(JsonNode answer, long id) {
    for (JsonNode s : answer.get("shapes")) {
      if (s.get("id").asLong() == id) {
        return s.get("geometry").get("coordinates").size();
      }
    }
    throw new AssertionError("no shape " + id);
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    String base = "/api/v1/dialogues/" + d.slug() + "/shapes";
    Problems.assertProblem(api.get(base), 422, "bbox.missing", "bbox");
    Problems.assertProblem(api.get(base + "?bbox=16.2,58.6,16.1"), 422, "bbox.invalid", "bbox");
    Problems.assertProblem(api.get(base + "?bbox=16.2,58.6,16.1,58.5"), 422, "bbox.invalid", "bbox");
    Problems.assertProblem(api.get(base + "?bbox=a,b,c,d"), 422, "bbox.invalid", "bbox");
    Problems.assertProblem(api.get(base + "?bbox=" + VIEW + "&limit=100000"), 422, "limit.range", "limit");
    Problems.assertProblem(api.get(base + "?bbox=" + VIEW + "&limit=0"), 422, "limit.range", "limit");
    Problems.assertProblem(api.get(base + "?bbox=" + VIEW + "&zoom=23"), 422, "tile.zoom", "zoom");
    Problems.assertProblem(api.get(base + "?bbox=" + VIEW + "&category=cats"), 422, "category.unknown", "category");
    assertThat(api.get("/api/v1/dialogues/no-such-dialogue/shapes?bbox=" + VIEW).status()).isEqualTo(404);
  }
}
