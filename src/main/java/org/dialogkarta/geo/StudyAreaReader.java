package org.dialogkarta.geo;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads an area drawn on the map or uploaded as a GeoJSON file (a geometry, a Feature or a
 * FeatureCollection of polygons, in WGS84 as RFC 7946 says) into one valid MultiPolygon. An
 * invalid polygon is refused with JTS's reason and where it is, not silently "repaired", because
 * a repair of a self-crossing outline can drop the part the planner meant.
 */
public final class StudyAreaReader {

  private StudyAreaReader() {}

  public static MultiPolygon read(String geoJson, String field) {
    Geometry g;
    try {
      g = new GeoJsonReader(Wgs84.FACTORY).read(geoJson);
    } catch (ParseException | RuntimeException e) {
      throw InvalidInputException.of(field, "area.malformed", "Not a GeoJSON geometry, Feature or FeatureCollection");
    }
    MultiPolygon area = polygons(g, field, "area");
    requireLonLat(area, field, "area");
    TopologyValidationError error = new IsValidOp(area).getValidationError();
    if (error != null) {
      throw InvalidInputException.of(field, "area.invalid", "The area is not a valid polygon: "
          + error.getMessage() + " near " + round(error.getCoordinate()));
    }
    area.setSRID(Wgs84.SRID);
    return area;
  }

  /**
   * The polygons of a geometry as one MultiPolygon (not yet checked for validity), refused with
   * {@code <codePrefix>.not_polygon} or {@code <codePrefix>.empty}. Shared with the neighbourhood
   * import, which reads the same kind of areas with properties around them.
   */
  public static MultiPolygon polygons(Geometry g, String field, String codePrefix) {
    List<Polygon> polygons = new ArrayList<>();
    collect(g, polygons, field, codePrefix);
    if (polygons.isEmpty()) {
      throw InvalidInputException.of(field, codePrefix + ".empty", "The area has no polygon");
    }
    return Wgs84.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
  }

  /** Refuses ({@code <codePrefix>.out_of_range}) coordinates that cannot be longitude/latitude. */
  public static void requireLonLat(Geometry area, String field, String codePrefix) {
    for (Coordinate c : area.getCoordinates()) {
      if (!Wgs84.isValidLon(c.x) || !Wgs84.isValidLat(c.y)) {
        throw InvalidInputException.of(field, codePrefix + ".out_of_range",
            "Coordinates must be WGS84 [longitude, latitude]; found " + c.x + ", " + c.y);
      }
    }
  }

  private static void collect(Geometry g, List<Polygon> out, String field, String codePrefix) {
    if (g instanceof Polygon p) {
      if (!p.isEmpty()) {
        out.add(p);
      }
    } else if (g instanceof MultiPolygon || "GeometryCollection".equals(g.getGeometryType())) {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        collect(g.getGeometryN(i), out, field, codePrefix);
      }
    } else {
      throw InvalidInputException.of(field, codePrefix + ".not_polygon",
          "An area must be made of polygons, not " + g.getGeometryType());
    }
  }

  private static String round(Coordinate c) {
    return c == null ? "?" : "%.6f, %.6f".formatted(c.x, c.y);
  }
}
