package org.dialogkarta.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.SlippyTiles;
import org.dialogkarta.support.Problems;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The public map by tile: at every zoom the clusters and single pins of the tiles covering the
 * dialogue add up to exactly its published pins for the filter; hidden, pending and merged pins
 * never count; a pin hidden now is gone from the next answer at every zoom, whose ETag changes;
 * the list pages by keyset.
 */
@IntegrationTest
class PinTilesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;
  TestData.Dialogue d;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    d = new TestData(jdbc).openDialogue();
    // 300 published pins around central Norrköping (two dense spots and a spread), plus the ones
    // that must never show: hidden, pending, and a duplicate merged into another.
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text)
            SELECT :d, ST_SetSRID(ST_MakePoint(
                     CASE WHEN g % 3 = 0 THEN 16.180 + (g % 7) * 0.00001 ELSE 16.170 + (g * 37 % 200) * 0.0001 END,
                     CASE WHEN g % 3 = 0 THEN 58.590 + (g % 5) * 0.00001 ELSE 58.585 + (g * 53 % 100) * 0.0001 END), 4326),
                   (ARRAY['suggestion','safety_concern','service_gap'])[1 + g % 3], 'Synpunkt ' || g
            FROM generate_series(1, 300) g""").param("d", d.id()).update();
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, moderation_state, moderation_reason)
            VALUES (:d, ST_SetSRID(ST_MakePoint(16.175, 58.588), 4326), 'suggestion', 'Dold', 'hidden', 'Kränkande'),
                   (:d, ST_SetSRID(ST_MakePoint(16.176, 58.588), 4326), 'suggestion', 'Väntar', 'pending', NULL)""")
        .param("d", d.id()).update();
    long target = jdbc.sql("SELECT min(id) FROM pin WHERE dialogue_id = :d").param("d", d.id()).query(Long.class).single();
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, merged_into)
            VALUES (:d, ST_SetSRID(ST_MakePoint(16.177, 58.588), 4326), 'suggestion', 'Dubblett', :t)""")
        .param("d", d.id()).param("t", target).update();
  }

  @Test
  void atEveryZoomTheTilesAddUpToExactlyThePublishedPins() {
    for (int z : List.of(3, 8, 11, 13, 15, 16, 17)) {
      assertThat(total(z, null)).as("zoom %d", z).isEqualTo(300);
      assertThat(total(z, "safety_concern")).as("zoom %d, one category", z).isEqualTo(100);
      assertThat(total(z, "suggestion,service_gap")).as("zoom %d, two categories", z).isEqualTo(200);
    }
    // The deepest cells (about 38 m): the dense spot's hundred pins are one cluster, shown as such.
    for (int z : List.of(18, 19, 20)) {
      int[] t = SlippyTiles.of(16.180, 58.590, z);
      JsonNode tile = api.get(path(z, t[0], t[1], null)).json();
      assertThat(tile.get("clusters")).as("zoom %d", z).anySatisfy(c -> assertThat(c.get("count").asInt()).isEqualTo(100));
    }
    JsonNode dialogue = api.get("/api/v1/dialogues/" + d.slug()).json();
    assertThat(dialogue.get("pinCount").asLong()).isEqualTo(300);
  }

  @Test
  void aPinHiddenNowIsGoneAtEveryZoomAndTheOldAnswerIsNotServedAgain() {
    // A pin out in the spread, so that deep zooms show it on its own.
    long pin = jdbc.sql("SELECT id FROM pin WHERE dialogue_id = :d AND text = 'Synpunkt 299'")
        .param("d", d.id()).query(Long.class).single();
    int[] tile = SlippyTiles.of(16.180, 58.590, 12);
    Api.Response before = api.get(path(12, tile[0], tile[1], null));
    String etag = before.raw().headers().firstValue("ETag").orElseThrow();
    assertThat(before.raw().headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache").contains("public");
    Api.Response same = api.send(HttpRequest.newBuilder(URI.create(api.base() + path(12, tile[0], tile[1], null)))
        .header("If-None-Match", etag).GET());
    assertThat(same.status()).as("unchanged: 304").isEqualTo(304);

    jdbc.sql("UPDATE pin SET moderation_state = 'hidden', moderation_reason = 'Personuppgifter' WHERE id = :id")
        .param("id", pin).update();
    Api.Response after = api.send(HttpRequest.newBuilder(URI.create(api.base() + path(12, tile[0], tile[1], null)))
        .header("If-None-Match", etag).GET());
    assertThat(after.status()).as("changed: a new answer, not the cached one").isEqualTo(200);
    assertThat(after.raw().headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    for (int z : List.of(3, 10, 14, 16, 17)) {
      assertThat(total(z, null)).as("zoom %d", z).isEqualTo(299);
    }
    for (int z : List.of(14, 16, 18, 20)) {
      assertThat(pinIds(z)).as("zoom %d", z).doesNotContain(pin);
    }
    // Published again (a moderator's second look): back at every zoom.
    jdbc.sql("UPDATE pin SET moderation_state = 'published' WHERE id = :id").param("id", pin).update();
    assertThat(total(16, null)).isEqualTo(300);
    assertThat(pinIds(18)).contains(pin);
  }

  @Test
  void singlePinsCarryNoTextAndNeverTheHiddenPendingOrMerged() {
    Set<Long> never = new HashSet<>(jdbc.sql("""
            SELECT id FROM pin WHERE dialogue_id = :d AND (moderation_state <> 'published' OR merged_into IS NOT NULL)""")
        .param("d", d.id()).query(Long.class).list());
    assertThat(never).hasSize(3);
    for (int z : List.of(15, 17, 18, 19, 21)) {
      assertThat(pinIds(z)).as("zoom %d", z).doesNotContainAnyElementsOf(never);
    }
    int[] tile = SlippyTiles.of(16.175, 58.588, 19);
    String body = api.get(path(19, tile[0], tile[1], null)).body();
    assertThat(body).doesNotContain("Dold").doesNotContain("Väntar").doesNotContain("Dubblett").doesNotContain("\"text\"");
  }

  @Test
  void theListPagesThePinsInViewNewestFirstByKeyset() {
    String base = "/api/v1/dialogues/" + d.slug() + "/pins/page?bbox=16.16,58.58,16.20,58.60&limit=120";
    Set<Long> seen = new HashSet<>();
    Long before = null;
    long last = Long.MAX_VALUE;
    int pages = 0;
    do {
      JsonNode page = api.get(base + (before == null ? "" : "&before=" + before)).json();
      for (JsonNode f : page.get("features")) {
        long id = f.get("id").asLong();
        assertThat(id).as("newest first").isLessThan(last);
        last = id;
        assertThat(seen.add(id)).isTrue();
      }
      before = page.get("next").isNull() ? null : page.get("next").asLong();
      pages++;
    } while (before != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(300);
    Problems.assertProblem(api.get("/api/v1/dialogues/" + d.slug() + "/pins/page?limit=0"), 422, "limit.range", "limit");
  }

  @Test
  void badTilesAreRefusedByField() {
    Problems.assertProblem(api.get("/api/v1/dialogues/" + d.slug() + "/pins/tiles/23/0/0"), 422, "tile.zoom", "z");
    Problems.assertProblem(api.get("/api/v1/dialogues/" + d.slug() + "/pins/tiles/3/8/0"), 422, "tile.range", "x");
    Problems.assertProblem(api.get("/api/v1/dialogues/" + d.slug() + "/pins/tiles/3/0/-1"), 422, "tile.range", "y");
    Problems.assertProblem(api.get("/api/v1/dialogues/" + d.slug() + "/pins/tiles/3/0/0?category=cats"),
        422, "category.unknown", "category");
    assertThat(api.get("/api/v1/dialogues/no-such-dialogue/pins/tiles/3/0/0").status()).isEqualTo(404);
  }

  /** The sum of clusters and single pins over every tile that covers the town at zoom z. */
  private long total(int z, String categories) {
    int[] from = SlippyTiles.of(16.1695, 58.5955, z);
    int[] to = SlippyTiles.of(16.1905, 58.5845, z);
    long sum = 0;
    Set<String> cells = new HashSet<>();
    Set<Long> pins = new HashSet<>();
    for (int x = from[0]; x <= to[0]; x++) {
      for (int y = from[1]; y <= to[1]; y++) {
        JsonNode tile = api.get(path(z, x, y, categories)).json();
        for (JsonNode c : tile.get("clusters")) {
          if (cells.add(c.get("bbox").toString())) {
            sum += c.get("count").asLong();
          }
        }
        for (JsonNode p : tile.get("pins")) {
          if (pins.add(p.get("id").asLong())) {
            sum++;
          }
        }
      }
    }
    return sum;
  }

  private Set<Long> pinIds(int z) {
    int[] from = SlippyTiles.of(16.1695, 58.5955, z);
    int[] to = SlippyTiles.of(16.1905, 58.5845, z);
    Set<Long> ids = new HashSet<>();
    if ((long) (to[0] - from[0] + 1) * (to[1] - from[1] + 1) > 200) {
      // Deep zooms: only the tiles around the spots where the test pins are.
      for (double[] at : new double[][] {{16.175, 58.588}, {16.176, 58.588}, {16.177, 58.588}, {16.180, 58.590}}) {
        int[] t = SlippyTiles.of(at[0], at[1], z);
        api.get(path(z, t[0], t[1], null)).json().get("pins").forEach(p -> ids.add(p.get("id").asLong()));
      }
      long spread = jdbc.sql("SELECT id FROM pin WHERE dialogue_id = :d AND text = 'Synpunkt 299'")
          .param("d", d.id()).query(Long.class).single();
      double[] at = jdbc.sql("SELECT ST_X(location), ST_Y(location) FROM pin WHERE id = :id").param("id", spread)
          .query((rs, row) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
      int[] t = SlippyTiles.of(at[0], at[1], z);
      api.get(path(z, t[0], t[1], null)).json().get("pins").forEach(p -> ids.add(p.get("id").asLong()));
      return ids;
    }
    for (int x = from[0]; x <= to[0]; x++) {
      for (int y = from[1]; y <= to[1]; y++) {
        api.get(path(z, x, y, null)).json().get("pins").forEach(p -> ids.add(p.get("id").asLong()));
      }
    }
    return ids;
  }

  private String path(int z, int x, int y, String categories) {
    return "/api/v1/dialogues/" + d.slug() + "/pins/tiles/" + z + "/" + x + "/" + y
        + (categories == null ? "" : "?category=" + categories);
  }
}
