package org.dialogkarta.geo;

import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one set of rules for a point, line or area a citizen draws on a dialogue's map, used by the
 * pins drawn as lines and areas ({@code pin.ShapeRules}) and by the map answers to the dialogue's
 * questions ({@code survey.MapAnswerChecks}). The callers parse the GeoJSON and count vertices
 * against {@link #MAX_VERTICES} before anything reaches PostGIS; this class then asks PostGIS in one
 * round trip and judges in one order: valid (an area may be repaired by
 * {@code ST_MakeValid(…, 'method=structure')} when the caller allows it and the result is still one
 * polygon), a line simple, not degenerate, not too long or large (measured on the spheroid), inside
 * the study area (a point covered by it, a line or area touching it) and, when the caller gives a
 * margin, not reaching farther than that beyond it. The first fault found is the answer; each
 * caller names the field and the problem code ({@code shape.*} for pins, {@code answer.*} for
 * answers), so their problem details stay as they were.
 */
@Component
public class ShapeCheck {

  /** The most vertices a drawn line or area may have (the ring's closing position not counted). */
  public static final int MAX_VERTICES = 500;

  /** What is wrong with a shape, in the order the rules look. */
  public enum Fault {
    /** Not a valid geometry and not repaired (an area crossing itself, a line of one point). */
    INVALID,
    /** A line that crosses or touches itself. */
    NOT_SIMPLE,
    /** A line without length or an area without surface. */
    DEGENERATE,
    /** A line longer than the limit. */
    TOO_LONG,
    /** An area larger than the limit. */
    TOO_LARGE,
    /** A point outside the study area, or a line or area that does not touch it. */
    OUTSIDE_STUDY_AREA,
    /** A line or area that reaches farther beyond the study area than the margin. */
    BEYOND_MARGIN
  }

  /**
   * The caller's limits. minLineMetres/minAreaSquareMetres: shorter or smaller is degenerate;
   * maxLineMetres/maxAreaSquareMetres: the largest (infinity: none); marginMetres: how far beyond
   * the study area a line or area may reach (null: no such rule); repairAreas: an invalid area that
   * ST_MakeValid turns into one polygon is taken, repaired.
   */
  public record Limits(double minLineMetres, double maxLineMetres, double minAreaSquareMetres,
      double maxAreaSquareMetres, Double marginMetres, boolean repairAreas) {}

  /**
   * The judgement: fault null when the shape passes. message: in English, for the problem's
   * detail; geometry: the shape to store (repaired when {@code repaired}); representative: the
   * point on the surface or halfway along, moved into the study area when it falls outside it.
   */
  public record Verdict(Fault fault, String message, Geometry geometry, Point representative, boolean repaired) {

    public boolean passed() {
      return fault == null;
    }

    static Verdict refused(Fault fault, String message) {
      return new Verdict(fault, message, null, null, false);
    }
  }

  private final JdbcClient jdbc;
  private final MetricCrs metric;

  ShapeCheck(JdbcClient jdbc, MetricCrs metric) {
    this.jdbc = jdbc;
    this.metric = metric;
  }

  private record Found(boolean valid, String reason, boolean simple, String type, double size, boolean inside,
      boolean near, byte[] geometry, byte[] representative) {}

  /**
   * Judges a Point, LineString or Polygon in WGS84 against a study area (null: a dialogue without
   * one, where only the size limits hold).
   */
  public Verdict check(Geometry shape, Geometry studyArea, Limits limits) {
    String type = shape.getGeometryType().toUpperCase(Locale.ROOT);
    Found f = jdbc.sql("""
            WITH given AS (SELECT ST_GeomFromText(:wkt, 4326) AS g,
                                  ST_GeomFromWKB(CAST(:area AS bytea), 4326) AS area),
                 judged AS (SELECT g, area, ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason,
                                   ST_IsSimple(g) AS simple FROM given),
                 shape AS (SELECT *, CASE WHEN valid THEN g
                                          WHEN :repair AND GeometryType(g) = 'POLYGON'
                                               AND GeometryType(ST_MakeValid(g, 'method=structure')) = 'POLYGON'
                                            THEN ST_MakeValid(g, 'method=structure') END AS s FROM judged),
                 rep AS (SELECT CASE GeometryType(s) WHEN 'POLYGON' THEN ST_PointOnSurface(s)
                                                     WHEN 'LINESTRING' THEN ST_LineInterpolatePoint(s, 0.5)
                                                     ELSE s END AS p FROM shape)
            SELECT valid, reason, simple, GeometryType(s) AS type, ST_AsBinary(s) AS geometry,
                   CASE GeometryType(s) WHEN 'POLYGON' THEN ST_Area(s::geography)
                                        WHEN 'LINESTRING' THEN ST_Length(s::geography) ELSE 0 END AS size,
                   area IS NULL OR (CASE WHEN GeometryType(s) = 'POINT' THEN ST_Covers(area, s)
                                         ELSE ST_Intersects(area, s) END) AS inside,
                   area IS NULL OR CAST(:margin AS float8) IS NULL
                     OR ST_CoveredBy(s, ST_Transform(ST_Buffer(ST_Transform(area, :srid), CAST(:margin AS float8)), 4326))
                     AS near,
                   ST_AsBinary(CASE WHEN area IS NULL OR ST_Covers(area, p) THEN p
                                    ELSE ST_ClosestPoint(ST_Intersection(area, s), p) END) AS representative
            FROM shape CROSS JOIN rep""")
        .param("wkt", new WKTWriter(2).write(shape))
        .param("area", studyArea == null ? null : new WKBWriter(2).write(studyArea))
        .param("repair", limits.repairAreas())
        .param("margin", limits.marginMetres())
        .param("srid", metric.srid())
        .query((rs, row) -> new Found(rs.getBoolean("valid"), rs.getString("reason"), rs.getBoolean("simple"),
            rs.getString("type"), rs.getDouble("size"), rs.getBoolean("inside"), rs.getBoolean("near"),
            rs.getBytes("geometry"), rs.getBytes("representative")))
        .single();
    return judge(type, f, limits);
  }

  private static Verdict judge(String type, Found f, Limits limits) {
    boolean line = "LINESTRING".equals(type);
    boolean area = "POLYGON".equals(type);
    if (f.geometry() == null) {
      return Verdict.refused(Fault.INVALID, area
          ? "The area is not valid (" + f.reason() + ") and cannot be repaired into one area; draw it without crossings"
          : "The shape is not valid (" + f.reason() + "); draw it again");
    }
    if (line && !f.simple()) {
      return Verdict.refused(Fault.NOT_SIMPLE, "The line crosses or touches itself; draw it without crossings");
    }
    if (line && f.size() < limits.minLineMetres()) {
      return Verdict.refused(Fault.DEGENERATE, "The line has no length");
    }
    if (area && f.size() < limits.minAreaSquareMetres()) {
      return Verdict.refused(Fault.DEGENERATE, "The area has no surface");
    }
    if (line && f.size() > limits.maxLineMetres()) {
      return Verdict.refused(Fault.TOO_LONG, "The line is " + Math.round(f.size() / 1000) + " km long; at most "
          + Math.round(limits.maxLineMetres() / 1000) + " km");
    }
    if (area && f.size() > limits.maxAreaSquareMetres()) {
      return Verdict.refused(Fault.TOO_LARGE, "The area is " + squareKm(f.size()) + " km²; at most "
          + squareKm(limits.maxAreaSquareMetres()) + " km²");
    }
    if (!f.inside()) {
      return Verdict.refused(Fault.OUTSIDE_STUDY_AREA, line || area
          ? "The shape is outside the area of this dialogue; it must lie inside or cross it"
          : "The place is outside the area of this dialogue");
    }
    if (!f.near()) {
      return Verdict.refused(Fault.BEYOND_MARGIN, "The shape reaches more than "
          + Math.round(limits.marginMetres()) + " m beyond the area of this dialogue");
    }
    try {
      WKBReader reader = new WKBReader(Wgs84.FACTORY);
      return new Verdict(null, null, reader.read(f.geometry()), (Point) reader.read(f.representative()), !f.valid());
    } catch (ParseException e) {
      throw new IllegalStateException("PostGIS returned WKB that JTS cannot read", e);
    }
  }

  private static String squareKm(double m2) {
    double km2 = m2 / 1_000_000;
    return km2 >= 100 ? String.valueOf(Math.round(km2)) : String.format(Locale.ROOT, "%.1f", km2);
  }
}
