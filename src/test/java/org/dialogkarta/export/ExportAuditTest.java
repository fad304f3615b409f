package org.dialogkarta.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Every export is in the audit log — who, which layers, format, CRS, dialogue, when — read back
 * through the administrators' audit API, and nothing of the exported content is in it.
 */
@IntegrationTest
class ExportAuditTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @TempDir Path dir;

  @Test
  void aDownloadIsLoggedWithWhatWasAskedForAndNoneOfTheText() {
    ExportFixture fixture = new ExportFixture(jdbc);
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    String gis = staff.create(StaffRole.GIS);
    Instant before = Instant.now().minusSeconds(1);

    ExportFixture.Download d = ExportFixture.download(port,
        "/api/v1/exports/pins.csv?crs=EPSG:3010&dialogue=" + fixture.dialogue.slug(), StaffAccounts.basic(gis), dir);
    assertThat(d.status()).isEqualTo(200);

    List<JsonNode> events = auditOf(staff, gis);
    assertThat(events).hasSize(1);
    JsonNode event = events.getFirst();
    assertThat(event.get("action").asString()).isEqualTo("export.download");
    assertThat(event.get("actor").asString()).isEqualTo(gis);
    assertThat(Instant.parse(event.get("at").asString())).isBetween(before, Instant.now().plusSeconds(1));
    assertThat(event.get("targetType").asString()).isEqualTo("dialogue");
    assertThat(event.get("targetId").asLong()).isEqualTo(fixture.dialogue.id());
    JsonNode what = event.get("after");
    assertThat(what.get("layers").toString()).isEqualTo("[\"pins\"]");
    assertThat(what.get("format").asString()).isEqualTo("csv");
    assertThat(what.get("crs").asString()).isEqualTo("EPSG:3010");
    assertThat(what.get("dialogue").asLong()).isEqualTo(fixture.dialogue.id());
    assertThat(what.get("dialogueSlug").asString()).isEqualTo(fixture.dialogue.slug());
    assertNoContent(event);
  }

  @Test
  void aJobIsLoggedWhenStartedAndWhenItsFileIsFetched() throws Exception {
    ExportFixture fixture = new ExportFixture(jdbc);
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    String gis = staff.create(StaffRole.GIS);
    String auth = StaffAccounts.basic(gis);
    Api api = new Api(port);
    Api.Response started = api.postJson("/api/v1/exports/jobs", """
        {"layer": "pins", "format": "gpkg", "dialogue": "%s", "layers": "study_areas"}"""
        .formatted(fixture.dialogue.slug()), "Authorization", auth);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String jobId = started.json().get("id").asString();
    JsonNode status = started.json();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!status.get("state").asString().equals("done")) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(100);
      status = api.send(HttpRequest.newBuilder(URI.create(api.base() + started.location())).GET()
          .header("Authorization", auth)).json();
    }
    assertThat(ExportFixture.download(port, started.location() + "/file", auth, dir).status()).isEqualTo(200);

    List<JsonNode> events = auditOf(staff, gis);
    assertThat(events).extracting(e -> e.get("action").asString())
        .containsExactly("export.job_file", "export.job_start");
    for (JsonNode event : events) {
      JsonNode what = event.get("after");
      assertThat(what.get("job").asString()).isEqualTo(jobId);
      assertThat(what.get("layers").toString()).isEqualTo("[\"pins\",\"study_areas\"]");
      assertThat(what.get("format").asString()).isEqualTo("gpkg");
      assertThat(what.get("crs").asString()).isEqualTo("EPSG:3006");
      assertThat(event.get("targetId").asLong()).isEqualTo(fixture.dialogue.id());
      assertNoContent(event);
    }
  }

  @Test
  void anExportOfEveryDialogueIsFiledUnderExport() {
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    String gis = staff.create(StaffRole.GIS);
    ExportFixture.Download d = ExportFixture.download(port, "/api/v1/exports/study_areas.geojson",
        StaffAccounts.basic(gis), dir);
    assertThat(d.status()).isEqualTo(200);
    List<JsonNode> events = auditOf(staff, gis);
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().get("targetType").asString()).isEqualTo("export");
    assertThat(events.getFirst().get("targetId").isNull()).isTrue();
    JsonNode what = events.getFirst().get("after");
    assertThat(what.get("layers").toString()).isEqualTo("[\"study_areas\"]");
    assertThat(what.get("format").asString()).isEqualTo("geojson");
    assertThat(what.get("crs").asString()).isEqualTo("EPSG:4326");
    assertThat(what.get("dialogue").isNull()).isTrue();
  }

  @Test
  void aRefusedExportIsNotLogged() {
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    String gis = staff.create(StaffRole.GIS);
    ExportFixture.Download d = ExportFixture.download(port, "/api/v1/exports/pins.csv?crs=EPSG:9999",
        StaffAccounts.basic(gis), dir);
    assertThat(d.status()).isEqualTo(422);
    assertThat(auditOf(staff, gis)).isEmpty();
  }

  private List<JsonNode> auditOf(StaffAccounts staff, String actor) {
    String admin = StaffAccounts.basic(staff.create(StaffRole.ADMIN));
    Api api = new Api(port);
    Api.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/audit?actor=" + actor))
        .GET().header("Authorization", admin));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    r.json().forEach(events::add);
    return events;
  }

  private static void assertNoContent(JsonNode event) {
    String text = event.toString();
    assertThat(text).doesNotContain("Mörk gångväg", "HYPERLINK", "belysning", "Intern anteckning", "Åbackarna");
  }
}
