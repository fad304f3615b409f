package org.dialogkarta.export;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/** WKB from PostGIS into JTS, for the writers that need coordinates (one reader per writer). */
final class Geometries {

  private final WKBReader reader = new WKBReader();

  Geometry read(byte[] wkb) {
    try {
      return reader.read(wkb);
    } catch (ParseException e) {
      throw new IllegalStateException("PostGIS gave WKB that JTS cannot read", e);
    }
  }

  /** Rounds to a tenth of a millimetre in metres or about a centimetre in degrees (seven decimals). */
  static double round(double value, boolean degrees) {
    double scale = degrees ? 1e7 : 1e4;
    return Math.round(value * scale) / scale;
  }
}
