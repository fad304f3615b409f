package org.dialogkarta.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries as RFC 7946 GeoJSON geometry objects (maps that Jackson serialises),
 * {@code [lon, lat]} order, polygons with the exterior ring counter-clockwise.
 */
public final class GeoJson {

  private GeoJson() {}

  public static Map<String, Object> geometry(Geometry g) {
    if (g == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    switch (g) {
      case Point p -> {
        out.put("type", "Point");
        out.put("coordinates", position(p.getCoordinate()));
      }
      case LineString line -> {
        out.put("type", "LineString");
        out.put("coordinates", ring(line, false));
      }
      case MultiLineString lines -> {
        out.put("type", "MultiLineString");
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < lines.getNumGeometries(); i++) {
          parts.add(ring((LineString) lines.getGeometryN(i), false));
        }
        out.put("coordinates", parts);
      }
      case Polygon p -> {
        out.put("type", "Polygon");
        out.put("coordinates", rings(p));
      }
      case MultiPolygon mp -> {
        out.put("type", "MultiPolygon");
        List<Object> polygons = new ArrayList<>();
        for (int i = 0; i < mp.getNumGeometries(); i++) {
          polygons.add(rings((Polygon) mp.getGeometryN(i)));
        }
        out.put("coordinates", polygons);
      }
      default -> throw new IllegalArgumentException("Unsupported geometry " + g.getGeometryType());
    }
    return out;
  }

  private static List<Object> rings(Polygon polygon) {
    Polygon p = (Polygon) polygon.copy();
    p.normalize(); // JTS normal form: shell clockwise, holes counter-clockwise ...
    List<Object> rings = new ArrayList<>();
    rings.add(ring(p.getExteriorRing(), true)); // ... so reverse both for RFC 7946
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      rings.add(ring(p.getInteriorRingN(i), true));
    }
    return rings;
  }

  private static List<Object> ring(LineString ring, boolean reverse) {
    Coordinate[] cs = ring.getCoordinates();
    List<Object> out = new ArrayList<>(cs.length);
    for (int i = 0; i < cs.length; i++) {
      out.add(position(cs[reverse ? cs.length - 1 - i : i]));
    }
    return out;
  }

  private static List<Double> position(Coordinate c) {
    return List.of(round(c.x), round(c.y));
  }

  /** Seven decimals of a degree are about a centimetre: more is noise on the wire. */
  private static double round(double v) {
    return Math.round(v * 1e7) / 1e7;
  }
}
