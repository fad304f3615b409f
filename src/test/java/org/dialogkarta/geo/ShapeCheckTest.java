package org.dialogkarta.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.geo.ShapeCheck.Fault;
import org.dialogkarta.geo.ShapeCheck.Limits;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared shape rules on their own, against the real PostGIS: the order they judge in, the
 * repair only when allowed, points covered by the study area, the margin beyond it, and the size
 * limits (also without a study area).
 */
@IntegrationTest
class ShapeCheckTest {

  private static final Geometry AREA = wkt("POLYGON((16.14 58.57, 16.22 58.57, 16.22 58.61, 16.14 58.61, 16.14 58.57))");
  private static final Limits REPAIRING = new Limits(1, 20_000, 1, 10_000_000, null, true);
  private static final Limits WITH_MARGIN = new Limits(0, Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY, 2_000.0, false);
  /** A square with a spike up and back along one edge: invalid, but ST_MakeValid gives one polygon. */
  private static final Geometry SPIKE = wkt("POLYGON((16.16 58.58, 16.17 58.58, 16.17 58.585, 16.165 58.585, "
      + "16.165 58.59, 16.165 58.585, 16.16 58.585, 16.16 58.58))");
  private static final Geometry BOW_TIE = wkt("POLYGON((16.16 58.58, 16.17 58.59, 16.17 58.58, 16.16 58.59, 16.16 58.58))");

  @Autowired ShapeCheck check;

  @Test
  void anAreaIsRepairedOnlyWhenTheCallerAllowsItAndTheResultIsOnePolygon() {
    ShapeCheck.Verdict repaired = check.check(SPIKE, AREA, REPAIRING);
    assertThat(repaired.passed()).isTrue();
    assertThat(repaired.repaired()).isTrue();
    assertThat(repaired.geometry().isValid()).isTrue();
    assertThat(repaired.geometry().getGeometryType()).isEqualTo("Polygon");
    assertThat(repaired.geometry().covers(repaired.representative())).isTrue();
    assertThat(check.check(SPIKE, AREA, WITH_MARGIN).fault()).isEqualTo(Fault.INVALID);
    ShapeCheck.Verdict bowTie = check.check(BOW_TIE, AREA, REPAIRING);
    assertThat(bowTie.fault()).isEqualTo(Fault.INVALID);
    assertThat(bowTie.message()).contains("Self-intersection");
    // Invalid is judged before outside: a bow tie far away is still "invalid".
    assertThat(check.check(wkt("POLYGON((10 50, 11 51, 11 50, 10 51, 10 50))"), AREA, REPAIRING).fault())
        .isEqualTo(Fault.INVALID);
  }

  @Test
  void aPointIsInsideWhenTheAreaCoversItALineOrAreaWhenItTouches() {
    assertThat(check.check(wkt("POINT(16.18 58.59)"), AREA, WITH_MARGIN).passed()).isTrue();
    assertThat(check.check(wkt("POINT(16.30 58.59)"), AREA, WITH_MARGIN).fault()).isEqualTo(Fault.OUTSIDE_STUDY_AREA);
    // Crossing the edge, 0.01° (about 600 m) beyond: inside by touching, and within the margin.
    ShapeCheck.Verdict crossing = check.check(wkt("LINESTRING(16.21 58.59, 16.23 58.59)"), AREA, WITH_MARGIN);
    assertThat(crossing.passed()).isTrue();
    assertThat(AREA.covers(crossing.representative())).as("the representative point is moved inside").isTrue();
    // Crossing the edge, but 0.1° (about 6 km) beyond it: past the margin.
    assertThat(check.check(wkt("LINESTRING(16.21 58.59, 16.32 58.59)"), AREA, WITH_MARGIN).fault())
        .isEqualTo(Fault.BEYOND_MARGIN);
    assertThat(check.check(wkt("LINESTRING(16.30 58.59, 16.31 58.59)"), AREA, WITH_MARGIN).fault())
        .isEqualTo(Fault.OUTSIDE_STUDY_AREA);
  }

  @Test
  void linesMustBeSimpleAndEverySizeLimitHoldsAlsoWithoutAStudyArea() {
    assertThat(check.check(wkt("LINESTRING(16.16 58.58, 16.17 58.59, 16.17 58.58, 16.16 58.59)"), AREA, REPAIRING).fault())
        .isEqualTo(Fault.NOT_SIMPLE);
    assertThat(check.check(wkt("LINESTRING(16.16 58.58, 16.160001 58.58)"), AREA, REPAIRING).fault())
        .isEqualTo(Fault.DEGENERATE);
    assertThat(check.check(wkt("LINESTRING(16.15 58.58, 16.60 58.58)"), null, REPAIRING).fault()).isEqualTo(Fault.TOO_LONG);
    assertThat(check.check(wkt("POLYGON((10.5 55, 24.5 55, 24.5 69.5, 10.5 69.5, 10.5 55))"), null, REPAIRING).fault())
        .isEqualTo(Fault.TOO_LARGE);
    // No study area and no limits hit: anywhere on the globe passes.
    assertThat(check.check(wkt("LINESTRING(10 50, 10.01 50.01)"), null, REPAIRING).passed()).isTrue();
  }

  private static Geometry wkt(String text) {
    try {
      Geometry g = new WKTReader(Wgs84.FACTORY).read(text);
      g.setSRID(Wgs84.SRID);
      return g;
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
