package org.dialogkarta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.dialogkarta.analysis.Clusters;
import org.dialogkarta.analysis.Dbscan;
import org.dialogkarta.analysis.FalseDiscoveryRate;
import org.dialogkarta.analysis.GiStar;
import org.dialogkarta.analysis.HexGrid;
import org.dialogkarta.analysis.HotspotScale;
import org.dialogkarta.analysis.Hotspots;
import org.dialogkarta.analysis.StudyArea;
import org.dialogkarta.geo.CrsTransform;
import org.locationtech.jts.io.WKTReader;
import org.dialogkarta.analysis.Normal;
import org.dialogkarta.analysis.PinSample;
import org.dialogkarta.analysis.api.AnalysisFilter;
import org.dialogkarta.analysis.api.AnalysisPins;
import org.dialogkarta.analysis.api.Agreement;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Analysis at a million pins (-Dbench.pins to change) of the synthetic town: loading the sample,
 * DBSCAN against PostGIS ST_ClusterDBSCAN on the same pins in the same run (partitions compared),
 * Gi* on 100 m hexagons, the peak heap in a child JVM limited to 512 MiB, and the HTTP answers
 * of /clusters and /hotspots at 100,000 pins. Prints a table; figures go to docs/BENCHMARKS.md.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "bench"})
class AnalysisBenchmark {

  private static final double EPS = 50;
  private static final int MIN_POINTS = 10;
  private static final int HTTP_PINS = 100_000;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired AnalysisPins pins;
  @Autowired StaffAccountRepository accountRepository;
  @Autowired PasswordEncoder encoder;
  @Value("${spring.datasource.url}") String databaseUrl;

  private final List<String[]> rows = new ArrayList<>();

  @Test
  void analysisAtAMillionPins() throws Exception {
    int n = Integer.getInteger("bench.pins", 1_000_000);
    // -Dbench.httpOnly=true measures only the endpoints at 100,000 pins (a minute instead of a quarter hour).
    Agreement agreement = Boolean.getBoolean("bench.httpOnly") ? null : millionPins(n);
    long httpDialogue = BenchPins.ensure(dataSource, "bench-town-100k", HTTP_PINS);
    assertThat(httpDialogue).isPositive();
    String planner = StaffAccounts.basic(new StaffAccounts(accountRepository, encoder).create(StaffRole.PLANNER));
    Api api = new Api(port);
    for (String path : List.of("clusters", "hotspots", "clusters?eps=25&minPoints=5", "hotspots?cellSize=100")) {
      String url = "/api/v1/analysis/" + path + (path.contains("?") ? "&" : "?") + "dialogue=bench-town-100k";
      double[] times = new double[4];
      int bytes = 0;
      for (int k = 0; k < times.length; k++) {
        long s = System.nanoTime();
        Api.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base() + url))
            .header("Authorization", planner).GET());
        times[k] = seconds(s);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        bytes = r.body().length();
      }
      row("HTTP GET " + url.replace("/api/v1/analysis/", ""), HTTP_PINS + " pins, " + bytes / 1024
          + " KiB; median of last 3", median(Arrays.copyOfRange(times, 1, times.length)));
    }
    print(n);
    if (agreement != null) {
      assertThat(agreement.disagreements()).isEmpty();
    }
  }

  private Agreement millionPins(int n) throws Exception {
    long loadStart = System.nanoTime();
    long dialogue = BenchPins.ensure(dataSource, n);
    row("pins in the database (COPY, or reused)", n + " pins", seconds(loadStart));

    PinSample sample = null;
    double[] loads = new double[2];
    for (int k = 0; k < loads.length; k++) {
      long t = System.nanoTime();
      sample = pins.load(filter(BenchPins.SLUG));
      loads[k] = seconds(t);
    }
    assertThat(sample.size()).isEqualTo(n);
    row("load sample (AnalysisPins: streamed query, proj4j)", "best of 2", min(loads));

    PinSample pinsForDbscan = sample;
    Dbscan.Result result = null;
    double[] dbscan = new double[5];
    for (int k = 0; k < dbscan.length; k++) {
      long t = System.nanoTime();
      result = Dbscan.cluster(pinsForDbscan, EPS, MIN_POINTS);
      dbscan[k] = seconds(t);
    }
    double ours = median(dbscan);
    row("DBSCAN eps " + (int) EPS + " m, minPoints " + MIN_POINTS, result.clusterCount() + " clusters, "
        + result.noiseCount() + " noise; median of 5 (first " + format(dbscan[0]) + ")", ours);

    long t = System.nanoTime();
    var summaries = Clusters.of(sample, result, EPS, new org.locationtech.jts.geom.GeometryFactory());
    row("cluster summaries (hulls, categories, times)", summaries.size() + " clusters", seconds(t));

    t = System.nanoTime();
    List<Integer> postgis = jdbc.sql("""
            SELECT ST_ClusterDBSCAN(ST_Transform(location, 3006), :eps, :minPoints) OVER () AS cluster
            FROM pin WHERE dialogue_id = :d AND moderation_state = 'published' AND merged_into IS NULL
            ORDER BY id""")
        .param("eps", EPS).param("minPoints", MIN_POINTS).param("d", dialogue)
        .query((rs, row) -> (Integer) rs.getObject(1)).list();
    double theirs = seconds(t);
    row("PostGIS ST_ClusterDBSCAN, same pins and parameters", "incl. ST_Transform and fetching labels", theirs);
    row("  PostGIS / ours", "", theirs / ours);

    Agreement agreement = Agreement.of(sample, result, postgis, EPS);
    row("  partitions agree", agreement.disagreements().isEmpty()
        ? "yes: noise and core exact, " + agreement.borderPoints() + " border points checked"
        : "NO: " + agreement.disagreements(), Double.NaN);

    double[] gi = new double[3];
    int cells = 0;
    for (int k = 0; k < gi.length; k++) {
      t = System.nanoTime();
      cells = giStar(sample, 100);
      gi[k] = seconds(t);
    }
    row("Gi* on 100 m hexagons (grid, counts, z, p, FDR)", cells + " cells; median of 3", median(gi));

    // The default hotspot analysis (issue 10): the study area's hexagons, the scale from the data
    // (nearest-neighbour spacing, incremental Moran's I), Gi* with FDR on the chosen grid, hot places.
    StudyArea area = StudyArea.of(CrsTransform.between(4326, 3006).apply(new WKTReader().read(SyntheticTown.STUDY_AREA_WKT)),
        StudyArea.Source.DIALOGUE);
    double[] scaled = new double[3];
    Hotspots.Result hot = null;
    for (int k = 0; k < scaled.length; k++) {
      t = System.nanoTime();
      hot = Hotspots.analyse(sample, area, null, null);
      hot.hotPlaces();
      scaled[k] = seconds(t);
    }
    HotspotScale scale = hot.scale();
    row("hotspots, default scale: NN spacing + incremental Moran's I (" + scale.series().size() + " bands) + Gi* + FDR + hot places",
        hot.cells().count() + " cells of " + (int) scale.cellSize() + " m, band " + (int) scale.distanceBand() + " m ("
            + scale.code() + "), " + java.util.Arrays.stream(hot.hotPlaces()).max().orElse(0) + " hot places; median of 3 (first "
            + format(scaled[0]) + ")", median(scaled));

    String probe = heapProbe(dialogue);
    row("peak heap, child JVM -Xmx512m: load + DBSCAN + hulls + Gi*", probe, Double.NaN);

    return agreement;
  }

  private static int giStar(PinSample sample, double size) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < sample.size(); i++) {
      minX = Math.min(minX, sample.x(i));
      minY = Math.min(minY, sample.y(i));
      maxX = Math.max(maxX, sample.x(i));
      maxY = Math.max(maxY, sample.y(i));
    }
    HexGrid grid = HexGrid.covering(minX, minY, maxX, maxY, size);
    int[] counts = grid.count(sample);
    int n = grid.cellCount();
    double[] xs = new double[n];
    double[] ys = new double[n];
    double[] values = new double[n];
    for (int c = 0; c < n; c++) {
      xs[c] = grid.centreX(c);
      ys[c] = grid.centreY(c);
      values[c] = counts[c];
    }
    double[] z = GiStar.zScores(xs, ys, values, 2 * size);
    double[] p = new double[n];
    for (int c = 0; c < n; c++) {
      p[c] = Normal.twoSidedP(z[c]);
    }
    FalseDiscoveryRate.adjust(p);
    return n;
  }

  private String heapProbe(long dialogue) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
        AnalysisHeapProbe.class.getName(), databaseUrl, Long.toString(dialogue), Double.toString(EPS),
        Integer.toString(MIN_POINTS)).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        lines.add(line);
      }
    }
    int exit = process.waitFor();
    assertThat(exit).as(String.join("\n", lines)).isZero();
    return lines.stream().filter(l -> l.startsWith("PROBE ")).findFirst().map(l -> l.substring(6))
        .orElseThrow(() -> new AssertionError(String.join("\n", lines)));
  }

  private static AnalysisFilter filter(String slug) {
    LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    params.add("dialogue", slug);
    return AnalysisFilter.from(params, Set.of());
  }

  private void row(String what, String note, double seconds) {
    rows.add(new String[] {what, Double.isNaN(seconds) ? "" : format(seconds), note});
  }

  private void print(int n) throws Exception {
    StringBuilder table = new StringBuilder();
    table.append("\nAnalysis benchmark, ").append(n).append(" synthetic pins (").append(BenchPins.SLUG)
        .append("), ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(Runtime.version()).append('\n');
    table.append(String.format("%-62s %10s  %s%n", "step", "s (ratio)", "note"));
    for (String[] row : rows) {
      table.append(String.format("%-62s %10s  %s%n", row[0], row[1], row[2]));
    }
    System.out.println(table);
    Path out = Path.of("target", "bench-analysis.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table.toString());
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String format(double seconds) {
    return String.format("%.3f", seconds);
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
