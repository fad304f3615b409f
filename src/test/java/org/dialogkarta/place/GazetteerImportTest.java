package org.dialogkarta.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * A planner imports the gazetteer: CSV in WGS84 and in SWEREF 99 TM, GeoPackages made by
 * ogr2ogr (WGS84 and reprojected to EPSG:3006), append and replace, the audit log. Its places have
 * the district PLACETEST-I; a replacing import removes every place, as it does for a municipality.
 */
@IntegrationTest
class GazetteerImportTest {

  static final String MARK = "PLACETEST-I";

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
    Places.removeAll(jdbc, MARK);
  }

  @AfterEach
  void tearDown() {
    Places.removeAll(jdbc, MARK);
  }

  @Test
  void semicolonCsvInWgs84WithSwedishLettersAndQuotes() {
    String csv = "\uFEFFnamn;typ;kommun;ort;lon;lat\r\n"
        + "Importgatan 5;address;Norrköping;" + MARK + ";15,901;58,569\r\n"
        + "\"Åkerö; gamla torget\";torg;Norrköping;" + MARK + ";15.905;58.570\r\n"
        + "\r\n";
    Api.Response r = GazetteerUpload.post(api, planner, "append", csv);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("imported").asInt()).isEqualTo(2);
    assertThat(r.json().get("mode").asString()).isEqualTo("append");

    JsonNode first = Places.search(api, "importgatan 5").json().get("features").get(0);
    assertThat(first.get("properties").get("label").asString()).isEqualTo("Importgatan 5, " + MARK);
    assertThat(first.get("properties").get("kind").asString()).isEqualTo("address");
    assertThat(first.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(15.901);
    assertThat(first.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(58.569);
    JsonNode square = Places.search(api, "akero gamla").json().get("features").get(0).get("properties");
    assertThat(square.get("name").asString()).isEqualTo("Åkerö; gamla torget");
    assertThat(square.get("kind").asString()).isEqualTo("square");
  }

  @Test
  void commaCsvInSwerefIsTransformedToWgs84() {
    double[] xy = GazetteerUpload.sweref(15.9, 58.568);
    String csv = "name,kind,district,x,y\n"
        + "Swerefvägen 1,address," + MARK + "," + xy[0] + "," + xy[1] + "\n";
    Api.Response r = GazetteerUpload.post(api, planner, null, csv);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode p = Places.search(api, "swerefvägen 1").json().get("features").get(0);
    // A centimetre is about 2e-7 degrees here.
    assertThat(p.get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(15.9, within(2e-7));
    assertThat(p.get("geometry").get("coordinates").get(1).asDouble()).isCloseTo(58.568, within(2e-7));
  }

  @Test
  void geoPackagePointLayersInWgs84AndSweref() {
    String geoJson = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"namn":"Paketvägen 3","district":"%s"},
           "geometry":{"type":"Point","coordinates":[16.2,58.56]}},
          {"type":"Feature","properties":{"namn":"Paketbyn","kind":"village","district":"%s"},
           "geometry":{"type":"Point","coordinates":[16.3,58.6]}}]}""".formatted(MARK, MARK);
    for (String crs : new String[] {null, "EPSG:3006"}) {
      Places.removeAll(jdbc, MARK);
      Api.Response r = GazetteerUpload.post(api, planner, "append", GazetteerUpload.geoPackage(geoJson, crs));
      assertThat(r.status()).as(crs + " " + r.body()).isEqualTo(200);
      assertThat(r.json().get("imported").asInt()).isEqualTo(2);
      JsonNode address = Places.search(api, "paketvägen 3").json().get("features").get(0);
      assertThat(address.get("properties").get("kind").asString()).as("no kind column: an address by its number")
          .isEqualTo("address");
      assertThat(address.get("geometry").get("coordinates").get(0).asDouble()).as(crs).isCloseTo(16.2, within(1e-6));
      assertThat(address.get("geometry").get("coordinates").get(1).asDouble()).as(crs).isCloseTo(58.56, within(1e-6));
      assertThat(Places.search(api, "paketbyn").json().get("features").get(0).get("properties").get("kind").asString())
          .isEqualTo("village");
    }
  }

  @Test
  void replaceRemovesWhatWasThereAppendKeepsItAndBothAreAudited() {
    Places.add(jdbc, MARK, "Gammalvägen 1", "address", 16.0, 58.5);
    long auditsBefore = audits();
    Api.Response appended = GazetteerUpload.post(api, planner, "append",
        "name;kind;district;lon;lat\nNyvägen 1;address;" + MARK + ";16.01;58.5\n");
    assertThat(appended.status()).as(appended.body()).isEqualTo(200);
    assertThat(Places.names(Places.search(api, "gammalvägen 1"))).contains("Gammalvägen 1");

    Api.Response replaced = GazetteerUpload.post(api, planner, "replace",
        "name;kind;district;lon;lat\nNyvägen 2;address;" + MARK + ";16.02;58.5\n");
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().get("total").asLong()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT count(*) FROM place").query(Long.class).single()).isEqualTo(1);
    assertThat(Places.names(Places.search(api, "gammalvägen 1"))).doesNotContain("Gammalvägen 1");
    assertThat(Places.names(Places.search(api, "nyvägen 2"))).containsExactly("Nyvägen 2");
    assertThat(audits()).isEqualTo(auditsBefore + 2);

    JsonNode summary = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/staff/places"))
        .header("Authorization", planner).GET()).json();
    assertThat(summary.get("total").asLong()).isEqualTo(1);
    assertThat(summary.get("byKind").get("address").asLong()).isEqualTo(1);
  }

  private long audits() {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'places.import'").query(Long.class).single();
  }
}
