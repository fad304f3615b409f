package org.dialogkarta.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.dialogkarta.geo.OfferedCrs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The written definitions of the allowed CRSs that files carry, so that QGIS and ArcGIS place the
 * data right without guessing: OGC WKT with EPSG authority codes from PostGIS's
 * {@code spatial_ref_sys} for the GeoPackage, and ESRI WKT1 (what ArcGIS expects in a
 * {@code .prj}) from {@code export/esri-prj.properties}, generated once with GDAL's
 * {@code gdalsrsinfo -o wkt_esri}.
 */
@Component
class CrsDefinitions {

  private final JdbcClient jdbc;
  private final Properties esri = new Properties();

  CrsDefinitions(JdbcClient jdbc) {
    this.jdbc = jdbc;
    try (InputStream in = CrsDefinitions.class.getResourceAsStream("/export/esri-prj.properties")) {
      esri.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Every offered CRS must have its .prj definition: a missing one stops the start, not an export.
    for (int code : OfferedCrs.EPSG_CODES) {
      esri(new ExportCrs(code));
    }
  }

  /** OGC WKT 1 with AUTHORITY["EPSG", ...], as PostGIS has it. */
  String ogcWkt(ExportCrs crs) {
    return jdbc.sql("SELECT srtext FROM spatial_ref_sys WHERE auth_name = 'EPSG' AND auth_srid = :code")
        .param("code", crs.epsg()).query(String.class).single();
  }

  /** The one-line name PostGIS gives, e.g. "SWEREF99 TM". */
  String name(ExportCrs crs) {
    String wkt = ogcWkt(crs);
    int start = wkt.indexOf('"') + 1;
    return wkt.substring(start, wkt.indexOf('"', start));
  }

  String esri(ExportCrs crs) {
    String wkt = esri.getProperty(Integer.toString(crs.epsg()));
    if (wkt == null) {
      throw new IllegalStateException("No ESRI WKT for " + crs.code() + " in export/esri-prj.properties");
    }
    return wkt;
  }
}
