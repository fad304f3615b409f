package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dialogkarta.support.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class AnalysisApiTest extends AnalysisApiTestBase {

  /** Ten pins in a 20 m square, six along a 100 m line, one far off. */
  private List<Long> town() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(pin((i % 4) * 6, (i / 4) * 6, i < 7 ? "safety_concern" : "suggestion"));
    }
    for (int i = 0; i < 6; i++) {
      ids.add(pin(500 + i * 20, 300, "service_gap"));
    }
    ids.add(pin(-2000, -2000, "valued_place"));
    return ids;
  }

  @Test
  void clustersWithHullsCategoriesTimesAndNoise() {
    List<Long> ids = town();
    Api.Response r = get(planner, "/api/v1/analysis/clusters?dialogue=" + dialogue.slug() + "&eps=25&minPoints=3");

    assertThat(r.status()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("type").asString()).isEqualTo("FeatureCollection");
    assertThat(body.get("parameters").get("eps").asDouble()).isEqualTo(25);
    assertThat(body.get("parameters").get("minPoints").asInt()).isEqualTo(3);
    assertThat(body.get("parameters").get("srid").asInt()).isEqualTo(3006);
    assertThat(body.get("pinCount").asInt()).isEqualTo(17);
    assertThat(body.get("clusterCount").asInt()).isEqualTo(2);
    assertThat(body.get("noise").get("count").asInt()).isEqualTo(1);
    assertThat(body.get("noise").get("pinIds").get(0).asLong()).isEqualTo(ids.get(16));

    JsonNode square = body.get("features").get(0);
    assertThat(square.get("id").asInt()).isEqualTo(1);
    assertThat(square.get("properties").get("pinCount").asInt()).isEqualTo(10);
    assertThat(square.get("properties").get("categories").get("safety_concern").asInt()).isEqualTo(7);
    assertThat(square.get("properties").get("categories").get("suggestion").asInt()).isEqualTo(3);
    assertThat(square.get("properties").get("firstAt").asString()).isEqualTo("2026-04-01T12:00:00Z");
    assertThat(square.get("properties").get("pinIds")).hasSize(10);
    assertThat(square.get("properties").get("pinIds").get(0).asLong()).isEqualTo(ids.get(0));
    assertThat(square.get("geometry").get("type").asString()).isEqualTo("Polygon");
    JsonNode corner = square.get("geometry").get("coordinates").get(0).get(0);
    assertThat(corner.get(0).asDouble()).as("longitude first").isCloseTo(16.18, within(0.02));
    assertThat(corner.get(1).asDouble()).isCloseTo(58.59, within(0.02));

    JsonNode line = body.get("features").get(1);
    assertThat(line.get("properties").get("clusterId").asInt()).isEqualTo(2);
    assertThat(line.get("properties").get("pinCount").asInt()).isEqualTo(6);
    assertThat(line.get("properties").get("hull").asString()).isEqualTo("convex");
    assertThat(line.get("properties").get("categories").get("service_gap").asInt()).isEqualTo(6);
  }

  @Test
  void defaultsAndCategoryFilterAndTheGisRole() {
    town();
    Api.Response r = get(gis, "/api/v1/analysis/clusters?dialogue=" + dialogue.id() + "&category=service_gap");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("parameters").get("eps").asDouble()).isEqualTo(50);
    assertThat(r.json().get("parameters").get("minPoints").asInt()).isEqualTo(5);
    assertThat(r.json().get("pinCount").asInt()).isEqualTo(6);
    assertThat(r.json().get("clusterCount").asInt()).isEqualTo(1);
  }

  @Test
  void hotspotsFindTheCrowdedHexagon() {
    // 40 pins on one spot (within 2 m), one pin in each of 30 places spread over 3 km.
    for (int i = 0; i < 40; i++) {
      pin(-100 + i % 5 * 0.2, 64 + i / 5 * 0.2, "safety_concern"); // the centre of hexagon c-15908_37501
    }
    for (int i = 0; i < 30; i++) {
      pin(-1500 + (i % 6) * 600, -1500 + (i / 6) * 700, "suggestion");
    }
    Api.Response r = get(planner, "/api/v1/analysis/hotspots?dialogue=" + dialogue.slug()
        + "&cellSize=200&distanceBand=400");

    assertThat(r.status()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("outcome").asString()).isEqualTo("tested");
    assertThat(body.get("parameters").get("cellSize").asDouble()).isEqualTo(200);
    assertThat(body.get("parameters").get("distanceBand").asDouble()).isEqualTo(400);
    assertThat(body.get("scale").get("bandReason").asString()).isEqualTo("given");
    assertThat(body.get("scale").get("explanation").get("sv").asString()).contains("400 m", "valt av dig");
    assertThat(body.get("parameters").get("correction").asString()).isEqualTo("fdr");
    assertThat(body.get("pinCount").asInt()).isEqualTo(70);
    assertThat(body.get("cellCount").asInt()).isGreaterThan(200);
    JsonNode crowded = null;
    int pinsInCells = 0;
    for (JsonNode f : body.get("features")) {
      JsonNode p = f.get("properties");
      assertThat(f.get("id").asString()).isEqualTo(p.get("cellId").asString()).matches("c-?\\d+_-?\\d+");
      assertThat(f.get("geometry").get("coordinates").get(0)).hasSize(7);
      assertThat(p.get("pinIds")).hasSize(p.get("count").asInt());
      pinsInCells += p.get("count").asInt();
      if (p.get("count").asInt() == 40) {
        crowded = p;
      }
    }
    assertThat(pinsInCells).isEqualTo(70);
    assertThat(crowded).as(body.toString().substring(0, 3000)).isNotNull();
    assertThat(crowded.get("cellId").asString()).isEqualTo("c-15908_37501");
    assertThat(crowded.get("class").asString()).isEqualTo("hot_99");
    assertThat(crowded.get("confidence").asInt()).isEqualTo(99);
    assertThat(crowded.get("zScore").asDouble()).isGreaterThan(3);
    assertThat(crowded.get("pValue").asDouble()).isLessThan(0.001);
    assertThat(crowded.get("pAdjusted").asDouble()).isGreaterThanOrEqualTo(crowded.get("pValue").asDouble());
  }

  @Test
  void tooFewPinsForAHotSpotTestIsSaidPlainly() {
    for (int i = 0; i < 20; i++) {
      pin(i * 200 - 2000, (i % 7) * 400 - 1200, "suggestion");
    }
    Api.Response r = get(planner, "/api/v1/analysis/hotspots?dialogue=" + dialogue.slug());
    assertThat(r.status()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("outcome").asString()).isEqualTo("too_few_pins");
    assertThat(body.get("features")).isEmpty();
    assertThat(body.get("scale").isNull()).isTrue();
    assertThat(body.get("pinsAnalysed").asInt()).isEqualTo(20);
    assertThat(body.get("message").get("sv").asString()).contains("20 i studieområdet", "minst 30");
    assertThat(body.get("message").get("en").asString()).contains("at least 30");
  }

  @Test
  void theDefaultScaleComesFromTheDataAndIsExplained() {
    // 200 pins uniform over a 3 x 3 km square, 60 on a spot 80 m across.
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 200; i++) {
      pin(random.nextDouble() * 3000 - 1500, random.nextDouble() * 3000 - 1500, "suggestion");
    }
    for (int i = 0; i < 60; i++) {
      pin(400 + random.nextDouble() * 80, -300 + random.nextDouble() * 80, "safety_concern");
    }
    JsonNode body = get(planner, "/api/v1/analysis/hotspots?dialogue=" + dialogue.slug()).json();
    assertThat(body.get("outcome").asString()).isEqualTo("tested");
    JsonNode scale = body.get("scale");
    assertThat(scale.get("cellReason").asString()).isEqualTo("spacing");
    assertThat(scale.get("cellSize").asDouble()).isGreaterThanOrEqualTo(2 * scale.get("nearestNeighbour").asDouble());
    assertThat(scale.get("distanceBand").asDouble()).isGreaterThan(scale.get("cellSize").asDouble());
    assertThat(scale.get("autocorrelation").size()).isGreaterThan(2);
    assertThat(scale.get("bandReason").asString()).isIn("peak", "first", "rising", "none");
    assertThat(scale.get("explanation").get("sv").asString()).contains(
        (long) scale.get("distanceBand").asDouble() + " m");
    // The study area is the dialogue's, and the spot is hot.
    assertThat(body.get("studyArea").get("source").asString()).isEqualTo("dialogue");
    int hot = 0;
    boolean spotHot = false;
    for (JsonNode f : body.get("features")) {
      JsonNode p = f.get("properties");
      if (p.get("class").asString().startsWith("hot")) {
        hot++;
        spotHot |= p.get("count").asInt() >= 10 && p.get("confidence").asInt() >= 95;
      }
    }
    assertThat(spotHot).as(scale.toString()).isTrue();
    assertThat(hot).as(scale.toString()).isLessThan(body.get("cellCount").asInt() / 4);
  }

  @Test
  void pinsOutsideTheStudyAreaAreNotAnalysed() {
    for (int i = 0; i < 40; i++) {
      pin((i % 8) * 300 - 1200, (i / 8) * 300 - 600, "suggestion");
    }
    // Ten pins 5 km east: outside the dialogue's study area (16.14-16.22 E).
    for (int i = 0; i < 10; i++) {
      pin(5000 + i * 10, 0, "suggestion");
    }
    JsonNode body = get(planner, "/api/v1/analysis/hotspots?dialogue=" + dialogue.slug()).json();
    assertThat(body.get("pinCount").asInt()).isEqualTo(50);
    assertThat(body.get("pinsAnalysed").asInt()).isEqualTo(40);
    assertThat(body.get("pinsOutsideStudyArea").asInt()).isEqualTo(10);
    int counted = 0;
    for (JsonNode f : body.get("features")) {
      counted += f.get("properties").get("count").asInt();
      for (JsonNode corner : f.get("geometry").get("coordinates").get(0)) {
        assertThat(corner.get(0).asDouble()).as("inside the area, give or take a hexagon").isBetween(16.13, 16.23);
      }
    }
    assertThat(counted).isEqualTo(40);
  }

  @Test
  void selectedNeighbourhoodsNarrowTheStudyArea() {
    // Its own dialogue 40 km east of the others' pins: adding a neighbourhood assigns every pin
    // under it, and under the shared test area lie the pins of the whole suite.
    TestData.Dialogue east = new TestData(jdbc).dialogue("ongoing",
        "POLYGON((16.80 58.56, 16.94 58.56, 16.94 58.61, 16.80 58.61, 16.80 58.56))", List.of("suggestion"));
    String code = "N-" + east.slug();
    double edge = 16.868; // the neighbourhood is the dialogue's area west of here
    jdbc.sql("""
            INSERT INTO neighbourhood (code, name, population, boundary)
            VALUES (:code, 'Västra', 1000, ST_Multi(ST_GeomFromText('POLYGON((16.80 58.56, 16.868 58.56, 16.868 58.61, 16.80 58.61, 16.80 58.56))', 4326)))""")
        .param("code", code).update();
    try {
      for (int i = 0; i < 60; i++) {
        pin(east, 40_000 + (i % 10) * 350 - 1900, (i / 10) * 350 - 1000, "suggestion", "2026-04-01T12:00:00Z");
      }
      JsonNode body = get(planner, "/api/v1/analysis/hotspots?dialogue=" + east.slug() + "&neighbourhood=" + code).json();
      assertThat(body.get("studyArea").get("source").asString()).isEqualTo("neighbourhoods");
      int west = jdbc.sql("SELECT count(*) FROM pin WHERE dialogue_id = :d AND ST_X(location) <= :edge")
          .param("d", east.id()).param("edge", edge).query(Integer.class).single();
      assertThat(body.get("pinCount").asInt()).isEqualTo(west).isBetween(20, 50);
      // A hexagon reaches at most one cell size past the neighbourhood's edge (about 58 km per degree here).
      double reach = body.get("scale").get("cellSize").asDouble() / 57_900;
      for (JsonNode f : body.get("features")) {
        for (JsonNode corner : f.get("geometry").get("coordinates").get(0)) {
          assertThat(corner.get(0).asDouble()).as(body.get("scale").toString()).isLessThan(edge + reach);
        }
      }
      assertProblem(get(planner, "/api/v1/analysis/hotspots?dialogue=" + east.slug() + "&neighbourhood=NO-SUCH"),
          422, "neighbourhood.unknown", "neighbourhood");
    } finally {
      jdbc.sql("DELETE FROM neighbourhood WHERE code = :code").param("code", code).update();
    }
  }

  @Test
  void aSelectionOverSeveralDialoguesUsesTheUnionOfTheirAreas() {
    // Two dialogues 30 km apart, their pins marked with a sub-tag no other test uses.
    String tag = "union_" + dialogue.slug().replace('-', '_');
    TestData.Dialogue east = new TestData(jdbc).dialogue("ongoing",
        "POLYGON((16.64 58.57, 16.72 58.57, 16.72 58.61, 16.64 58.61, 16.64 58.57))", List.of("suggestion"));
    for (int i = 0; i < 20; i++) {
      tagged(dialogue, 16.15 + (i % 5) * 0.012, 58.575 + (i / 5) * 0.008, tag);
      tagged(east, 16.65 + (i % 5) * 0.012, 58.575 + (i / 5) * 0.008, tag);
    }
    JsonNode body = get(planner, "/api/v1/analysis/hotspots?subtag=" + tag).json();
    assertThat(body.get("studyArea").get("source").asString()).isEqualTo("dialogues");
    assertThat(body.get("pinsAnalysed").asInt()).isEqualTo(40);
    assertThat(body.get("studyArea").get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
    assertThat(body.get("studyArea").get("geometry").get("coordinates")).hasSize(2);
    // No hexagon in the 40 km between them.
    for (JsonNode f : body.get("features")) {
      double lon = f.get("geometry").get("coordinates").get(0).get(0).get(0).asDouble();
      assertThat(lon < 16.24 || lon > 16.62).as("hexagon at %s", lon).isTrue();
    }
  }

  private void tagged(TestData.Dialogue d, double lon, double lat, String tag) {
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, subtags)
            VALUES (:d, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'suggestion', 'Union', CAST(:tags AS text[]))""")
        .param("d", d.id()).param("lon", lon).param("lat", lat).param("tags", "{" + tag + "}").update();
  }

  @Test
  void neighbourhoodsOutsideTheStudyAreaAreNotPartOfTheDialogue() {
    String inside = "IN-" + dialogue.slug();
    String outside = "OUT-" + dialogue.slug();
    jdbc.sql("""
            INSERT INTO neighbourhood (code, name, population, boundary) VALUES
              (:in, 'Inne', 2000, ST_Multi(ST_GeomFromText('POLYGON((16.17 58.58, 16.19 58.58, 16.19 58.60, 16.17 58.60, 16.17 58.58))', 4326))),
              (:out, 'Ute', 3000, ST_Multi(ST_GeomFromText('POLYGON((15.10 57.50, 15.12 57.50, 15.12 57.52, 15.10 57.52, 15.10 57.50))', 4326)))""")
        .param("in", inside).param("out", outside).update();
    try {
      for (int i = 0; i < 4; i++) {
        pin(i * 10, 0, "suggestion");
      }
      JsonNode body = get(planner, "/api/v1/analysis/neighbourhoods?dialogue=" + dialogue.slug()).json();
      JsonNode in = null;
      JsonNode out = null;
      for (JsonNode f : body.get("features")) {
        String code = f.get("properties").get("code").asString();
        in = code.equals(inside) ? f.get("properties") : in;
        out = code.equals(outside) ? f.get("properties") : out;
      }
      assertThat(in.get("inStudyArea").asBoolean()).isTrue();
      assertThat(in.get("pinCount").asInt()).isEqualTo(4);
      assertThat(in.get("per1000").asDouble()).isEqualTo(2.0);
      assertThat(out.get("inStudyArea").asBoolean()).isFalse();
      assertThat(out.get("per1000").isNull()).as("not a rate of 0").isTrue();
    } finally {
      jdbc.sql("DELETE FROM neighbourhood WHERE code IN (:codes)").param("codes", List.of(inside, outside)).update();
    }
  }

  @Test
  void pinsWithLimitTotalAndIds() {
    List<Long> ids = town();
    Api.Response all = get(planner, "/api/v1/analysis/pins?dialogue=" + dialogue.slug() + "&limit=5");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().get("total").asInt()).isEqualTo(17);
    assertThat(all.json().get("truncated").asBoolean()).isTrue();
    assertThat(all.json().get("features")).hasSize(5);
    JsonNode first = all.json().get("features").get(0);
    assertThat(first.get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(16.18, within(0.02));
    assertThat(first.get("properties").get("text").asString()).isEqualTo("Analys safety_concern");
    assertThat(first.get("properties").get("timeOfDay").asString()).isEqualTo("day");
    assertThat(first.get("properties").get("dialogueId").asLong()).isEqualTo(dialogue.id());

    Api.Response some = get(planner, "/api/v1/analysis/pins?dialogue=" + dialogue.slug() + "&ids="
        + ids.get(3) + "," + ids.get(16));
    assertThat(some.json().get("total").asInt()).isEqualTo(2);
    assertThat(some.json().get("truncated").asBoolean()).isFalse();
    assertThat(some.json().get("features").get(1).get("id").asLong()).isEqualTo(ids.get(16));
    assertThat(some.json().get("features").get(1).get("properties").get("category").asString()).isEqualTo("valued_place");
  }

  @Test
  void anEmptySelectionIsAnEmptyValidAnswer() {
    for (String path : List.of("clusters", "hotspots", "pins")) {
      Api.Response r = get(planner, "/api/v1/analysis/" + path + "?dialogue=" + dialogue.slug());
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.json().get("type").asString()).isEqualTo("FeatureCollection");
      assertThat(r.json().get("features")).isEmpty();
    }
    assertThat(get(planner, "/api/v1/analysis/clusters?dialogue=" + dialogue.slug()).json().get("clusterCount").asInt()).isZero();
    assertThat(get(planner, "/api/v1/analysis/hotspots?dialogue=" + dialogue.slug()).json().get("cellCount").asInt()).isZero();
  }

  @Test
  void oneSpotOrOnePinIsAValidAnswerNotAnError() {
    long only = pin(0, 0, "suggestion");
    Api.Response hot = get(planner, "/api/v1/analysis/hotspots?dialogue=" + dialogue.slug());
    assertThat(hot.status()).as(hot.body()).isEqualTo(200);
    assertThat(hot.json().get("outcome").asString()).isEqualTo("too_few_pins");
    assertThat(hot.json().get("features")).isEmpty();

    for (int i = 0; i < 5; i++) {
      pin(0, 0, "safety_concern");
    }
    Api.Response clusters = get(planner, "/api/v1/analysis/clusters?dialogue=" + dialogue.slug() + "&minPoints=6");
    assertThat(clusters.status()).isEqualTo(200);
    JsonNode spot = clusters.json().get("features").get(0);
    assertThat(spot.get("properties").get("pinIds").get(0).asLong()).isEqualTo(only);
    assertThat(spot.get("properties").get("hull").asString()).isEqualTo("convex");
    assertThat(spot.get("geometry").get("type").asString()).isEqualTo("Polygon");
    // Six pins on one spot with 100 m hexagons: a grid of a handful of cells, still a valid answer.
    assertThat(get(planner, "/api/v1/analysis/hotspots?dialogue=" + dialogue.slug() + "&cellSize=100").status())
        .isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # query                                  ; field ; code
      clusters?eps=0                           ; eps ; eps.range
      clusters?eps=-5                          ; eps ; eps.range
      clusters?eps=NaN                         ; eps ; eps.range
      clusters?eps=Infinity                    ; eps ; eps.range
      clusters?eps=5001                        ; eps ; eps.range
      clusters?eps=1e300                       ; eps ; eps.range
      clusters?eps=fifty                       ; eps ; eps.invalid
      clusters?minPoints=0                     ; minPoints ; minPoints.range
      clusters?minPoints=-1                    ; minPoints ; minPoints.range
      clusters?minPoints=10001                 ; minPoints ; minPoints.range
      clusters?minPoints=2.5                   ; minPoints ; minPoints.invalid
      clusters?epsilon=50                      ; epsilon ; parameter.unknown
      hotspots?cellSize=0                      ; cellSize ; cellSize.range
      hotspots?cellSize=-100                   ; cellSize ; cellSize.range
      hotspots?cellSize=NaN                    ; cellSize ; cellSize.range
      hotspots?cellSize=50001                  ; cellSize ; cellSize.range
      hotspots?cellSize=0.0001                 ; cellSize ; cellSize.tooManyCells
      hotspots?cellSize=0.5                    ; cellSize ; cellSize.tooManyCells
      hotspots?cellSize=100&distanceBand=50    ; distanceBand ; distanceBand.belowCellSize
      hotspots?cellSize=10&distanceBand=20000  ; distanceBand ; distanceBand.tooWide
      hotspots?distanceBand=-1                 ; distanceBand ; distanceBand.range
      hotspots?cellsize=100                    ; cellsize ; parameter.unknown
      pins?limit=0                             ; limit ; limit.range
      pins?limit=20001                         ; limit ; limit.range
      pins?ids=1,x                             ; ids ; ids.invalid
      pins?eps=50                              ; eps ; parameter.unknown
      """)
  void badInputIsA422NamingTheField(String query, String field, String code) {
    town();
    pin(5000, 5000, "suggestion"); // a 7 km spread, so tiny hexagons mean millions of cells
    Api.Response r = get(planner, "/api/v1/analysis/" + query + "&dialogue=" + dialogue.slug());
    assertProblem(r, 422, code, field);
  }

  @Test
  void anUnknownDialogueIsRefused() {
    for (String path : List.of("clusters", "hotspots", "pins")) {
      assertProblem(get(planner, "/api/v1/analysis/" + path + "?dialogue=no-such-dialogue-x"), 422, "dialogue.unknown", "dialogue");
    }
  }
}
