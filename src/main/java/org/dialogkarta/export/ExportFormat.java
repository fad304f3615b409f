package org.dialogkarta.export;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file formats GIS staff can take layers out in. GeoJSON (RFC 7946) and KML are WGS84 by
 * their own specifications, so they refuse any other CRS instead of writing coordinates that
 * readers would misplace; the others default to SWEREF 99 TM.
 */
enum ExportFormat {
  GPKG("gpkg", "application/geopackage+sqlite3", false, true),
  SHAPEFILE("shp.zip", "application/zip", false, false),
  GEOJSON("geojson", "application/geo+json", true, false),
  KML("kml", "application/vnd.google-earth.kml+xml", true, false),
  CSV("csv", "text/csv; charset=UTF-8", false, false),
  /** CSV that a Swedish Excel opens in columns: semicolons, decimal commas. */
  CSV_EXCEL("excel.csv", "text/csv; charset=UTF-8", false, false);

  private final String extension;
  private final String contentType;
  private final boolean alwaysWgs84;
  private final boolean multiLayer;

  ExportFormat(String extension, String contentType, boolean alwaysWgs84, boolean multiLayer) {
    this.extension = extension;
    this.contentType = contentType;
    this.alwaysWgs84 = alwaysWgs84;
    this.multiLayer = multiLayer;
  }

  boolean csv() {
    return this == CSV || this == CSV_EXCEL;
  }

  static Optional<ExportFormat> ofExtension(String extension) {
    return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
  }

  String extension() {
    return extension;
  }

  String contentType() {
    return contentType;
  }

  boolean alwaysWgs84() {
    return alwaysWgs84;
  }

  boolean multiLayer() {
    return multiLayer;
  }

  static String extensions() {
    return String.join(", ", Arrays.stream(values()).map(ExportFormat::extension).toList());
  }
}
