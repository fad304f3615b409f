package org.dialogkarta.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every bad search is a clear 4xx naming the field, answered at once, with nothing of the gazetteer. */
@IntegrationTest
class PlaceSearchBadInputTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    Places.removeAll(jdbc, "PLACETEST-B");
    Places.add(jdbc, "PLACETEST-B", "Hemligvägen 1", "address", 14.4, 62.9);
  }

  @Test
  void missingOrBlankText() {
    for (String path : List.of("/api/v1/places", "/api/v1/places?q=", "/api/v1/places?q=%20%20%09",
        "/api/v1/places?dialogue=1")) {
      refused(api.get(path), "q", "q.missing");
    }
  }

  @Test
  void tooLongTextIsRefusedQuickly() {
    refused(Places.search(api, "a".repeat(101)), "q", "q.too_long");
    long started = System.nanoTime();
    Api.Response r = Places.search(api, "hemligvägen ".repeat(834));
    long millis = (System.nanoTime() - started) / 1_000_000;
    refused(r, "q", "q.too_long");
    assertThat(millis).as("a 10,000-character search").isLessThan(2_000);
    // Exactly the limit is fine.
    assertThat(Places.search(api, "h".repeat(100)).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hemlig\u0000vägen", "hemlig\u0007", "\u001b[31m"})
  void controlCharacters(String q) {
    refused(Places.search(api, q), "q", "q.invalid");
  }

  @Test
  void unknownDialogue() {
    refused(Places.search(api, "hemligvägen", "finns-inte-alls"), "dialogue", "dialogue.unknown");
    refused(Places.search(api, "hemligvägen", "999999999999"), "dialogue", "dialogue.unknown");
    refused(Places.search(api, "hemligvägen", "x".repeat(5000)), "dialogue", "dialogue.unknown");
  }

  private static void refused(Api.Response r, String field, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode errors = r.json().get("errors");
    assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
    assertThat(errors.get(0).get("code").asString()).isEqualTo(code);
    assertThat(r.body()).doesNotContain("Hemligvägen").doesNotContain("SQL").doesNotContain("Exception");
  }
}
