package org.dialogkarta.area;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.geo.StudyAreaReader;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks a neighbourhood boundary (already in WGS84) and repairs it only when the repair cannot
 * change what the planner meant. The test is the area: each ring's own enclosed area (the
 * shoelace sum, which a self-touching ring, a spike or a repeated vertex does not change) must
 * equal the area of JTS's {@link GeometryFixer} result. A bow-tie fails it (its two lobes cancel
 * in the shoelace sum but both survive the fix, so which lobe was meant is a guess), and so does a
 * hole outside its shell; those are refused with JTS's reason and where it is. Parts of a
 * MultiPolygon that overlap are merged, which is what the union of the parts means.
 */
final class Boundaries {

  /** Relative difference of areas still taken as equal (rounding in the fixer's noding). */
  private static final double SAME_AREA = 1e-9;

  record Checked(MultiPolygon boundary, String repair) {}

  private Boundaries() {}

  static Checked check(UploadedFeature f, Geometry g) {
    if (g == null || g.isEmpty()) {
      throw NeighbourhoodDraft.refuse(f, "neighbourhoods.geometry_missing", "has no geometry");
    }
    MultiPolygon area;
    try {
      area = StudyAreaReader.polygons(g, f.field(), "neighbourhoods");
    } catch (InvalidInputException e) {
      throw NeighbourhoodDraft.refuse(f, "neighbourhoods.not_polygon",
          "has a " + g.getGeometryType() + " geometry; a neighbourhood boundary must be a Polygon or MultiPolygon");
    }
    TopologyValidationError error = new IsValidOp(area).getValidationError();
    if (error == null) {
      return new Checked(area, null);
    }
    String reason = error.getMessage() + " near " + round(error.getCoordinate());
    List<Polygon> fixed = new ArrayList<>();
    for (int i = 0; i < area.getNumGeometries(); i++) {
      Polygon p = (Polygon) area.getGeometryN(i);
      Geometry repaired = GeometryFixer.fix(p);
      if (!(repaired instanceof Polygonal) || repaired.isEmpty() || !sameArea(intendedArea(p), repaired.getArea())) {
        throw NeighbourhoodDraft.refuse(f, "neighbourhoods.invalid_polygon", "is not a valid polygon ("
            + reason + ") and cannot be repaired without guessing which part was meant: fix it in your GIS");
      }
      for (int j = 0; j < repaired.getNumGeometries(); j++) {
        fixed.add((Polygon) repaired.getGeometryN(j));
      }
    }
    Geometry union = GeometryFixer.fix(Wgs84.FACTORY.createMultiPolygon(fixed.toArray(Polygon[]::new)));
    MultiPolygon result = StudyAreaReader.polygons(union, f.field(), "neighbourhoods");
    return new Checked(result, reason);
  }

  /** The area each ring encloses by the shoelace formula, holes taken out. */
  private static double intendedArea(Polygon p) {
    double area = Math.abs(Area.ofRingSigned(p.getExteriorRing().getCoordinates()));
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      area -= Math.abs(Area.ofRingSigned(p.getInteriorRingN(i).getCoordinates()));
    }
    return area;
  }

  private static boolean sameArea(double intended, double fixed) {
    return intended > 0 && Math.abs(intended - fixed) <= SAME_AREA * intended;
  }

  private static String round(Coordinate c) {
    return c == null ? "?" : "%.6f, %.6f".formatted(c.x, c.y);
  }
}
