package org.dialogkarta.area;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.Gdal;
import org.dialogkarta.support.Multipart;

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
    return Gdal.geoPackage(geoJson, "stadsdelar", targetCrs);
  }

  static String run(List<String> cmd) {
    return Gdal.run(cmd, null);
  }

  /** The upload a browser form makes; no file (content null) sends only another field. */
  static Api.Response post(Api api, String authorization, String fileName, byte[] content) {
    Multipart form = content != null ? new Multipart().file("file", fileName, content) : new Multipart().field("other", "x");
    return form.post(api, "/api/v1/staff/neighbourhoods", authorization);
  }

  static Api.Response post(Api api, String authorization, String fileName, String content) {
    return post(api, authorization, fileName, content.getBytes(StandardCharsets.UTF_8));
  }
}
