package org.dialogkarta.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Drawn lines and areas leave as layers of one geometry type each ({@code pin_lines},
 * {@code pin_areas}) in GeoPackage and Shapefile, read back by GDAL in SWEREF 99 TM; hidden ones
 * stay inside; the pins layer keeps every pin at its (representative) point.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportShapesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @TempDir Path dir;

  TestData.Dialogue dialogue;
  String gis;

  @BeforeAll
  void data() {
    dialogue = new TestData(jdbc).openDialogue();
    gis = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.GIS));
    shape("Bussen borde gå här", "LINESTRING(16.16 58.58, 16.17 58.58, 16.18 58.585)", "published");
    shape("Hela kvarteret behöver belysning",
        "POLYGON((16.16 58.59, 16.165 58.59, 16.165 58.595, 16.16 58.595, 16.16 58.59))", "published");
    shape("DOLD-linje", "LINESTRING(16.15 58.58, 16.155 58.58)", "hidden");
  }

  private ExportFixture.Download get(String file, String query) {
    ExportFixture.Download d = ExportFixture.download(port, "/api/v1/exports/" + file + "?dialogue="
        + dialogue.slug() + query, gis, dir);
    assertThat(d.status()).isEqualTo(200);
    return d;
  }

  @Test
  void geoPackageHasALayerPerGeometryTypeInSwerefTm() {
    String file = get("pins.gpkg", "&layers=pin_lines,pin_areas").as("gpkg").toString();
    assertThat(Gdal.run("ogrinfo", "-ro", "-q", file)).contains("pins (Point)", "pin_lines (Line String)",
        "pin_areas (Polygon)");
    assertThat(Gdal.summary(file, "pin_lines")).contains("Geometry: Line String", "Feature Count: 1", "ID[\"EPSG\",3006]");
    assertThat(Gdal.summary(file, "pin_areas")).contains("Geometry: Polygon", "Feature Count: 1", "ID[\"EPSG\",3006]");
    assertThat(Gdal.summary(file, "pins")).contains("Feature Count: 2");
    String lines = Gdal.features(file, "pin_lines");
    double[] start = Gdal.transform(16.16, 58.58, 3006);
    assertThat(lines).contains("Bussen borde gå här").doesNotContain("DOLD-linje")
        .containsPattern("LINESTRING \\(" + (long) start[0] + "\\.\\d+ " + (long) start[1]);
  }

  @Test
  void shapefilesHoldOneTypeEach() {
    Path lines = get("pin_lines.shp.zip", "").as("zip");
    assertThat(Gdal.summary("/vsizip/" + lines + "/pin_lines.shp")).contains("Geometry: Line String",
        "Feature Count: 1", "SWEREF99 TM");
    Path areas = get("pin_areas.shp.zip", "").as("zip");
    assertThat(Gdal.summary("/vsizip/" + areas + "/pin_areas.shp")).contains("Geometry: Polygon", "Feature Count: 1");
    assertThat(Gdal.features("/vsizip/" + areas + "/pin_areas.shp")).contains("Hela kvarteret behöver belysning");
  }

  private void shape(String text, String wkt, String state) {
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, drawn_shape, category, text, moderation_state, status)
            SELECT :d, CASE WHEN GeometryType(g) = 'POLYGON' THEN ST_PointOnSurface(g) ELSE ST_LineInterpolatePoint(g, 0.5) END,
                   g, 'suggestion', :text, :state, 'received'
            FROM (SELECT ST_GeomFromText(:wkt, 4326) AS g) s""")
        .param("d", dialogue.id()).param("text", text).param("state", state).param("wkt", wkt).update();
  }
}
