package org.dialogkarta.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a study area of several villages, named by the gazetteer's village inside each
 * (near 13.5 E, 63.5 N, district PLACETEST-P).
 */
@IntegrationTest
class StudyAreaPartsTest {

  static final String MARK = "PLACETEST-P";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    Places.removeAll(jdbc, MARK);
  }

  @Test
  void eachPartIsNamedByTheVillageInsideItOrHasNoName() {
    Places.add(jdbc, MARK, "Norrbyn", "village", 13.51, 63.51);
    Places.add(jdbc, MARK, "Norrbyn 4", "address", 13.512, 63.512); // not a village: never a part's name
    Places.add(jdbc, MARK, "Söderort", "locality", 13.71, 63.51);
    Places.add(jdbc, MARK, "Utanför", "village", 13.4, 63.4);
    TestData.Dialogue d = new TestData(jdbc).dialogue("ongoing", "MULTIPOLYGON("
        + "((13.5 63.5, 13.52 63.5, 13.52 63.52, 13.5 63.52, 13.5 63.5)),"
        + "((13.7 63.5, 13.72 63.5, 13.72 63.52, 13.7 63.52, 13.7 63.5)),"
        + "((13.9 63.5, 13.92 63.5, 13.92 63.52, 13.9 63.52, 13.9 63.5)))", List.of("suggestion"));

    for (String ref : List.of(d.slug(), String.valueOf(d.id()))) {
      Api.Response r = api.get("/api/v1/places/study-area-parts?dialogue=" + ref);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode parts = r.json();
      assertThat(parts).hasSize(3);
      assertThat(parts.get(0).get("number").asInt()).isEqualTo(1);
      assertThat(parts.get(0).get("name").asString()).isEqualTo("Norrbyn");
      assertThat(parts.get(1).get("name").asString()).isEqualTo("Söderort");
      assertThat(parts.get(2).get("name").isNull()).as("no village inside: the page says 'Del 3'").isTrue();
      assertThat(parts.get(2).get("minLon").asDouble()).isEqualTo(13.9);
      assertThat(parts.get(2).get("maxLat").asDouble()).isEqualTo(63.52);
    }
  }

  @Test
  void badDialogueReferences() {
    for (String path : List.of("/api/v1/places/study-area-parts", "/api/v1/places/study-area-parts?dialogue=",
        "/api/v1/places/study-area-parts?dialogue=finns-inte", "/api/v1/places/study-area-parts?dialogue=" + "x".repeat(500))) {
      Api.Response r = api.get(path);
      assertThat(r.status()).as(path).isEqualTo(422);
      assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("dialogue");
    }
  }
}
