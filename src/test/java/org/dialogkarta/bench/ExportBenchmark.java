package org.dialogkarta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/**
 * Exports of 1,000,000 pins to GeoPackage, Shapefile (zip) and GeoJSON, each against
 * {@code ogr2ogr} writing the same format from the same SELECT on the same PostGIS table, in the
 * same run. Our export runs in a child JVM with {@code -Xmx256m} ({@code export.ExportBenchChild}):
 * it finishes only if the export fits in 256 MiB of heap, and reports its peak heap use. Both
 * files are read back with ogrinfo to check that they hold a million features. Figures are
 * printed; see docs/BENCHMARKS.md.
 */
@Tag("bench")
@SpringBootTest
@ActiveProfiles({"test", "bench"})
class ExportBenchmark {

  static final int PINS = Integer.getInteger("bench.exportPins", 1_000_000);

  @Autowired DataSource dataSource;
  @Value("${spring.datasource.url}") String url;
  @Value("${spring.datasource.username}") String user;
  @Value("${spring.datasource.password}") String password;
  @TempDir Path dir;

  @Test
  void millionPinsAgainstOgr2ogr() throws Exception {
    long dialogue = BenchPins.ensure(dataSource, PINS);
    String select = pinSelect(dialogue);
    List<String> lines = new ArrayList<>();
    for (String[] f : new String[][] {{"gpkg", "GPKG", "3006"}, {"shp.zip", "ESRI Shapefile", "3006"},
        {"geojson", "GeoJSON", "4326"}}) {
      Path ours = dir.resolve("ours." + f[0]);
      Child child = child(f[0], ours, dialogue);
      long oursBytes = Files.size(ours);
      Path theirs = dir.resolve("ogr2ogr." + f[0]);
      long ogrMillis = ogr2ogr(f[1], theirs, select.replace(":srid", f[2]));
      assertThat(count(ours, f[0])).as("features in our " + f[0]).isEqualTo(PINS);
      assertThat(count(theirs, f[0])).as("features in ogr2ogr's " + f[0]).isEqualTo(PINS);
      lines.add(String.format(Locale.ROOT, "%-8s ours %6.1f s (%5.0f MB, peak heap %3d MiB of %3d MiB)  ogr2ogr %6.1f s (%5.0f MB)  ratio %.2f",
          f[0], child.millis / 1000.0, oursBytes / 1e6, child.peakHeap >> 20, child.maxHeap >> 20,
          ogrMillis / 1000.0, Files.size(theirs) / 1e6, child.millis / (double) ogrMillis));
      Files.deleteIfExists(ours);
      FileSystemUtils.deleteRecursively(theirs);
    }
    System.out.println("ExportBenchmark, " + PINS + " pins, " + Runtime.getRuntime().availableProcessors() + " cores:");
    lines.forEach(System.out::println);
  }

  private static String pinSelect(long dialogue) {
    return org.dialogkarta.export.ExportBenchChild.pinSelect(dialogue);
  }

  private record Child(long millis, long peakHeap, long maxHeap) {}

  private Child child(String format, Path out, long dialogue) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String output = run(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "org.dialogkarta.export.ExportBenchChild", format, out.toString(), url, user, password, Long.toString(dialogue)));
    Matcher m = Pattern.compile("millis=(\\d+) peakHeapBytes=(\\d+) maxHeapBytes=(\\d+)").matcher(output);
    assertThat(m.find()).as(output).isTrue();
    return new Child(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
  }

  private long ogr2ogr(String driver, Path out, String select) throws Exception {
    Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(url);
    assertThat(m.find()).isTrue();
    String pg = "PG:host=%s port=%s dbname=%s user=%s password=%s".formatted(m.group(1), m.group(2), m.group(3), user, password);
    List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", driver, out.toString(), pg, "-sql", select, "-nln", "pins"));
    if (driver.equals("GeoJSON")) {
      command.addAll(List.of("-lco", "RFC7946=YES"));
    }
    if (driver.equals("ESRI Shapefile")) {
      command.addAll(List.of("-lco", "ENCODING=UTF-8"));
    }
    long start = System.nanoTime();
    run(command);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long count(Path file, String format) {
    String source = format.equals("shp.zip") ? "/vsizip/" + file + "/pins.shp" : file.toString();
    String summary = run(List.of("ogrinfo", "-ro", "-so", "-al", source));
    Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(summary);
    assertThat(m.find()).as(summary).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(String.join(" ", command.subList(0, Math.min(4, command.size()))) + "\n" + out).isZero();
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
