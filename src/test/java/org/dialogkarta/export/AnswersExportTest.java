package org.dialogkarta.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The answers to a dialogue's questions in exports, read by GDAL's ogrinfo: a table without
 * geometry in the GeoPackage that joins to the pins by id, the map answers as a layer, the same
 * table as CSV; a hidden pin's answers are not there, and no receipt is.
 */
@IntegrationTest
class AnswersExportTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @TempDir Path dir;

  private long question(long dialogue, int position, String kind, String label, String category, String options) {
    long id = jdbc.sql("INSERT INTO question (dialogue_id, position) VALUES (:d, :p) RETURNING id")
        .param("d", dialogue).param("p", position).query(Long.class).single();
    jdbc.sql("""
            INSERT INTO question_version (question_id, version, kind, label_sv, category, options)
            VALUES (:q, 1, :kind, :label, :category, CAST(:options AS jsonb))""")
        .param("q", id).param("kind", kind).param("label", label).param("category", category).param("options", options).update();
    return id;
  }

  @Test
  void geoPackageAndCsvHoldTheAnswersJoinedToPins() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    long d = dialogue.id();
    long often = question(d, 0, "multiple_choice", "Hur reser du?", null,
        "[{\"code\": \"bus\", \"sv\": \"Med buss\"}, {\"code\": \"bike\", \"sv\": \"Med cykel\"}]");
    long where = question(d, 1, "map_area", "Vilket område?", null, "[]");
    long lit = question(d, 2, "short_text", "Vilken lampa är trasig?", "safety_concern", "[]");
    Api api = new Api(port);
    assertThat(api.postJson("/api/v1/dialogues/" + d + "/responses", "{\"answers\": [{\"question\": " + often
        + ", \"value\": [\"bike\", \"bus\"]}, {\"question\": " + where + ", \"value\": {\"type\": \"Polygon\", \"coordinates\": "
        + "[[[16.15, 58.58], [16.17, 58.58], [16.17, 58.59], [16.15, 58.58]]]}}]}").status()).isEqualTo(201);
    String pin = Api.pinJson("safety_concern", "Mörkt här", 16.18, 58.59);
    Api.Response shown = api.postJson("/api/v1/dialogues/" + d + "/pins",
        pin.substring(0, pin.length() - 1) + ", \"answers\": [{\"question\": " + lit + ", \"value\": \"Lampan vid ån\"}]}");
    Api.Response hidden = api.postJson("/api/v1/dialogues/" + d + "/pins",
        pin.substring(0, pin.length() - 1) + ", \"answers\": [{\"question\": " + lit + ", \"value\": \"DOLT-SVAR\"}]}");
    assertThat(shown.status()).isEqualTo(201);
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden', moderation_reason = 'test' WHERE id = :p")
        .param("p", hidden.json().get("id").asLong()).update();

    String gis = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.GIS));
    ExportFixture.Download download = ExportFixture.download(port, "/api/v1/exports/pins.gpkg?dialogue=" + dialogue.slug()
        + "&layers=answers,answer_places", gis, dir);
    assertThat(download.status()).isEqualTo(200);
    String file = download.as("gpkg").toString();
    String layers = Gdal.run("ogrinfo", "-ro", "-q", file);
    assertThat(layers).contains("pins (Point)", "answers (None)", "answer_places");
    assertThat(Gdal.summary(file, "answers")).contains("Feature Count: 3", "Geometry: None");
    String answers = Gdal.features(file, "answers");
    assertThat(answers).contains("question (String) = Hur reser du?",
        "value (String) = Med cykel; Med buss", "codes (String) = bike;bus", "value (String) = Lampan vid ån",
        "value (String) = POLYGON").doesNotContain("DOLT-SVAR", "receipt");
    // Joined to the pins by id, as QGIS or a script would.
    assertThat(Gdal.run("ogrinfo", "-ro", "-q", file, "-sql",
        "SELECT p.text, a.value FROM answers a JOIN pins p ON p.id = a.pin_id"))
        .contains("text (String) = Mörkt här", "value (String) = Lampan vid ån");
    // One receipt, one respondent: the visit's two answers share a number.
    assertThat(Gdal.run("ogrinfo", "-ro", "-q", file, "-sql",
        "SELECT count(DISTINCT respondent) AS n FROM answers WHERE pin_id IS NULL")).contains("n (Integer) = 1");
    String places = Gdal.summary(file, "answer_places");
    assertThat(places).contains("Feature Count: 1", "SWEREF99 TM");

    ExportFixture.Download csv = ExportFixture.download(port, "/api/v1/exports/answers.csv?dialogue=" + dialogue.slug(), gis, dir);
    assertThat(csv.status()).isEqualTo(200);
    String csvFile = csv.as("csv").toString();
    assertThat(Gdal.summary(csvFile)).contains("Feature Count: 3");
    assertThat(Gdal.features(csvFile)).contains("value (String) = Lampan vid ån").doesNotContain("DOLT-SVAR");

    for (String refused : List.of("answers.geojson", "answers.kml", "answers.shp.zip")) {
      ExportFixture.Download r = ExportFixture.download(port, "/api/v1/exports/" + refused + "?dialogue=" + dialogue.slug(), gis, dir);
      assertThat(r.status()).as(refused).isEqualTo(422);
    }
  }
}
