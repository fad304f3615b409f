package org.dialogkarta.export;

/**
 * The geometry type of a layer's features. {@code GEOMETRY} means mixed types, which a
 * Shapefile cannot hold (one geometry type per file).
 */
enum GeometryKind {
  POINT("Point"), LINESTRING("LineString"), MULTILINESTRING("MultiLineString"), POLYGON("Polygon"),
  MULTIPOLYGON("MultiPolygon"), GEOMETRY("Geometry");

  private final String ogcName;

  GeometryKind(String ogcName) {
    this.ogcName = ogcName;
  }

  /** The name in GeoPackage's gpkg_geometry_columns and in OGC simple features. */
  String ogcName() {
    return ogcName;
  }
}
