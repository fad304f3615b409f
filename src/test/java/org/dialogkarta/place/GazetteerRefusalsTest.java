package org.dialogkarta.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

/** Every bad gazetteer file is refused with the line and field at fault, and nothing is stored. */
@IntegrationTest
class GazetteerRefusalsTest {

  static final String MARK = "PLACETEST-R";

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
    Places.add(jdbc, MARK, "Kvarvarande 1", "address", 16.0, 58.5);
  }

  @AfterEach
  void tearDown() {
    Places.removeAll(jdbc, MARK);
  }

  @Test
  void badRowsAreNamedByLineAndFieldAndNothingIsStored() {
    String csv = "name;kind;district;lon;lat\n"
        + "Bra vägen 1;address;" + MARK + ";16.0;58.5\n"           // line 2: fine
        + ";address;" + MARK + ";16.0;58.5\n"                      // line 3: no name
        + "Konstig;palace;" + MARK + ";16.0;58.5\n"                // line 4: unknown kind
        + "Bokstäver;street;" + MARK + ";sexton;58.5\n"            // line 5: lon not a number
        + "Metervägen;street;" + MARK + ";552352;6492301\n"        // line 6: metres as lon/lat
        + "Utan plats;street;" + MARK + ";;\n"                     // line 7: no position
        + "x".repeat(201) + ";street;" + MARK + ";16.0;58.5\n";    // line 8: name too long
    Api.Response r = GazetteerUpload.post(api, planner, "replace", csv);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(fields(r)).contains("rows[3].name", "rows[4].kind", "rows[5].lon", "rows[7].location", "rows[8].name")
        .doesNotContain("rows[2].name");
    // The position check runs once every row has its values, so a second upload shows line 6.
    Api.Response metres = GazetteerUpload.post(api, planner, "replace",
        "name;kind;lon;lat\nMetervägen;street;552352;6492301\n");
    assertThat(metres.status()).isEqualTo(422);
    assertThat(fields(metres)).containsExactly("rows[2].location");
    assertThat(codes(metres)).containsExactly("places.not_wgs84");
    untouched();
  }

  @Test
  void lonLatInTheSwerefColumnsIsRefused() {
    Api.Response r = GazetteerUpload.post(api, planner, "replace", "name;kind;x;y\nFelvägen 1;address;15.9;58.568\n");
    assertThat(r.status()).isEqualTo(422);
    assertThat(codes(r)).containsExactly("places.not_sweref");
    assertThat(fields(r)).containsExactly("rows[2].location");
    untouched();
  }

  @Test
  void wrongFiles() {
    refused(GazetteerUpload.post(api, planner, "replace", new byte[0]), "file", "places.file_missing", "places.file_empty");
    refused(GazetteerUpload.post(api, planner, "replace", (byte[]) null), "file", "places.file_missing");
    refused(GazetteerUpload.post(api, planner, "replace", "name;kind\nUtan plats;street\n"), "file", "places.columns");
    refused(GazetteerUpload.post(api, planner, "replace", "lon;lat\n16;58\n"), "file", "places.columns");
    refused(GazetteerUpload.post(api, planner, "replace",
        "name;lon;lat\nK\u00e4ll;16;58\n".getBytes(StandardCharsets.ISO_8859_1)), "file", "places.encoding");
    refused(GazetteerUpload.post(api, planner, "everything", "name;lon;lat\nA;16;58\n"), "mode", "places.mode");
    refused(GazetteerUpload.post(api, planner, "replace", "name;lon;lat\n"), "file", "places.no_places");
    // A GeoPackage of polygons is not a layer of points.
    String polygons = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Ytan"},
         "geometry":{"type":"Polygon","coordinates":[[[16,58],[16.1,58],[16.1,58.1],[16,58]]]}}]}""";
    Api.Response r = GazetteerUpload.post(api, planner, "replace", GazetteerUpload.geoPackage(polygons, null));
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(codes(r)).containsExactly("places.not_point");
    // Two layers: which one holds the places? The shared GeoPackage reader says, in this import's code.
    String points = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Punkten"},
         "geometry":{"type":"Point","coordinates":[16,58]}}]}""";
    refused(GazetteerUpload.post(api, planner, "replace", GazetteerUpload.geoPackageOfTwoLayers(points)), "file",
        "places.layers");
    untouched();
  }

  @Test
  void tooManyRows() {
    StringBuilder csv = new StringBuilder("name;kind;lon;lat\n");
    for (int i = 0; i <= Gazetteer.MAX_PLACES; i++) {
      csv.append("V ").append(i).append(";address;16;58\n");
    }
    refused(GazetteerUpload.post(api, planner, "replace", csv.toString()), "file", "places.too_many");
  }

  private void refused(Api.Response r, String field, String... anyOfCodes) {
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(fields(r)).containsExactly(field);
    assertThat(codes(r)).hasSize(1).first().isIn((Object[]) anyOfCodes);
    untouched();
  }

  private void untouched() {
    assertThat(Places.names(Places.search(api, "kvarvarande 1"))).containsExactly("Kvarvarande 1");
    assertThat(jdbc.sql("SELECT count(*) FROM place WHERE district = :m").param("m", MARK).query(Long.class).single())
        .isEqualTo(1);
  }

  private static List<String> fields(Api.Response r) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : r.json().get("errors")) {
      out.add(e.get("field").asString());
    }
    return out;
  }

  private static List<String> codes(Api.Response r) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : r.json().get("errors")) {
      out.add(e.get("code").asString());
    }
    return out;
  }
}
