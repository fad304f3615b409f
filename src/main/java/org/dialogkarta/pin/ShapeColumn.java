package org.dialogkarta.pin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.dialogkarta.geo.GeoJson;
import org.dialogkarta.geo.Wgs84;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The drawn line or area of a pin as the pin reads select it ({@link #select}: WKB of
 * {@code drawn_shape}), turned into a GeoJSON geometry, or null for a pin at a point.
 */
public final class ShapeColumn {

  /** The column expression, for a pin table under {@code alias}. */
  public static String select(String alias) {
    return "ST_AsBinary(" + alias + ".drawn_shape) AS drawn_shape_wkb";
  }

  private ShapeColumn() {}

  public static Map<String, Object> read(ResultSet rs) throws SQLException {
    byte[] wkb = rs.getBytes("drawn_shape_wkb");
    if (wkb == null) {
      return null;
    }
    try {
      return GeoJson.geometry(new WKBReader(Wgs84.FACTORY).read(wkb));
    } catch (ParseException e) {
      throw new SQLException("drawn_shape is not WKB that JTS reads", e);
    }
  }
}
