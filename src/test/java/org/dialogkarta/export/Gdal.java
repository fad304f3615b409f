package org.dialogkarta.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GDAL's command-line tools as the independent reader and calculator of the export tests. */
final class Gdal {

  private Gdal() {}

  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
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

  /** {@code ogrinfo -al -so [options] source [layers]}: count, geometry type, CRS and fields of each layer. */
  static String summary(String... args) {
    List<String> c = new ArrayList<>(List.of("ogrinfo", "-ro", "-al", "-so"));
    c.addAll(List.of(args));
    return run(c.toArray(String[]::new));
  }

  /** {@code ogrinfo -al -q [options] source [layers]}: every feature with its attributes and geometry as WKT. */
  static String features(String... args) {
    List<String> c = new ArrayList<>(List.of("ogrinfo", "-ro", "-al", "-q"));
    c.addAll(List.of(args));
    return run(c.toArray(String[]::new));
  }

  /** {@code gdaltransform} from lon/lat (OGC:CRS84, so the axis order is never in doubt) to {@code epsg}. */
  static double[] transform(double lon, double lat, int epsg) {
    try {
      Process p = new ProcessBuilder("gdaltransform", "-s_srs", "OGC:CRS84", "-t_srs", "EPSG:" + epsg,
          "-output_xy").start();
      p.getOutputStream().write((lon + " " + lat + "\n").getBytes(StandardCharsets.US_ASCII));
      p.getOutputStream().close();
      String[] xy = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
      p.waitFor(30, TimeUnit.SECONDS);
      return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final Pattern POINT = Pattern.compile("POINT \\(([-0-9.e]+) ([-0-9.e]+)\\)");

  /** Every POINT (x y) in ogrinfo's output, in order. */
  static List<double[]> points(String ogrinfo) {
    List<double[]> out = new ArrayList<>();
    Matcher m = POINT.matcher(ogrinfo);
    while (m.find()) {
      out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
    }
    return out;
  }
}
