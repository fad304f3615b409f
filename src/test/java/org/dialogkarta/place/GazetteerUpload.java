package org.dialogkarta.place;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.Gdal;
import org.dialogkarta.support.Multipart;

/** Gazetteer files for tests: a GeoPackage made by GDAL's ogr2ogr, and the multipart upload. */
final class GazetteerUpload {

  private GazetteerUpload() {}

  static Api.Response post(Api api, String authorization, String mode, byte[] content) {
    Multipart form = new Multipart();
    if (mode != null) {
      form.field("mode", mode);
    }
    if (content != null) {
      form.file("file", "ortnamn", content);
    }
    return form.post(api, "/api/v1/staff/places", authorization);
  }

  static Api.Response post(Api api, String authorization, String mode, String csv) {
    return post(api, authorization, mode, csv.getBytes(StandardCharsets.UTF_8));
  }

  /** ogr2ogr -f GPKG from GeoJSON (WGS84), optionally reprojected to {@code targetCrs}. */
  static byte[] geoPackage(String geoJson, String targetCrs) {
    return Gdal.geoPackage(geoJson, "adresser", targetCrs);
  }

  /** A GeoPackage with the same points in two layers ("adresser" and "kopia"), by ogr2ogr -update. */
  static byte[] geoPackageOfTwoLayers(String geoJson) {
    return Gdal.geoPackage(geoJson, "adresser", null, "kopia");
  }

  /** SWEREF 99 TM easting and northing of a WGS84 point, by GDAL's gdaltransform. */
  static double[] sweref(double lon, double lat) {
    String[] xy = Gdal.run(List.of("gdaltransform", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:3006"), lon + " " + lat + "\n")
        .strip().split("\\s+");
    return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
  }
}
