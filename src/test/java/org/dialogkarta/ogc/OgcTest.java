package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The OGC API over plain HTTP against the whole service and the real PostGIS: a fresh dialogue per
 * test, whose pins are written straight into the table in any moderation state (the OGC API only
 * reads, so how a pin came to be does not matter here).
 */
@IntegrationTest
abstract class OgcTest {

  static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  Api api;
  TestData data;
  TestData.Dialogue dialogue;

  @BeforeEach
  void freshDialogue() {
    api = new Api(port);
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
  }

  String items() {
    return "/ogc/collections/pins-" + dialogue.slug() + "/items";
  }

  long pin(String text, double lon, double lat) {
    return pin(text, lon, lat, "published", "suggestion", "received", Instant.parse("2026-05-01T12:00:00Z"));
  }

  long pin(String text, double lon, double lat, String state, String category, String status, Instant createdAt) {
    return jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, moderation_state, status, created_at,
                             age_band, gender, relations)
            VALUES (:d, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :category, :text, :state, :status, :at,
                    '25_44', 'woman', ARRAY['lives'])
            RETURNING id""")
        .param("d", dialogue.id()).param("lon", lon).param("lat", lat).param("category", category)
        .param("text", text).param("state", state).param("status", status)
        .param("at", java.sql.Timestamp.from(createdAt))
        .query(Long.class).single();
  }

  /** {@code count} published pins spread over central Norrköping, ids in order. */
  List<Long> pins(int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> pin("Förslag nr " + i + " – åäö", 16.15 + i * 0.002, 58.58 + i * 0.0005))
        .toList();
  }

  String base() {
    return "http://127.0.0.1:" + port + "/ogc";
  }

  static String ogrinfo(List<String> args) {
    List<String> command = new ArrayList<>(List.of("ogrinfo"));
    command.addAll(args);
    return run(command, null);
  }

  static String run(List<String> command, String input) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (input != null) {
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      }
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
