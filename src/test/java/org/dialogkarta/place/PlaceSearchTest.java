package org.dialogkarta.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.place.Places.names;
import static org.dialogkarta.place.Places.search;

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
 * Searching the gazetteer by name as a citizen's map does: Swedish letters folded, ranked, at most
 * ten, nearer the dialogue's study area first. Its own places are marked with the district
 * PLACETEST-S, far from where other tests work (around 14.5 E, 63 N).
 */
@IntegrationTest
class PlaceSearchTest {

  static final String MARK = "PLACETEST-S";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    Places.removeAll(jdbc, MARK);
    Places.add(jdbc, MARK, "Skärblacka", "village", 14.50, 63.00);
    Places.add(jdbc, MARK, "Storgatan 12", "address", 14.51, 63.01);
    Places.add(jdbc, MARK, "Storgatan 120", "address", 14.52, 63.01);
    Places.add(jdbc, MARK, "Lilla Storgatan 12", "address", 14.53, 63.01);
    Places.add(jdbc, MARK, "Östra Ågatan", "street", 14.54, 63.02);
  }

  @Test
  void swedishLettersAndCaseAreFolded() {
    for (String q : List.of("skarblacka", "SKÄRBLACKA", "Skärblacka", "  skär  blacka ".replace("r b", "rb"))) {
      Api.Response r = search(api, q);
      assertThat(r.status()).as(q).isEqualTo(200);
      assertThat(names(r)).as(q).first().isEqualTo("Skärblacka");
    }
    assertThat(names(search(api, "ostra agatan"))).first().isEqualTo("Östra Ågatan");
    assertThat(names(search(api, "östra å"))).contains("Östra Ågatan");
  }

  @Test
  void theAnswerIsGeoJsonWithNameKindLabelAndZoom() {
    Api.Response r = search(api, "skarblacka");
    assertThat(r.contentType()).startsWith("application/geo+json");
    JsonNode body = r.json();
    assertThat(body.get("type").asString()).isEqualTo("FeatureCollection");
    JsonNode first = body.get("features").get(0);
    assertThat(first.get("geometry").get("type").asString()).isEqualTo("Point");
    assertThat(first.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(14.50);
    assertThat(first.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(63.00);
    assertThat(first.get("properties").get("kind").asString()).isEqualTo("village");
    assertThat(first.get("properties").get("label").asString()).isEqualTo("Skärblacka, " + MARK);
    assertThat(first.get("properties").get("zoom").asInt()).isEqualTo(15);
    assertThat(first.get("properties").get("source").asString()).isEqualTo("local");
    JsonNode address = search(api, "storgatan 12").json().get("features").get(0).get("properties");
    assertThat(address.get("name").asString()).isEqualTo("Storgatan 12");
    assertThat(address.get("zoom").asInt()).isEqualTo(17);
  }

  @Test
  void exactThenPrefixThenWordPrefixThenSimilar() {
    assertThat(names(search(api, "storgatan 12")))
        .containsSubsequence("Storgatan 12", "Storgatan 120", "Lilla Storgatan 12");
    // A typing error still finds the village, by trigram similarity.
    assertThat(names(search(api, "skarblaka"))).contains("Skärblacka");
    assertThat(names(search(api, "storgatan 12")).getFirst()).isEqualTo("Storgatan 12");
  }

  @Test
  void atMostTenSuggestions() {
    for (int i = 1; i <= 15; i++) {
      Places.add(jdbc, MARK, "Tiovägen " + i, "address", 14.6, 63.0 + i / 1000.0);
    }
    Api.Response r = search(api, "tiovägen");
    assertThat(names(r)).hasSize(10).allMatch(n -> n.startsWith("Tiovägen "));
  }

  @Test
  void placesInTheDialoguesStudyAreaComeFirst() {
    Places.add(jdbc, MARK, "Kyrkbacken", "street", 14.90, 63.30);
    Places.add(jdbc, MARK, "Kyrkbacken", "street", 14.70, 63.10);
    TestData.Dialogue d = new TestData(jdbc).dialogue("ongoing",
        "POLYGON((14.65 63.05, 14.75 63.05, 14.75 63.15, 14.65 63.15, 14.65 63.05))", List.of("suggestion"));
    // Without a dialogue the two are equal, and the first stored comes first.
    assertThat(search(api, "kyrkbacken").json().get("features").get(0).get("geometry").get("coordinates").get(0)
        .asDouble()).isEqualTo(14.90);
    for (String ref : List.of(String.valueOf(d.id()), d.slug())) {
      JsonNode first = search(api, "kyrkbacken", ref).json().get("features").get(0);
      assertThat(first.get("geometry").get("coordinates").get(0).asDouble()).as(ref).isEqualTo(14.70);
    }
  }

  @Test
  void likeAndRegexCharactersAreLiteral() {
    Places.add(jdbc, MARK, "Kafé 100%", "landmark", 14.55, 63.0);
    Places.add(jdbc, MARK, "Kafé 1000", "landmark", 14.56, 63.0);
    Places.add(jdbc, MARK, "Väg_1", "street", 14.57, 63.0);
    Places.add(jdbc, MARK, "Väg21", "street", 14.58, 63.0);
    assertThat(names(search(api, "kafé 100%"))).first().isEqualTo("Kafé 100%");
    // "Kafé 1000" may follow as a similar name, never before the literal match.
    assertThat(names(search(api, "kafé 100%"))).containsSubsequence("Kafé 100%", "Kafé 1000");
    assertThat(names(search(api, "väg_1"))).first().isEqualTo("Väg_1");
    assertThat(names(search(api, "väg_1"))).doesNotContain("Väg21");
    for (String q : List.of("%", "%%%", "_", "___", "\\", "\\\\%", ".*", "'", "' OR '1'='1", "[a-z]*",
        "'; DROP TABLE place; --")) {
      Api.Response r = search(api, q);
      assertThat(r.status()).as(q).isEqualTo(200);
      assertThat(names(r)).as(q).isEmpty();
    }
    assertThat(names(search(api, "skarblacka"))).contains("Skärblacka");
    // A trailing % is a character that no name has, not "anything": only the words match.
    assertThat(names(search(api, "storgatan%"))).containsExactly("Storgatan 12", "Storgatan 120", "Lilla Storgatan 12");
  }

  @Test
  void nothingFoundIsAnEmptyCollection() {
    Api.Response r = search(api, "xyzzy finns inte");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("features")).isEmpty();
  }
}
