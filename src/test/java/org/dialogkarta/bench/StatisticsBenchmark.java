package org.dialogkarta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.dialogkarta.analysis.api.AnalysisFilter;
import org.dialogkarta.analysis.api.NeighbourhoodLayer;
import org.dialogkarta.analysis.api.ProfileDisclosure;
import org.dialogkarta.analysis.api.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Neighbourhood statistics at 1,000,000 synthetic pins (make bench): the whole
 * {@code /api/v1/analysis/statistics} computation (one GROUPING SETS scan and the Java that
 * shapes the answer) and the neighbourhood map layer, timed after two warm-up runs. The town's
 * pins get the demo districts of Norrköping with their population, and a profile answer on 60 %
 * of pins, so every part of the answer has work to do. Prints the figures for docs/BENCHMARKS.md.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "bench"})
class StatisticsBenchmark {

  private static final int PINS = 1_000_000;
  private static final String SLUG = "bench-statistics";
  private static final int RUNS = 7;

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired Statistics statistics;
  @Autowired NeighbourhoodLayer layer;

  @Test
  void statisticsOfAMillionPinsTakeAtMostASecond() {
    long started = System.nanoTime();
    neighbourhoods();
    long dialogue = BenchPins.ensure(dataSource, SLUG, PINS);
    profiles(dialogue);
    System.out.printf("[bench] statistics: %,d pins ready in %.1f s%n", PINS, (System.nanoTime() - started) / 1e9);

    AnalysisFilter all = filter("dialogue", SLUG);
    Statistics.Report report = statistics.of(all, 5);
    assertThat(report.pinCount()).isEqualTo(PINS);
    assertThat(report.neighbourhoods()).isNotEmpty();
    assertThat(report.heard().ageBands()).hasSize(6);

    double whole = median("statistics, whole dialogue", () -> statistics.of(all, 5));
    median("statistics, safety concerns after dark",
        () -> statistics.of(filter("dialogue", SLUG, "category", "safety_concern", "timeOfDay", "dark"), 5));
    median("statistics, one source and a date range",
        () -> statistics.of(filter("dialogue", SLUG, "source", "walk", "from", "2026-03-01", "to", "2026-04-30"), 5));
    double map = median("neighbourhood layer, whole dialogue", () -> layer.of(all, ProfileDisclosure.withoutPlannerRole(all)));
    scanFloor(all);

    assertThat(whole).as("median ms of the whole-dialogue statistics").isLessThanOrEqualTo(1000);
    assertThat(map).as("median ms of the neighbourhood layer").isLessThanOrEqualTo(1000);
  }

  private double median(String what, Supplier<Object> work) {
    work.get();
    work.get();
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      work.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf("[bench] statistics: %-40s median %6.0f ms, min %6.0f ms, max %6.0f ms (%d runs)%n",
        what, ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS);
    return ms[RUNS / 2];
  }

  /** The demo districts, under codes of their own, with the demo's invented population make-up. */
  private void neighbourhoods() {
    for (String[] row : demoDistricts()) {
      jdbc.sql("""
              INSERT INTO neighbourhood (code, name, population, boundary)
              VALUES (:code, :name, :population, ST_Multi(ST_GeomFromText(:wkt, 4326)))
              ON CONFLICT (code) DO NOTHING""")
          .param("code", "BENCH-" + row[0]).param("name", row[1]).param("population", Integer.parseInt(row[2]))
          .param("wkt", row[3]).update();
      jdbc.sql("""
              INSERT INTO neighbourhood_population (neighbourhood_id, age_band, gender, population)
              SELECT n.id, share.age_band, g.gender, round(n.population * share.part * g.part)
              FROM neighbourhood n,
                   (VALUES ('under_16', 0.18), ('16_24', 0.11), ('25_44', 0.27),
                           ('45_64', 0.24), ('65_79', 0.15), ('80_plus', 0.05)) share (age_band, part),
                   (VALUES ('woman', 0.5), ('man', 0.5)) g (gender, part)
              WHERE n.code = :code
              ON CONFLICT DO NOTHING""")
          .param("code", "BENCH-" + row[0]).update();
    }
  }

  /** Six pins in ten answered the profile questions; done once, kept with the reused pins. */
  private void profiles(long dialogue) {
    boolean done = jdbc.sql("SELECT EXISTS (SELECT 1 FROM pin WHERE dialogue_id = :d AND age_band IS NOT NULL)")
        .param("d", dialogue).query(Boolean.class).single();
    if (done) {
      return;
    }
    jdbc.sql("""
            UPDATE pin SET
                age_band = CASE WHEN id % 10 < 6 THEN (ARRAY['under_16', '16_24', '25_44', '45_64', '65_79', '80_plus'])
                               [1 + (id / 10) % 6] END,
                gender = CASE WHEN id % 10 < 6 THEN (ARRAY['woman', 'man', 'woman', 'man', 'other'])[1 + (id / 7) % 5] END
            WHERE dialogue_id = :d""")
        .param("d", dialogue).update();
    jdbc.sql("VACUUM ANALYZE pin").update();
  }

  /** A bare count of the same pins: the least any one-scan answer can take on this machine now. */
  private void scanFloor(AnalysisFilter filter) {
    AnalysisFilter.SqlCondition where = filter.toSql();
    median("bare count(*) of the same pins (floor)", () ->
        jdbc.sql("SELECT count(*) FROM pin WHERE " + where.sql()).params(where.params()).query(Long.class).single());
  }

  private static AnalysisFilter filter(String... pairs) {
    LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      params.add(pairs[i], pairs[i + 1]);
    }
    return AnalysisFilter.from(params, java.util.Set.of());
  }

  private static List<String[]> demoDistricts() {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        StatisticsBenchmark.class.getResourceAsStream("/demo/neighbourhoods.tsv"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
