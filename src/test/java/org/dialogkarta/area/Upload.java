package org.dialogkarta.area;

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

/**
 * Neighbourhood files for tests: GeoJSON written here, GeoPackages made from it by GDAL's ogr2ogr
 * (the tool a GIS engineer would use), and the multipart upload a browser form makes.
 */
final class Upload {

  private Upload() {}

  static String feature(String code, String name, Integer population, String geometryJson, String extraProperties) {
    List<String> props = new ArrayList<>();
    if (code != null) {
      props.add("\"code\":\"" + code + "\"");
    }
    if (name != null) {
      props.add("\"name\":\"" + name + "\"");
    }
    if (population != null) {
      props.add("\"population\":" + population);
    }
    if (extraProperties != null) {
      props.add(extraProperties);
    }
    return "{\"type\":\"Feature\",\"properties\":{" + String.join(",", props) + "},\"geometry\":" + geometryJson + "}";
  }

  static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  /** A closed square ring as a GeoJSON Polygon. */
  static String square(double lon, double lat, double half) {
    return polygon(lon - half, lat - half, lon + half, lat - half, lon + half, lat + half,
        lon - half, lat + half, lon - half, lat - half);
  }

  /** A GeoJSON Polygon of one ring, given as x1, y1, x2, y2, ... */
  static String polygon(double... xy) {
    StringBuilder s = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
    for (int i = 0; i < xy.length; i += 2) {
      s.append(i == 0 ? "" : ",").append('[').append(xy[i]).append(',').append(xy[i + 1]).append(']');
    }
    return s.append("]]}").toString();
  }

  /** ogr2ogr -f GPKG, optionally reprojected to {@code targetCrs} (e.g. EPSG:3006). */
  static byte[] geoPackage(String geoJson, String targetCrs) {
    try {
      Path dir = Files.createTempDirectory("gpkg-test");
      Path in = dir.resolve("in.geojson");
      Path out = dir.resolve("out.gpkg");
      Files.writeString(in, geoJson);
      List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GPKG", "-nln", "stadsdelar"));
      if (targetCrs != null) {
        cmd.addAll(List.of("-t_srs", targetCrs));
      }
      cmd.addAll(List.of(out.toString(), in.toString()));
      run(cmd);
      byte[] bytes = Files.readAllBytes(out);
      Files.delete(in);
      Files.delete(out);
      Files.delete(dir);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
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

  static Api.Response post(Api api, String authorization, String fileName, byte[] content) {
    String boundary = "----dialogkarta" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (content != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/neighbourhoods"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  static Api.Response post(Api api, String authorization, String fileName, String content) {
    return post(api, authorization, fileName, content.getBytes(StandardCharsets.UTF_8));
  }
}
