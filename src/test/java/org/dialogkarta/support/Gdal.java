package org.dialogkarta.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** GDAL's command-line tools for tests: the files a GIS engineer would make, and their readers. */
public final class Gdal {

  private Gdal() {}

  /**
   * A GeoPackage made by ogr2ogr from GeoJSON (WGS84), its layer named {@code layer}, optionally
   * reprojected to {@code targetCrs} (e.g. EPSG:3006); with {@code copies}, the same features again
   * in one more layer of each of those names.
   */
  public static byte[] geoPackage(String geoJson, String layer, String targetCrs, String... copies) {
    try {
      Path dir = Files.createTempDirectory("gpkg-test");
      Path in = dir.resolve("in.geojson");
      Path out = dir.resolve("out.gpkg");
      Files.writeString(in, geoJson);
      List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GPKG", "-nln", layer));
      if (targetCrs != null) {
        cmd.addAll(List.of("-t_srs", targetCrs));
      }
      cmd.addAll(List.of(out.toString(), in.toString()));
      run(cmd, null);
      for (String copy : copies) {
        run(List.of("ogr2ogr", "-update", "-f", "GPKG", "-nln", copy, out.toString(), in.toString()), null);
      }
      byte[] bytes = Files.readAllBytes(out);
      Files.delete(in);
      Files.delete(out);
      Files.delete(dir);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a command with {@code input} (or none) on its standard input; its output, or a failure. */
  public static String run(List<String> cmd, String input) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      if (input != null) {
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      }
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(cmd + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
