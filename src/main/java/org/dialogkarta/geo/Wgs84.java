package org.dialogkarta.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** Geometries as they travel on the wire and are stored: WGS84 longitude/latitude, EPSG:4326. */
public final class Wgs84 {

  public static final int SRID = 4326;
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

  private Wgs84() {}

  public static Point point(double lon, double lat) {
    return FACTORY.createPoint(new Coordinate(lon, lat));
  }

  public static boolean isValidLon(double lon) {
    return Double.isFinite(lon) && lon >= -180 && lon <= 180;
  }

  public static boolean isValidLat(double lat) {
    return Double.isFinite(lat) && lat >= -90 && lat <= 90;
  }
}
