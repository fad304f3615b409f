package org.dialogkarta.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.area.Upload.collection;
import static org.dialogkarta.area.Upload.feature;
import static org.dialogkarta.area.Upload.square;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.Problems;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every kind of bad neighbourhood file gets a 422 that names the file or the feature and says why,
 * and nothing of it is stored (a good feature next to a bad one is not stored either).
 */
@IntegrationTest
class NeighbourhoodRefusalsTest {

  private static final double LON = 17.3;
  private static final double LAT = 58.0;
  private static final String GOOD = feature("BAD-OK", "Bra", 10, square(LON, LAT, 0.01), null);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private String planner;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    jdbc.sql("DELETE FROM neighbourhood WHERE code LIKE 'BAD-%'").update();
  }

  static Stream<Arguments> badFiles() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    byte[] sqliteNoGpkg = Arrays.copyOf("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 4096);
    return Stream.of(
        Arguments.of("empty file", "a.geojson", new byte[0], "neighbourhoods.file_empty", "file", null),
        Arguments.of("only white space", "a.geojson", bytes("  \n "), "neighbourhoods.file_empty", "file", null),
        Arguments.of("a PNG called .gpkg", "a.gpkg", png, "neighbourhoods.file_type", "file", null),
        Arguments.of("a shapefile .dbf called .geojson", "a.geojson", new byte[] {3, 126, 5, 1, 0, 0},
            "neighbourhoods.file_type", "file", null),
        Arguments.of("SQLite but no GeoPackage", "a.gpkg", sqliteNoGpkg, "neighbourhoods.file_type", "file", null),
        Arguments.of("broken JSON", "a.geojson", bytes("{\"type\": \"FeatureCollection\", \"features\": ["),
            "neighbourhoods.malformed", "file", null),
        Arguments.of("a bare geometry", "a.geojson", bytes(square(LON, LAT, 0.01)),
            "neighbourhoods.not_feature_collection", "file", null),
        Arguments.of("no features", "a.geojson", bytes(collection()), "neighbourhoods.no_features", "file", null),
        Arguments.of("missing name", "a.geojson",
            bytes(collection(GOOD, feature("BAD-1", null, null, square(LON, LAT, 0.01), null))),
            "neighbourhoods.name_missing", "features[1]", "BAD-1"),
        Arguments.of("missing code", "a.geojson",
            bytes(collection(GOOD, feature(null, "Utan kod", null, square(LON, LAT, 0.01), null))),
            "neighbourhoods.code_missing", "features[1]", "Feature 1"),
        Arguments.of("duplicate code", "a.geojson",
            bytes(collection(GOOD, feature("BAD-OK", "Igen", null, square(LON + 0.1, LAT, 0.01), null))),
            "neighbourhoods.duplicate_code", "features[1]", "BAD-OK"),
        Arguments.of("a line, not a polygon", "a.geojson", bytes(collection(GOOD, feature("BAD-L", "Linje", null,
                "{\"type\":\"LineString\",\"coordinates\":[[17.3,58.0],[17.4,58.1]]}", null))),
            "neighbourhoods.not_polygon", "features[1]", "BAD-L"),
        Arguments.of("no geometry", "a.geojson", bytes(collection(GOOD, feature("BAD-N", "Ingen", null, "null", null))),
            "neighbourhoods.geometry_missing", "features[1]", "BAD-N"),
        Arguments.of("SWEREF 99 TM metres in GeoJSON", "a.geojson", bytes(collection(GOOD, feature("BAD-M", "Meter",
                null, Upload.polygon(570000, 6430000, 571000, 6430000, 571000, 6431000, 570000, 6430000), null))),
            "neighbourhoods.not_wgs84", "features[1]", "SWEREF 99 TM"),
        Arguments.of("a crs that is no EPSG code", "a.geojson", bytes("{\"type\":\"FeatureCollection\","
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:x:local:grid\"}},\"features\":[" + GOOD + "]}"),
            "neighbourhoods.crs_unknown", "file", null),
        Arguments.of("an EPSG code too long to be one", "a.geojson", bytes("{\"type\":\"FeatureCollection\","
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG::99999999999\"}},\"features\":[" + GOOD + "]}"),
            "neighbourhoods.crs_unknown", "file", null),
        Arguments.of("negative population", "a.geojson",
            bytes(collection(GOOD, feature("BAD-P", "Minus", -3, square(LON + 0.1, LAT, 0.01), null))),
            "neighbourhoods.population_invalid", "features[1]", "BAD-P"),
        Arguments.of("fractional group", "a.geojson", bytes(collection(GOOD, feature("BAD-F", "Bråk", null,
                square(LON + 0.1, LAT, 0.01), "\"pop_25_44_man\":12.5"))),
            "neighbourhoods.population_invalid", "features[1]", "pop_25_44_man"),
        Arguments.of("misspelt group", "a.geojson", bytes(collection(GOOD, feature("BAD-T", "Typo", null,
                square(LON + 0.1, LAT, 0.01), "\"pop_25_45_woman\":12"))),
            "neighbourhoods.population_group", "features[1]", "pop_25_45_woman"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void isRefusedWithItsReasonAndNothingIsStored(String what, String fileName, byte[] content, String code,
      String field, String mentioned) {
    Api.Response r = Upload.post(api, planner, fileName, content);

    assertRefused(r, code, field, mentioned);
    assertThat(jdbc.sql("SELECT count(*) FROM neighbourhood WHERE code LIKE 'BAD-%'").query(Long.class).single())
        .as(what).isZero();
  }

  @Test
  void everyBadFeatureIsListedNotOnlyTheFirst() {
    Api.Response r = Upload.post(api, planner, "a.geojson", collection(
        feature("BAD-1", null, null, square(LON, LAT, 0.01), null), GOOD,
        feature(null, "Utan kod", null, square(LON, LAT, 0.01), null)));

    assertRefused(r, "neighbourhoods.name_missing", "features[0]", "BAD-1");
    assertThat(r.json().get("errors")).hasSize(2);
    assertThat(r.json().get("errors").get(1).get("field").asString()).isEqualTo("features[2]");
  }

  @Test
  void aRequestWithoutTheFilePartIsRefused() {
    assertRefused(Upload.post(api, planner, null, (byte[]) null), "neighbourhoods.file_missing", "file", null);
  }

  @Test
  void aGeoPackageWithTwoLayersIsRefused() {
    byte[] one = Upload.geoPackage(collection(GOOD), null);
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("two-layers");
      java.nio.file.Path gpkg = dir.resolve("two.gpkg");
      java.nio.file.Path extra = dir.resolve("extra.geojson");
      java.nio.file.Files.write(gpkg, one);
      java.nio.file.Files.writeString(extra, collection(feature("BAD-2", "Två", null, square(LON, LAT, 0.01), null)));
      Upload.run(java.util.List.of("ogr2ogr", "-f", "GPKG", "-update", "-nln", "vagar", gpkg.toString(), extra.toString()));
      assertRefused(Upload.post(api, planner, "two.gpkg", java.nio.file.Files.readAllBytes(gpkg)),
          "neighbourhoods.layers", "file", "stadsdelar");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void assertRefused(Api.Response r, String code, String field, String mentioned) {
    Problems.assertProblem(r, 422, code, field);
    if (mentioned != null) {
      assertThat(r.json().get("errors").get(0).get("message").asString()).contains(mentioned);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
