package org.dialogkarta.export;

/**
 * One row on its way from the database cursor to a writer: the geometry as WKB in the export's
 * CRS (made by PostGIS), the attribute values in the order of the layer's fields (Long, Double,
 * String or OffsetDateTime; null where the database has none), and — only when a writer asked
 * for them (CSV) — the WGS84 lon/lat of a point on the feature, else NaN. Not kept after writing.
 */
record Feature(byte[] wkb, Object[] values, double lon, double lat) {

  Feature(byte[] wkb, Object[] values) {
    this(wkb, values, Double.NaN, Double.NaN);
  }
}
