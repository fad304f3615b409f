package org.dialogkarta.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.area.Upload.collection;
import static org.dialogkarta.area.Upload.feature;
import static org.dialogkarta.area.Upload.polygon;
import static org.dialogkarta.area.Upload.square;

import java.util.List;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Importing neighbourhoods from GeoJSON and GeoPackage files through the API, as a planner. Works
 * around 17.0 E, 58.0 N, where no other test puts neighbourhoods, with codes starting IMP-.
 */
@IntegrationTest
class NeighbourhoodImportTest {

  static final double LON = 17.0;
  static final double LAT = 58.0;

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
    jdbc.sql("DELETE FROM neighbourhood WHERE code LIKE 'IMP-%'").update();
    // Pins of earlier tests and runs at the same places would be counted as assigned.
    jdbc.sql("DELETE FROM pin WHERE location && ST_MakeEnvelope(16.9, 57.9, 17.1, 58.1, 4326)").update();
  }

  @Test
  void geoJsonWithPopulationIsStoredListedAndGetsItsPins() {
    TestData.Dialogue d = new TestData(jdbc).dialogue("ongoing",
        "POLYGON((16.9 57.9, 17.1 57.9, 17.1 58.1, 16.9 58.1, 16.9 57.9))", List.of("suggestion"));
    long inWest = pin(d, LON - 0.02, LAT);
    long inEast = pin(d, LON + 0.02, LAT);
    long outside = pin(d, LON, LAT + 0.05);
    String file = collection(
        feature("IMP-W", "Västra staden", 1200, square(LON - 0.02, LAT, 0.01),
            "\"pop_25_44_woman\":200,\"pop_25_44_man\":\"190\",\"pop_80_plus_other\":1"),
        feature("IMP-E", "Östra staden", null, square(LON + 0.02, LAT, 0.01), null));

    Api.Response r = Upload.post(api, planner, "stadsdelar.geojson", file);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("imported").asInt()).isEqualTo(2);
    assertThat(r.json().get("repaired")).isEmpty();
    assertThat(r.json().get("assignedPins").asLong()).isEqualTo(2);
    assertThat(neighbourhoodCodeOf(inWest)).isEqualTo("IMP-W");
    assertThat(neighbourhoodCodeOf(inEast)).isEqualTo("IMP-E");
    assertThat(neighbourhoodCodeOf(outside)).isNull();

    JsonNode west = listed("IMP-W");
    assertThat(west.get("name").asString()).isEqualTo("Västra staden");
    assertThat(west.get("population").asInt()).isEqualTo(1200);
    assertThat(west.get("populationByGroup").get("25_44").get("woman").asInt()).isEqualTo(200);
    assertThat(west.get("populationByGroup").get("25_44").get("man").asInt()).isEqualTo(190);
    assertThat(west.get("populationByGroup").get("80_plus").get("other").asInt()).isEqualTo(1);
    assertThat(listed("IMP-E").get("population").isNull()).isTrue();
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'neighbourhoods.import'"
        + " AND after::text LIKE '%IMP-W%'").query(Long.class).single()).isPositive();
  }

  @Test
  void aSecondImportReplacesByCodeAndMovesThePins() {
    TestData.Dialogue d = new TestData(jdbc).dialogue("ongoing",
        "POLYGON((16.9 57.9, 17.1 57.9, 17.1 58.1, 16.9 58.1, 16.9 57.9))", List.of("suggestion"));
    long west = pin(d, LON - 0.02, LAT);
    long east = pin(d, LON + 0.02, LAT);
    Upload.post(api, planner, "a.geojson", collection(
        feature("IMP-R", "Först", 100, square(LON - 0.02, LAT, 0.01), "\"pop_16_24_man\":10")));
    long id = listed("IMP-R").get("id").asLong();

    Api.Response r = Upload.post(api, planner, "b.geojson", collection(
        feature("IMP-R", "Sedan", 300, square(LON + 0.02, LAT, 0.01), "\"pop_65_79_woman\":40")));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode replaced = listed("IMP-R");
    assertThat(replaced.get("id").asLong()).isEqualTo(id);
    assertThat(replaced.get("name").asString()).isEqualTo("Sedan");
    assertThat(replaced.get("population").asInt()).isEqualTo(300);
    assertThat(replaced.get("populationByGroup").has("16_24")).isFalse();
    assertThat(replaced.get("populationByGroup").get("65_79").get("woman").asInt()).isEqualTo(40);
    assertThat(neighbourhoodCodeOf(west)).isNull();
    assertThat(neighbourhoodCodeOf(east)).isEqualTo("IMP-R");
    assertThat(impCount()).isEqualTo(1);
  }

  @Test
  void aGeoPackageInWgs84IsImported() {
    byte[] gpkg = Upload.geoPackage(collection(
        feature("IMP-G1", "Gpkg ett", 500, square(LON, LAT, 0.01), "\"pop_45_64_woman\":70")), null);

    Api.Response r = Upload.post(api, planner, "stadsdelar.gpkg", gpkg);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("imported").asInt()).isEqualTo(1);
    JsonNode n = listed("IMP-G1");
    assertThat(n.get("population").asInt()).isEqualTo(500);
    assertThat(n.get("populationByGroup").get("45_64").get("woman").asInt()).isEqualTo(70);
  }

  @Test
  void aSwerefGeoPackageIsTransformedBackToWhereItWas() {
    String original = square(LON, LAT, 0.01);
    byte[] gpkg = Upload.geoPackage(collection(feature("IMP-S", "Sweref", 800, original, null)), "EPSG:3006");
    assertThat(ogrinfo(gpkg)).contains("SWEREF99 TM");

    Api.Response r = Upload.post(api, planner, "sweref.gpkg", gpkg);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    double distance = jdbc.sql("""
            SELECT ST_HausdorffDistance(boundary, ST_GeomFromGeoJSON(:original))
            FROM neighbourhood WHERE code = 'IMP-S'""")
        .param("original", original).query(Double.class).single();
    assertThat(distance).as("degrees from the original corners").isLessThan(1e-7);
  }

  @Test
  void aSelfTouchingRingIsRepairedAndReported() {
    // A ring that touches itself at one point to cut out a triangle (ESRI draws holes this way):
    // its shoelace area and the fixed polygon's area agree, so the repair is not a guess.
    double s = 0.001;
    String inverted = polygon(LON, LAT, LON + 10 * s, LAT, LON + 10 * s, LAT + 10 * s, LON + 5 * s, LAT + 10 * s,
        LON + 7 * s, LAT + 5 * s, LON + 3 * s, LAT + 5 * s, LON + 5 * s, LAT + 10 * s, LON, LAT + 10 * s, LON, LAT);

    Api.Response r = Upload.post(api, planner, "x.geojson", collection(
        feature("IMP-OK", "Hel", null, square(LON + 0.05, LAT, 0.01), null),
        feature("IMP-FIX", "Lagad", null, inverted, null)));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("repaired")).hasSize(1);
    assertThat(r.json().get("repaired").get(0).get("code").asString()).isEqualTo("IMP-FIX");
    assertThat(r.json().get("repaired").get(0).get("reason").asString()).containsIgnoringCase("self-intersection");
    assertThat(jdbc.sql("SELECT ST_IsValid(boundary) AND ST_NumInteriorRings(ST_GeometryN(boundary, 1)) = 1"
        + " FROM neighbourhood WHERE code = 'IMP-FIX'").query(Boolean.class).single()).isTrue();
  }

  @Test
  void aBowTieIsRefusedAndNothingIsStored() {
    double s = 0.001;
    String bowTie = polygon(LON, LAT, LON + 10 * s, LAT + 10 * s, LON + 10 * s, LAT, LON, LAT + 10 * s, LON, LAT);

    Api.Response r = Upload.post(api, planner, "x.geojson", collection(
        feature("IMP-OK", "Hel", null, square(LON + 0.05, LAT, 0.01), null),
        feature("IMP-BOW", "Fluga", null, bowTie, null)));

    NeighbourhoodRefusalsTest.assertRefused(r, "neighbourhoods.invalid_polygon", "features[1]", "IMP-BOW");
    assertThat(r.json().get("errors").get(0).get("message").asString()).contains("Self-intersection");
    assertThat(impCount()).isZero();
  }

  private long pin(TestData.Dialogue d, double lon, double lat) {
    return jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text)
            VALUES (:d, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'suggestion', 'Här') RETURNING id""")
        .param("d", d.id()).param("lon", lon).param("lat", lat).query(Long.class).single();
  }

  private String neighbourhoodCodeOf(long pin) {
    return jdbc.sql("SELECT n.code FROM pin p LEFT JOIN neighbourhood n ON n.id = p.neighbourhood_id WHERE p.id = :id")
        .param("id", pin).query(String.class).optional().orElse(null);
  }

  private JsonNode listed(String code) {
    Api.Response r = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base()
        + "/api/v1/staff/neighbourhoods")).header("Authorization", planner).GET());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    for (JsonNode n : r.json()) {
      if (code.equals(n.get("code").asString())) {
        return n;
      }
    }
    throw new AssertionError(code + " not listed: " + r.body());
  }

  private long impCount() {
    return jdbc.sql("SELECT count(*) FROM neighbourhood WHERE code LIKE 'IMP-%'").query(Long.class).single();
  }

  private static String ogrinfo(byte[] gpkg) {
    try {
      java.nio.file.Path f = java.nio.file.Files.createTempFile("check", ".gpkg");
      java.nio.file.Files.write(f, gpkg);
      String out = Upload.run(List.of("ogrinfo", "-so", "-al", f.toString()));
      java.nio.file.Files.delete(f);
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
