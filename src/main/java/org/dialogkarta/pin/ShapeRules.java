package org.dialogkarta.pin;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.ShapeKind;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.FieldViolation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a drawn line or area ({@link PinSubmission.Shape}) and finds its representative point.
 * The cheap checks run in Java first (type, nesting, numbers, at most {@link #MAX_VERTICES}
 * vertices), so a huge or malformed shape never reaches PostGIS; then one query asks PostGIS
 * whether it is simple and valid (the reason from ST_IsValidReason), repairs a self-intersecting
 * area with ST_MakeValid only when that gives one polygon, measures it on the spheroid, and
 * checks that it lies inside or crosses the study area. Every fault names {@code shape}.
 */
@Component
public class ShapeRules {

  public static final int MAX_VERTICES = 500;
  /** The longest line, metres. */
  public static final double MAX_LINE_METRES = 20_000;
  /** The largest area, square metres (10 km²). */
  public static final double MAX_AREA_SQUARE_METRES = 10_000_000;
  /** Shorter lines and smaller areas are degenerate (a double tap, a sliver). */
  static final double MIN_LINE_METRES = 1;
  static final double MIN_AREA_SQUARE_METRES = 1;

  private final JdbcClient jdbc;

  ShapeRules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The checked shape, or null with the faults added (also null when no shape was sent). */
  DrawnShape check(Dialogue dialogue, PinSubmission.Shape shape, List<FieldViolation> faults) {
    if (shape == null) {
      return null;
    }
    ShapeKind kind = ShapeKind.fromGeoJsonType(shape.type()).filter(k -> k != ShapeKind.POINT).orElse(null);
    if (kind == null) {
      faults.add(FieldViolation.of("shape.type", "shape.wrong_type",
          "A drawn shape is a GeoJSON LineString or Polygon (a point goes in location)"));
      return null;
    }
    if (!dialogue.accepts(kind)) {
      faults.add(FieldViolation.of("shape", "shape.not_accepted",
          "This dialogue does not take " + (kind == ShapeKind.LINE ? "lines" : "areas") + "; it takes "
              + dialogue.acceptedShapes().stream().map(ShapeKind::code).toList()));
      return null;
    }
    List<Coordinate> vertices = kind == ShapeKind.LINE ? line(shape.coordinates(), faults) : ring(shape.coordinates(), faults);
    if (vertices == null) {
      return null;
    }
    Geometry geometry = kind == ShapeKind.LINE
        ? Wgs84.FACTORY.createLineString(vertices.toArray(Coordinate[]::new))
        : Wgs84.FACTORY.createPolygon(vertices.toArray(Coordinate[]::new));
    return measured(dialogue, kind, geometry, faults);
  }

  private List<Coordinate> line(Object coordinates, List<FieldViolation> faults) {
    List<Coordinate> points = positions(coordinates, faults);
    if (points == null) {
      return null;
    }
    if (points.stream().distinct().count() < 2) {
      faults.add(FieldViolation.of("shape.coordinates", "shape.too_few_vertices", "A line has at least two different points"));
      return null;
    }
    return points;
  }

  /** One ring, no holes; closed here if the client did not repeat the first position. */
  private List<Coordinate> ring(Object coordinates, List<FieldViolation> faults) {
    if (!(coordinates instanceof List<?> rings) || rings.isEmpty()) {
      faults.add(malformed("A Polygon's coordinates are a list of rings: [[[lon, lat], ...]]"));
      return null;
    }
    List<Coordinate> points = positions(rings.getFirst(), faults);
    if (points == null) {
      return null;
    }
    if (rings.size() > 1) {
      faults.add(FieldViolation.of("shape.coordinates", "shape.holes", "An area is one ring, without holes"));
      return null;
    }
    if (!points.getFirst().equals2D(points.getLast())) {
      points.add(new Coordinate(points.getFirst()));
    }
    if (points.subList(0, points.size() - 1).stream().distinct().count() < 3) {
      faults.add(FieldViolation.of("shape.coordinates", "shape.too_few_vertices",
          "An area has at least three different corners"));
      return null;
    }
    return points;
  }

  /** [[lon, lat], ...] of finite WGS84 numbers, counted before anything else is done with them. */
  private static List<Coordinate> positions(Object raw, List<FieldViolation> faults) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      faults.add(malformed("Coordinates are a list of [longitude, latitude] positions"));
      return null;
    }
    if (list.size() > MAX_VERTICES + 1) {
      faults.add(FieldViolation.of("shape.coordinates", "shape.too_many_vertices",
          "The shape has " + list.size() + " vertices; at most " + MAX_VERTICES));
      return null;
    }
    List<Coordinate> out = new ArrayList<>(list.size());
    for (Object p : list) {
      if (!(p instanceof List<?> pos) || pos.size() < 2 || pos.size() > 3
          || !(pos.get(0) instanceof Number lonN) || !(pos.get(1) instanceof Number latN)) {
        faults.add(malformed("Each position is [longitude, latitude] in numbers"));
        return null;
      }
      double lon = lonN.doubleValue();
      double lat = latN.doubleValue();
      if (!Wgs84.isValidLon(lon) || !Wgs84.isValidLat(lat)) {
        faults.add(FieldViolation.of("shape.coordinates", "shape.out_of_range",
            "Longitude must be within -180..180 and latitude within -90..90 (WGS84, [lon, lat])"));
        return null;
      }
      out.add(new Coordinate(lon, lat));
    }
    return out;
  }

  private static FieldViolation malformed(String message) {
    return FieldViolation.of("shape.coordinates", "shape.malformed", message);
  }

  private record Verdict(boolean valid, String reason, boolean simple, String repairedType,
      double size, boolean touches, byte[] geometry, byte[] representative) {}

  /**
   * Everything PostGIS knows about the shape in one round trip. The representative point is the
   * point on the surface (areas) or halfway along (lines); if that falls outside the study area
   * (a shape that crosses its edge), the nearest point of the part inside is used instead, so
   * every pin's location stays inside the area.
   */
  private DrawnShape measured(Dialogue dialogue, ShapeKind kind, Geometry geometry, List<FieldViolation> faults) {
    Verdict v = jdbc.sql("""
            WITH given AS (SELECT ST_GeomFromText(:wkt, 4326) AS g),
                 fixed AS (SELECT g, ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason, ST_IsSimple(g) AS simple,
                                  CASE WHEN ST_IsValid(g) THEN g ELSE ST_MakeValid(g, 'method=structure') END AS m
                           FROM given),
                 shape AS (SELECT *, CASE WHEN GeometryType(m) IN ('POLYGON', 'LINESTRING') THEN m END AS s FROM fixed),
                 area AS (SELECT study_area FROM dialogue WHERE id = :dialogue),
                 rep AS (SELECT s, CASE WHEN GeometryType(s) = 'POLYGON' THEN ST_PointOnSurface(s)
                                        ELSE ST_LineInterpolatePoint(s, 0.5) END AS p FROM shape)
            SELECT shape.valid, shape.reason, shape.simple, GeometryType(shape.m) AS repaired_type,
                   ST_AsBinary(shape.s) AS geometry,
                   CASE WHEN GeometryType(shape.s) = 'POLYGON' THEN ST_Area(shape.s::geography)
                        ELSE ST_Length(shape.s::geography) END AS size,
                   (area.study_area IS NULL OR ST_Intersects(area.study_area, shape.s)) AS touches,
                   ST_AsBinary(CASE WHEN area.study_area IS NULL OR ST_Covers(area.study_area, rep.p) THEN rep.p
                                    ELSE ST_ClosestPoint(ST_Intersection(area.study_area, shape.s), rep.p) END)
                     AS representative
            FROM shape CROSS JOIN rep LEFT JOIN area ON true""")
        .param("wkt", new WKTWriter(2).write(geometry))
        .param("dialogue", dialogue.id())
        .query((rs, row) -> new Verdict(rs.getBoolean("valid"), rs.getString("reason"), rs.getBoolean("simple"),
            rs.getString("repaired_type"), rs.getDouble("size"), rs.getBoolean("touches"),
            rs.getBytes("geometry"), rs.getBytes("representative")))
        .single();
    if (kind == ShapeKind.LINE && !v.simple()) {
      faults.add(FieldViolation.of("shape", "shape.not_simple", "The line crosses or touches itself; draw it without crossings"));
      return null;
    }
    boolean repaired = false;
    if (kind == ShapeKind.AREA && !v.valid()) {
      if (!"POLYGON".equals(v.repairedType()) || v.geometry() == null) {
        faults.add(FieldViolation.of("shape", "shape.invalid",
            "The area is not valid (" + v.reason() + ") and cannot be repaired into one area; draw it without crossings"));
        return null;
      }
      repaired = true;
    }
    if (kind == ShapeKind.LINE && v.size() < MIN_LINE_METRES) {
      faults.add(FieldViolation.of("shape", "shape.degenerate", "The line has no length"));
      return null;
    }
    if (kind == ShapeKind.AREA && v.size() < MIN_AREA_SQUARE_METRES) {
      faults.add(FieldViolation.of("shape", "shape.degenerate", "The area has no surface"));
      return null;
    }
    if (kind == ShapeKind.LINE && v.size() > MAX_LINE_METRES) {
      faults.add(FieldViolation.of("shape", "shape.too_long", "The line is " + Math.round(v.size() / 1000)
          + " km long; at most " + Math.round(MAX_LINE_METRES / 1000) + " km"));
      return null;
    }
    if (kind == ShapeKind.AREA && v.size() > MAX_AREA_SQUARE_METRES) {
      faults.add(FieldViolation.of("shape", "shape.too_large", "The area is " + squareKm(v.size())
          + " km²; at most " + squareKm(MAX_AREA_SQUARE_METRES) + " km²"));
      return null;
    }
    if (!v.touches()) {
      faults.add(FieldViolation.of("shape", "shape.outside_study_area",
          "The shape is outside the area of this dialogue; it must lie inside or cross it"));
      return null;
    }
    try {
      WKBReader reader = new WKBReader(Wgs84.FACTORY);
      Geometry stored = reader.read(v.geometry());
      Point representative = (Point) reader.read(v.representative());
      return new DrawnShape(kind, stored, representative, repaired);
    } catch (ParseException e) {
      throw new IllegalStateException("PostGIS returned WKB that JTS cannot read", e);
    }
  }

  private static String squareKm(double m2) {
    double km2 = m2 / 1_000_000;
    return km2 >= 100 ? String.valueOf(Math.round(km2)) : String.format(java.util.Locale.ROOT, "%.1f", km2);
  }
}
