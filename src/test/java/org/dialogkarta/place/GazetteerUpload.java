package org.dialogkarta.place;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dialogkarta.support.Api;

/** Gazetteer files for tests: a GeoPackage made by GDAL's ogr2ogr, and the multipart upload. */
final class GazetteerUpload {

  private GazetteerUpload() {}

  static Api.Response post(Api api, String authorization, String mode, byte[] content) {
    String boundary = "----dialogkarta" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (mode != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\n" + mode + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    if (content != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ortnamn\""
          + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/places"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  static Api.Response post(Api api, String authorization, String mode, String csv) {
    return post(api, authorization, mode, csv.getBytes(StandardCharsets.UTF_8));
  }

  /** ogr2ogr -f GPKG from GeoJSON (WGS84), optionally reprojected to {@code targetCrs}. */
  static byte[] geoPackage(String geoJson, String targetCrs) {
    try {
      Path dir = Files.createTempDirectory("gazetteer-test");
      Path in = dir.resolve("in.geojson");
      Path out = dir.resolve("out.gpkg");
      Files.writeString(in, geoJson);
      List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GPKG", "-nln", "adresser"));
      if (targetCrs != null) {
        cmd.addAll(List.of("-t_srs", targetCrs));
      }
      cmd.addAll(List.of(out.toString(), in.toString()));
      run(cmd, null);
      byte[] bytes = Files.readAllBytes(out);
      Files.delete(in);
      Files.delete(out);
      Files.delete(dir);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GeoPackage with the same points in two layers ("adresser" and "kopia"), by ogr2ogr -update. */
  static byte[] geoPackageOfTwoLayers(String geoJson) {
    try {
      Path dir = Files.createTempDirectory("gazetteer-test");
      Path in = dir.resolve("in.geojson");
      Path out = dir.resolve("out.gpkg");
      Files.writeString(in, geoJson);
      run(List.of("ogr2ogr", "-f", "GPKG", "-nln", "adresser", out.toString(), in.toString()), null);
      run(List.of("ogr2ogr", "-update", "-f", "GPKG", "-nln", "kopia", out.toString(), in.toString()), null);
      byte[] bytes = Files.readAllBytes(out);
      Files.delete(in);
      Files.delete(out);
      Files.delete(dir);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SWEREF 99 TM easting and northing of a WGS84 point, by GDAL's gdaltransform. */
  static double[] sweref(double lon, double lat) {
    String[] xy = run(List.of("gdaltransform", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:3006"), lon + " " + lat + "\n")
        .strip().split("\\s+");
    return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
  }

  private static String run(List<String> cmd, String input) {
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
