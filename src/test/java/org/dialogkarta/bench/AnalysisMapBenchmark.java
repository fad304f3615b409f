package org.dialogkarta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The analysis map's pin and heat layers at a million pins (make bench): the grid of the view
 * ({@code /api/v1/analysis/pins/grid}) for the whole town and for random views at zooms 13–18,
 * and the view's single pins where the grid says there are few, against what the layers asked
 * for before (the first 20,000 pins of the filter, whatever the view). Figures for
 * docs/BENCHMARKS.md.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "bench"})
class AnalysisMapBenchmark {

  private static final int VIEWS = 100;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void theAnalysisMapReadsOnlyTheView() throws Exception {
    long dialogue = BenchPins.ensure(dataSource, MapBenchmark.PINS);
    String auth = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    HttpClient http = HttpClient.newHttpClient();
    double half = SyntheticTown.HALF_SIDE_M / 111_320.0;
    double cos = Math.cos(Math.toRadians(SyntheticTown.CENTRE_LAT));
    String town = box(SyntheticTown.CENTRE_LON, SyntheticTown.CENTRE_LAT, half / cos, half);
    String base = "/api/v1/analysis/pins/grid?dialogue=" + dialogue + "&bbox=";
    for (int i = 0; i < 3; i++) {
      get(http, auth, base + town + "&zoom=12&cell=64");
    }
    double[] whole = new double[5];
    double[] wholeHeat = new double[5];
    String answer = "";
    for (int i = 0; i < whole.length; i++) {
      long start = System.nanoTime();
      answer = get(http, auth, base + town + "&zoom=12&cell=64");
      whole[i] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      get(http, auth, base + town + "&zoom=12&cell=16");
      wholeHeat[i] = (System.nanoTime() - start) / 1e6;
    }
    double[] filtered = new double[5];
    for (int i = 0; i < filtered.length; i++) {
      long start = System.nanoTime();
      get(http, auth, base + town + "&zoom=12&cell=64&from=2000-01-01");
      filtered[i] = (System.nanoTime() - start) / 1e6;
    }
    System.out.printf("Analysis grid, whole town of %,d pins at zoom 12: groups (64 px) median %.0f ms, %.1f kB;"
        + " heat (16 px) median %.0f ms (kept cell counts); with a date filter (the pins grouped) median %.0f ms%n",
        MapBenchmark.PINS, MapBenchmark.pct(whole, 50), answer.length() / 1000.0, MapBenchmark.pct(wholeHeat, 50), MapBenchmark.pct(filtered, 50));

    // Random views of a 1280 x 720 screen at zooms 13-18, half of them in the dense centre.
    SplittableRandom random = new SplittableRandom(7);
    double[] views = new double[VIEWS];
    double[] pinsInView = new double[VIEWS];
    int pinReads = 0;
    for (int i = 0; i < VIEWS; i++) {
      int zoom = 13 + random.nextInt(6);
      double spread = random.nextBoolean() ? SyntheticTown.HALF_SIDE_M : 300;
      double lon = SyntheticTown.CENTRE_LON + (random.nextDouble() * 2 - 1) * spread / 111_320 / cos;
      double lat = SyntheticTown.CENTRE_LAT + (random.nextDouble() * 2 - 1) * spread / 111_320;
      double degreesPerPx = 360.0 / (256 * Math.pow(2, zoom));
      String view = box(lon, lat, 640 * degreesPerPx, 360 * degreesPerPx * cos);
      long start = System.nanoTime();
      String grid = get(http, auth, base + view + "&zoom=" + zoom + "&cell=64");
      views[i] = (System.nanoTime() - start) / 1e6;
      long total = Long.parseLong(grid.replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
      if (total <= 3000) {
        start = System.nanoTime();
        get(http, auth, "/api/v1/analysis/pins?dialogue=" + dialogue + "&limit=3000&bbox=" + view);
        pinsInView[pinReads++] = (System.nanoTime() - start) / 1e6;
      }
    }
    System.out.printf("  %d random views at zoom 13-18: grid p50 %.0f ms, p95 %.0f ms; the view's single pins"
        + " (%d views with at most 3,000) p50 %.0f ms, p95 %.0f ms%n", VIEWS, MapBenchmark.pct(views, 50), MapBenchmark.pct(views, 95), pinReads,
        MapBenchmark.pct(Arrays.copyOf(pinsInView, Math.max(1, pinReads)), 50), MapBenchmark.pct(Arrays.copyOf(pinsInView, Math.max(1, pinReads)), 95));

    double[] before = new double[3];
    int bytes = 0;
    for (int i = 0; i < before.length; i++) {
      long start = System.nanoTime();
      bytes = get(http, auth, "/api/v1/analysis/pins?dialogue=" + dialogue + "&limit=20000").length();
      before[i] = (System.nanoTime() - start) / 1e6;
    }
    System.out.printf("  before: the first 20,000 pins of the filter whatever the view, median %.0f ms, %.1f MB%n",
        MapBenchmark.pct(before, 50), bytes / 1e6);
  }

  private static String box(double lon, double lat, double halfLon, double halfLat) {
    return String.format(java.util.Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", lon - halfLon, lat - halfLat, lon + halfLon,
        lat + halfLat);
  }

  private String get(HttpClient http, String auth, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + "\n" + r.body()).isEqualTo(200);
    return r.body();
  }
}
