package org.dialogkarta.moderation;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import tools.jackson.databind.JsonNode;

/**
 * A polygon a planner drew on the map to select pins, parsed from GeoJSON at the edge: WGS84
 * {@code [lon, lat]} positions, closed rings of at least four positions, and a valid polygon
 * (a ring that crosses itself would select pins nobody meant). Any fault is a 422 on
 * {@code area}, never a database error.
 */
record DrawnArea(Polygon polygon) {

  static final int MAX_POSITIONS = 10_000;

  static DrawnArea parse(JsonNode node) {
    if (node == null || node.isNull() || !node.isObject()) {
      throw invalid("The area must be a GeoJSON Polygon object");
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isString() || !"Polygon".equals(type.stringValue())) {
      throw invalid("The area must be a GeoJSON Polygon (type \"Polygon\")");
    }
    JsonNode rings = node.get("coordinates");
    if (rings == null || !rings.isArray() || rings.isEmpty()) {
      throw invalid("A Polygon's coordinates are a list of rings");
    }
    int positions = 0;
    List<LinearRing> parsed = new ArrayList<>();
    for (JsonNode ring : rings) {
      if (!ring.isArray() || ring.size() < 4) {
        throw invalid("Each ring needs at least four positions, the last equal to the first");
      }
      positions += ring.size();
      if (positions > MAX_POSITIONS) {
        throw invalid("The area has more than " + MAX_POSITIONS + " positions");
      }
      Coordinate[] cs = new Coordinate[ring.size()];
      for (int i = 0; i < ring.size(); i++) {
        cs[i] = position(ring.get(i));
      }
      if (!cs[0].equals2D(cs[cs.length - 1])) {
        throw invalid("Each ring must end where it starts");
      }
      parsed.add(Wgs84.FACTORY.createLinearRing(cs));
    }
    Polygon polygon = Wgs84.FACTORY.createPolygon(parsed.getFirst(),
        parsed.subList(1, parsed.size()).toArray(LinearRing[]::new));
    IsValidOp validity = new IsValidOp(polygon);
    if (!validity.isValid()) {
      throw invalid("The area is not a valid polygon: " + validity.getValidationError().getMessage());
    }
    return new DrawnArea(polygon);
  }

  String wkt() {
    return new WKTWriter().write(polygon);
  }

  private static Coordinate position(JsonNode p) {
    if (!p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw invalid("A position is [longitude, latitude]");
    }
    double lon = p.get(0).doubleValue();
    double lat = p.get(1).doubleValue();
    if (!Wgs84.isValidLon(lon) || !Wgs84.isValidLat(lat)) {
      throw invalid("Longitude must be within -180..180 and latitude within -90..90 (WGS84, [lon, lat])");
    }
    return new Coordinate(lon, lat);
  }

  private static InvalidInputException invalid(String message) {
    return InvalidInputException.of("area", "area.invalid", message);
  }
}
