package org.dialogkarta.walk;

import java.util.List;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.FieldViolation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import tools.jackson.databind.JsonNode;

/**
 * The meeting point and the planned route as drawn on the map, read from GeoJSON at the edge:
 * WGS84 {@code [lon, lat]} positions, a Point and a LineString of at least two different
 * positions. A fault is added to the list under the field's name, never thrown as a parse error.
 */
final class WalkGeometry {

  /** A route drawn by hand along the paths has tens of vertices; this is far beyond. */
  static final int MAX_ROUTE_POSITIONS = 5_000;

  private WalkGeometry() {}

  static Point point(JsonNode node, String field, List<FieldViolation> faults) {
    if (absent(node)) {
      return null;
    }
    if (!hasType(node, "Point")) {
      faults.add(FieldViolation.of(field, "geometry.not_point", "The " + field + " must be a GeoJSON Point"));
      return null;
    }
    Coordinate c = position(node.get("coordinates"), field, faults);
    return c == null ? null : Wgs84.point(c.x, c.y);
  }

  static LineString line(JsonNode node, String field, List<FieldViolation> faults) {
    if (absent(node)) {
      return null;
    }
    if (!hasType(node, "LineString")) {
      faults.add(FieldViolation.of(field, "geometry.not_line", "The " + field + " must be a GeoJSON LineString"));
      return null;
    }
    JsonNode positions = node.get("coordinates");
    if (positions == null || !positions.isArray() || positions.size() < 2) {
      faults.add(FieldViolation.of(field, "geometry.malformed", "A LineString has at least two positions"));
      return null;
    }
    if (positions.size() > MAX_ROUTE_POSITIONS) {
      faults.add(FieldViolation.of(field, "geometry.too_many_positions",
          "At most " + MAX_ROUTE_POSITIONS + " positions"));
      return null;
    }
    Coordinate[] cs = new Coordinate[positions.size()];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = position(positions.get(i), field, faults);
      if (cs[i] == null) {
        return null;
      }
    }
    LineString line = Wgs84.FACTORY.createLineString(cs);
    if (line.getLength() == 0) {
      faults.add(FieldViolation.of(field, "geometry.malformed", "The " + field + " has no length"));
      return null;
    }
    return line;
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static boolean hasType(JsonNode node, String type) {
    JsonNode t = node.isObject() ? node.get("type") : null;
    return t != null && t.isString() && type.equals(t.stringValue());
  }

  private static Coordinate position(JsonNode p, String field, List<FieldViolation> faults) {
    if (p == null || !p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      faults.add(FieldViolation.of(field, "geometry.malformed", "A position is [longitude, latitude]"));
      return null;
    }
    double lon = p.get(0).doubleValue();
    double lat = p.get(1).doubleValue();
    if (!Wgs84.isValidLon(lon) || !Wgs84.isValidLat(lat)) {
      faults.add(FieldViolation.of(field, "geometry.out_of_range",
          "Longitude must be within -180..180 and latitude within -90..90 (WGS84, [lon, lat])"));
      return null;
    }
    return new Coordinate(lon, lat);
  }
}
