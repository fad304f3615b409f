package org.dialogkarta.place;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The optional external geocoder, played by a tiny real HTTP server started here that answers as
 * Nominatim does ({@code /search?format=jsonv2}). Its suggestions come after the gazetteer's, only
 * inside the study area's box, and whatever goes wrong with it (slow, an error, not JSON) the
 * local suggestions still come, in time. Local places have the district PLACETEST-G, near 14.2 E,
 * 62.8 N.
 */
@IntegrationTest
class ExternalGeocoderTest {

  static final String MARK = "PLACETEST-G";
  private static final List<Map<String, String>> ASKED = new CopyOnWriteArrayList<>();
  private static final HttpServer NOMINATIM = nominatim();

  @DynamicPropertySource
  static void geocoder(DynamicPropertyRegistry registry) {
    registry.add("dialogkarta.geocoder.url",
        () -> "http://127.0.0.1:" + NOMINATIM.getAddress().getPort() + "/search");
  }

  @AfterAll
  static void stop() {
    NOMINATIM.stop(0);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Api api;
  private TestData.Dialogue dialogue;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    ASKED.clear();
    Places.removeAll(jdbc, MARK);
    Places.add(jdbc, MARK, "Geobyn", "village", 14.2, 62.8);
    dialogue = new TestData(jdbc).dialogue("ongoing",
        "POLYGON((14.15 62.75, 14.25 62.75, 14.25 62.85, 14.15 62.85, 14.15 62.75))", List.of("suggestion"));
  }

  @Test
  void externalSuggestionsFollowTheLocalOnesInsideTheStudyAreasBox() {
    Api.Response r = Places.search(api, "geobyn", dialogue.slug());
    assertThat(r.status()).isEqualTo(200);
    JsonNode features = r.json().get("features");
    assertThat(Places.names(r)).containsExactly("Geobyn", "Storgatan 7", "Geobyns kyrka");
    assertThat(features.get(0).get("properties").get("source").asString()).isEqualTo("local");
    JsonNode address = features.get(1).get("properties");
    assertThat(address.get("source").asString()).isEqualTo("external");
    assertThat(address.get("kind").asString()).isEqualTo("address");
    assertThat(address.get("label").asString()).isEqualTo("Storgatan 7, Geobyn");
    assertThat(features.get(2).get("properties").get("kind").asString()).isEqualTo("landmark");
    // The far-away answer (Stockholm) is left out, though the server sent it.
    assertThat(r.body()).doesNotContain("Stockholm");

    Map<String, String> asked = ASKED.getFirst();
    assertThat(asked.get("q")).isEqualTo("geobyn");
    assertThat(asked.get("format")).isEqualTo("jsonv2");
    assertThat(asked.get("bounded")).isEqualTo("1");
    double[] box = java.util.Arrays.stream(asked.get("viewbox").split(",")).mapToDouble(Double::parseDouble).toArray();
    assertThat(box[0]).isLessThan(14.15).isGreaterThan(14.0);
    assertThat(box[1]).isGreaterThan(62.85).isLessThan(63.0);
  }

  @Test
  void aSlowBrokenOrStrangeGeocoderStillGivesTheLocalSuggestionsInTime() {
    for (String q : List.of("geobyn långsam", "geobyn trasig", "geobyn skräp")) {
      Places.add(jdbc, MARK, q, "landmark", 14.21, 62.81);
      long started = System.nanoTime();
      Api.Response r = Places.search(api, q, dialogue.slug());
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(r.status()).as(q).isEqualTo(200);
      assertThat(Places.names(r)).as(q).first().isEqualTo(q);
      assertThat(r.body()).as(q).doesNotContain("\"external\"");
      assertThat(millis).as(q).isLessThan(4_000);
    }
  }

  private static HttpServer nominatim() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/search", exchange -> {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
          int eq = pair.indexOf('=');
          params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        ASKED.add(params);
        String q = params.getOrDefault("q", "");
        int status = 200;
        String body;
        if (q.contains("långsam")) {
          sleep(5_000);
          body = "[]";
        } else if (q.contains("trasig")) {
          status = 500;
          body = "{\"error\":\"internal\"}";
        } else if (q.contains("skräp")) {
          body = "<html>not json</html>";
        } else {
          body = """
              [{"place_id":1,"lat":"62.801","lon":"14.201","category":"place","type":"house","addresstype":"place",
                "name":"","display_name":"7, Storgatan, Geobyn, Testkommun, Sverige"},
               {"place_id":2,"lat":"59.3293","lon":"18.0686","category":"place","type":"city","addresstype":"city",
                "name":"Stockholm","display_name":"Stockholm, Sverige"},
               {"place_id":3,"lat":"62.802","lon":"14.199","category":"amenity","type":"place_of_worship",
                "addresstype":"amenity","name":"Geobyns kyrka","display_name":"Geobyns kyrka, Geobyn, Sverige"}]""";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        try {
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
          // the service gave up waiting (the slow case): nothing to answer
        }
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
