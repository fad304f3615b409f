package org.dialogkarta.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * proj4j in Java against PostGIS ST_Transform in the real database, to the centimetre: points
 * across Sweden from WGS84 into SWEREF 99 TM, a local SWEREF zone and Web Mercator, and back.
 */
@IntegrationTest
class CrsTransformTest {

  @Autowired JdbcClient jdbc;

  @ParameterizedTest(name = "{0} {1} to EPSG:{2}")
  @CsvSource({
      "16.18, 58.59, 3006", "11.97, 57.71, 3006", "18.07, 59.33, 3006", "20.26, 67.86, 3006", "13.0, 55.6, 3006",
      "16.18, 58.59, 3010", "18.07, 59.33, 3011", "16.18, 58.59, 3857", "24.1, 65.8, 3006"})
  void fromWgs84AsPostgisDoes(double lon, double lat, int srid) {
    double[] postgis = postgis(lon, lat, 4326, srid);
    double[] ours = CrsTransform.between(4326, srid).apply(lon, lat);
    assertThat(ours[0]).as("easting").isCloseTo(postgis[0], within(0.01));
    assertThat(ours[1]).as("northing").isCloseTo(postgis[1], within(0.01));

    double[] back = CrsTransform.between(srid, 4326).apply(ours[0], ours[1]);
    // A centimetre is about 1e-7 degrees of latitude and 2e-7 of longitude up here.
    assertThat(back[0]).as("longitude first").isCloseTo(lon, within(1e-7));
    assertThat(back[1]).isCloseTo(lat, within(1e-7));
  }

  @ParameterizedTest(name = "{0} {1} from 3006")
  @CsvSource({"568600, 6495400", "319180, 6399862", "674032, 6580822", "900000, 7400000"})
  void toWgs84AsPostgisDoes(double x, double y) {
    double[] postgis = postgis(x, y, 3006, 4326);
    double[] ours = CrsTransform.between(3006, 4326).apply(x, y);
    assertThat(ours[0]).as("lon").isCloseTo(postgis[0], within(1e-7));
    assertThat(ours[1]).as("lat").isCloseTo(postgis[1], within(1e-7));
  }

  @org.junit.jupiter.api.Test
  void geometriesKeepTheirShapeAndGetTheTargetSrid() {
    GeometryFactory factory = new GeometryFactory();
    Polygon square = factory.createPolygon(new Coordinate[] {new Coordinate(568600, 6495400),
        new Coordinate(568700, 6495400), new Coordinate(568700, 6495500), new Coordinate(568600, 6495500),
        new Coordinate(568600, 6495400)});
    Geometry wgs84 = CrsTransform.between(3006, 4326).apply(square);
    assertThat(wgs84.getSRID()).isEqualTo(4326);
    assertThat(wgs84.getCoordinates()[2].x).isCloseTo(postgis(568700, 6495500, 3006, 4326)[0], within(1e-7));
    assertThat(square.getCoordinates()[0].x).as("input untouched").isEqualTo(568600);
    Geometry back = CrsTransform.between(4326, 3006).apply(wgs84);
    assertThat(back.getArea()).isCloseTo(10_000, within(0.01));
  }

  @org.junit.jupiter.api.Test
  void unknownCodesAreRefused() {
    assertThatThrownBy(() -> CrsTransform.between(3006, 999_999)).isInstanceOf(IllegalArgumentException.class);
  }

  private double[] postgis(double x, double y, int from, int to) {
    return jdbc.sql("SELECT ST_X(p), ST_Y(p) FROM ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), :from), :to) p")
        .param("x", x).param("y", y).param("from", from).param("to", to)
        .query((rs, row) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
  }
}
