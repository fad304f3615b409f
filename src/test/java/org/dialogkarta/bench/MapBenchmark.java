package org.dialogkarta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.dialogkarta.support.SlippyTiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The public map at a million pins (make bench), on the synthetic town's dialogue:
 * <ul>
 *   <li>500 tile requests at random zooms 8–18 over the town, each a different tile (cache
 *       misses: no If-None-Match), timed over HTTP, against the same queries run bare over JDBC
 *       in the same run, and against the naive aggregation of the pin table itself;</li>
 *   <li>the public dialogue list (median of 20);</li>
 *   <li>the dialogue page in headless Chromium at 390×844: time to the first clusters painted,
 *       JS heap, bytes transferred.</li>
 * </ul>
 * Figures are printed for docs/BENCHMARKS.md.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "bench"})
class MapBenchmark {

  static final int PINS = Integer.getInteger("bench.mapPins", 1_000_000);
  private static final int REQUESTS = 500;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void aMillionPinsMapLikeASmallOne() throws Exception {
    long dialogue = BenchPins.ensure(dataSource, PINS);
    String slug = jdbc.sql("SELECT slug FROM dialogue WHERE id = :d").param("d", dialogue).query(String.class).single();
    jdbc.sql("UPDATE dialogue SET status = 'ongoing' WHERE id = :d").param("d", dialogue).update();
    HttpClient http = HttpClient.newHttpClient();
    SplittableRandom random = new SplittableRandom(13);

    // Tiles: random zoom 8-18, a random place in the town (half of them in the dense centre).
    List<int[]> tiles = new ArrayList<>();
    while (tiles.size() < REQUESTS) {
      int z = 8 + random.nextInt(11);
      double spread = random.nextBoolean() ? SyntheticTown.HALF_SIDE_M : 300;
      double lon = SyntheticTown.CENTRE_LON + (random.nextDouble() * 2 - 1) * spread / 111_320 / Math.cos(Math.toRadians(58.59));
      double lat = SyntheticTown.CENTRE_LAT + (random.nextDouble() * 2 - 1) * spread / 111_320;
      int[] t = SlippyTiles.of(lon, lat, z);
      int[] key = {z, t[0], t[1]};
      if (tiles.stream().noneMatch(k -> Arrays.equals(k, key))) {
        tiles.add(key);
      }
    }
    // Warm the JVM and the database's buffers on other tiles (z 7) first.
    for (int i = 0; i < 50; i++) {
      get(http, "/api/v1/dialogues/" + slug + "/pins/tiles/7/" + (69 + i % 2) + "/" + (37 + i % 2));
    }
    double[] api = new double[REQUESTS];
    long bytes = 0;
    for (int i = 0; i < REQUESTS; i++) {
      int[] t = tiles.get(i);
      long start = System.nanoTime();
      HttpResponse<String> r = get(http, "/api/v1/dialogues/" + slug + "/pins/tiles/" + t[0] + "/" + t[1] + "/" + t[2]);
      api[i] = (System.nanoTime() - start) / 1e6;
      assertThat(r.statusCode()).isEqualTo(200);
      bytes += r.body().length();
    }
    double[] bare = new double[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      bare[i] = bareQuery(dialogue, tiles.get(i));
    }
    double[] naive = new double[50];
    for (int i = 0; i < naive.length; i++) {
      naive[i] = naiveQuery(dialogue, tiles.get(i));
    }
    System.out.printf("Tiles, %,d pins, %d requests at zoom 8-18 (cache misses): p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
            + " mean answer %.1f kB%n", PINS, REQUESTS, pct(api, 50), pct(api, 95), pct(api, 100), bytes / 1000.0 / REQUESTS);
    System.out.printf("  the same queries bare over JDBC: p50 %.1f ms, p95 %.1f ms (HTTP/JSON/bare at p95: %.2f)%n",
        pct(bare, 50), pct(bare, 95), pct(api, 95) / pct(bare, 95));
    System.out.printf("  naive GROUP BY over the pin table for the first 50 tiles: p50 %.1f ms, p95 %.1f ms%n",
        pct(naive, 50), pct(naive, 95));

    double[] list = new double[20];
    for (int i = 0; i < list.length; i++) {
      long start = System.nanoTime();
      assertThat(get(http, "/api/v1/dialogues").statusCode()).isEqualTo(200);
      list[i] = (System.nanoTime() - start) / 1e6;
    }
    System.out.printf("Public dialogue list with %,d pins in the database: median %.1f ms%n", PINS, pct(list, 50));

    // OGC API items 900,000 features deep: by key (what the next links carry) and by offset.
    long deep = jdbc.sql("SELECT p.id FROM pin p WHERE p.dialogue_id = :d AND " + org.dialogkarta.pin.PublicPins.condition("p")
        + " ORDER BY p.id OFFSET 899999 LIMIT 1").param("d", dialogue).query(Long.class).single();
    String items = "/ogc/collections/pins-" + slug + "/items?limit=10";
    double[] byKey = new double[20];
    double[] byOffset = new double[5];
    for (int i = 0; i < byKey.length; i++) {
      long start = System.nanoTime();
      HttpResponse<String> r = get(http, items + "&after=" + deep);
      byKey[i] = (System.nanoTime() - start) / 1e6;
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"numberMatched\":", "\"rel\":\"next\"");
    }
    for (int i = 0; i < byOffset.length; i++) {
      long start = System.nanoTime();
      assertThat(get(http, items + "&offset=900000").statusCode()).isEqualTo(200);
      byOffset[i] = (System.nanoTime() - start) / 1e6;
    }
    System.out.printf("OGC items after the 900,000th pin: by key (next links) median %.1f ms, p95 %.1f ms;"
        + " by offset=900000 median %.1f ms%n", pct(byKey, 50), pct(byKey, 95), pct(byOffset, 50));

    chromium(slug);
  }

  private void chromium(String slug) {
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))).setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--enable-precise-memory-info")));
      // One visit first, not counted: the server's first rendering of the page (template parsing,
      // class loading) and Chromium's first start are not what a citizen meets on a running site.
      // Each counted run is then a new context: an empty browser cache, as on a first visit.
      BrowserContext warm = browser.newContext(new Browser.NewContextOptions().setLocale("sv-SE"));
      warm.newPage().navigate("http://localhost:" + port + "/dialoger/" + slug);
      warm.close();
      for (int run = 0; run < 3; run++) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
            .setLocale("sv-SE").setIsMobile(true).setHasTouch(true));
        Page page = context.newPage();
        // Timed in the page itself (navigation start to the first cluster or pin in the DOM), so
        // the test's own event handling never counts; bytes from the Resource Timing entries.
        page.addInitScript("""
            new MutationObserver((changes, observer) => {
              if (document.querySelector('.pin-cluster--server, .leaflet-marker-icon.pin-marker')) {
                window.firstPinsPainted = performance.now();
                observer.disconnect();
              }
            }).observe(document, { childList: true, subtree: true });""");
        page.navigate("http://localhost:" + port + "/dialoger/" + slug);
        page.locator(".pin-cluster--server, .leaflet-marker-icon.pin-marker").first().waitFor();
        double paint = ((Number) page.evaluate("() => window.firstPinsPainted")).doubleValue() / 1000;
        page.waitForTimeout(1500);
        double transferred = ((Number) page.evaluate("""
            () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
              .reduce((n, e) => n + (e.transferSize || 0), 0)""")).doubleValue();
        double heap = ((Number) page.evaluate("() => performance.memory.usedJSHeapSize")).doubleValue() / 1048576;
        System.out.printf("Dialogue page in Chromium at 390x844, run %d (cold browser cache): first clusters %.2f s,"
            + " JS heap %.1f MiB, %.2f MB transferred for the first view%n", run + 1, paint, heap, transferred / 1e6);
        context.close();
      }
      browser.close();
    }
  }

  private double bareQuery(long dialogue, int[] t) {
    int z = Math.min(t[0], 18);
    long start = System.nanoTime();
    jdbc.sql("""
            SELECT cx, cy, category, n, sx, sy FROM pin_cell
            WHERE dialogue_id = :d AND z = :z AND cx BETWEEN :x0 AND :x1 AND cy BETWEEN :y0 AND :y1 AND n > 0""")
        .param("d", dialogue).param("z", z).param("x0", t[1] * 4).param("x1", t[1] * 4 + 3)
        .param("y0", t[2] * 4).param("y1", t[2] * 4 + 3).query().listOfRows();
    return (System.nanoTime() - start) / 1e6;
  }

  /** What a map without the maintained counts would run: group the tile's pins into its cells. */
  private double naiveQuery(long dialogue, int[] t) {
    int z = t[0];
    double size = 40075016.685578488 / (4 * Math.pow(2, z));
    double west = t[1] * 4 * size - 20037508.342789244;
    double north = 20037508.342789244 - t[2] * 4 * size;
    long start = System.nanoTime();
    jdbc.sql("""
            SELECT floor((ST_X(m) + 20037508.342789244) / :size) AS cx, floor((20037508.342789244 - ST_Y(m)) / :size) AS cy,
                   category, count(*), sum(ST_X(m)), sum(ST_Y(m))
            FROM (SELECT ST_Transform(location, 3857) AS m, category FROM pin
                  WHERE dialogue_id = :d AND moderation_state = 'published' AND merged_into IS NULL
                    AND location && ST_Transform(ST_MakeEnvelope(:w, :s, :e, :n, 3857), 4326)) p
            GROUP BY 1, 2, 3""")
        .param("size", size).param("d", dialogue).param("w", west).param("e", west + 4 * size)
        .param("s", north - 4 * size).param("n", north).query().listOfRows();
    return (System.nanoTime() - start) / 1e6;
  }

  private HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static double pct(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

}
