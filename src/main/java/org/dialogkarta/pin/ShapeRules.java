package org.dialogkarta.pin;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.ShapeKind;
import org.dialogkarta.geo.ShapeCheck;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.FieldViolation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * Checks a drawn line or area ({@link PinSubmission.Shape}) and finds its representative point.
 * The cheap checks run in Java first (type, nesting, numbers, at most {@link #MAX_VERTICES}
 * vertices), so a huge or malformed shape never reaches PostGIS; then {@link ShapeCheck}, the
 * rules shared with the map answers to questions, asks PostGIS whether it is simple and valid,
 * repairs a self-intersecting area only when that gives one polygon, measures it on the spheroid,
 * and checks that it lies inside or crosses the study area. Every fault names {@code shape}.
 */
@Component
public class ShapeRules {

  public static final int MAX_VERTICES = ShapeCheck.MAX_VERTICES;
  /** The longest line, metres. */
  public static final double MAX_LINE_METRES = 20_000;
  /** The largest area, square metres (10 km²). */
  public static final double MAX_AREA_SQUARE_METRES = 10_000_000;
  /** Shorter lines and smaller areas are degenerate (a double tap, a sliver). */
  static final double MIN_LINE_METRES = 1;
  static final double MIN_AREA_SQUARE_METRES = 1;

  private final ShapeCheck check;

  ShapeRules(ShapeCheck check) {
    this.check = check;
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

  /** A pin's line or area: repaired when it can be, at most 20 km or 10 km², touching the study area. */
  static final ShapeCheck.Limits LIMITS = new ShapeCheck.Limits(MIN_LINE_METRES, MAX_LINE_METRES,
      MIN_AREA_SQUARE_METRES, MAX_AREA_SQUARE_METRES, null, true);

  /**
   * The shared rules ({@link ShapeCheck}) in PostGIS; a fault names {@code shape} with its
   * {@code shape.*} code. The representative point is the point on the surface (areas) or halfway
   * along (lines), moved into the study area when it falls outside it (a shape that crosses its
   * edge), so every pin's location stays inside the area.
   */
  private DrawnShape measured(Dialogue dialogue, ShapeKind kind, Geometry geometry, List<FieldViolation> faults) {
    ShapeCheck.Verdict v = check.check(geometry, dialogue.studyArea().orElse(null), LIMITS);
    if (!v.passed()) {
      faults.add(FieldViolation.of("shape", code(v.fault()), v.message()));
      return null;
    }
    return new DrawnShape(kind, v.geometry(), v.representative(), v.repaired());
  }

  private static String code(ShapeCheck.Fault fault) {
    return switch (fault) {
      case INVALID -> "shape.invalid";
      case NOT_SIMPLE -> "shape.not_simple";
      case DEGENERATE -> "shape.degenerate";
      case TOO_LONG -> "shape.too_long";
      case TOO_LARGE, BEYOND_MARGIN -> "shape.too_large";
      case OUTSIDE_STUDY_AREA -> "shape.outside_study_area";
    };
  }
}
