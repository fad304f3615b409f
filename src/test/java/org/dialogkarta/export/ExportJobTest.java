package org.dialogkarta.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.support.Problems.assertProblem;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

/** An export as a job: started (202 + Location), followed to done, its file complete and readable. */
@IntegrationTest
class ExportJobTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @TempDir Path dir;

  @Test
  void jobRunsToACompleteFileOnlyItsOwnerSees() throws Exception {
    ExportFixture fixture = new ExportFixture(jdbc);
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    String gis = StaffAccounts.basic(staff.create(StaffRole.GIS));
    Api api = new Api(port);
    Api.Response started = api.postJson("/api/v1/exports/jobs", """
        {"layer": "pins", "format": "gpkg", "crs": "EPSG:3006", "dialogue": "%s", "layers": "study_areas"}"""
        .formatted(fixture.dialogue.slug()), "Authorization", gis);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    assertThat(started.location()).startsWith("/api/v1/exports/jobs/");
    assertThat(started.json().get("state").asString()).isIn("running", "done");

    JsonNode status = started.json();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!status.get("state").asString().equals("done")) {
      assertThat(status.get("state").asString()).isEqualTo("running");
      assertThat(Instant.now()).isBefore(deadline);
      Api.Response early = get(api, started.location() + "/file", gis);
      if (early.status() != 200) {
        assertProblem(early, 409, "export.job.running", null);
      }
      Thread.sleep(100);
      status = get(api, started.location(), gis).json();
    }
    assertThat(status.get("written").asLong()).isEqualTo(3);
    assertThat(status.get("total").asLong()).isEqualTo(3);
    assertThat(status.get("percent").asInt()).isEqualTo(100);
    assertThat(status.get("file").asString()).isEqualTo(started.location() + "/file");

    String someoneElse = StaffAccounts.basic(staff.create(StaffRole.GIS));
    assertProblem(get(api, started.location(), someoneElse), 404, "not_found", null);
    assertProblem(get(api, started.location() + "/file", someoneElse), 404, "not_found", null);

    ExportFixture.Download d = ExportFixture.download(port, status.get("file").asString(), gis, dir);
    assertThat(d.status()).isEqualTo(200);
    assertThat(d.disposition()).contains(".gpkg");
    String file = d.as("gpkg").toString();
    assertThat(Gdal.summary(file, "pins")).contains("Feature Count: 2", "ID[\"EPSG\",3006]");
    assertThat(Gdal.summary(file, "study_areas")).contains("Feature Count: 1");
  }

  private static Api.Response get(Api api, String path, String authorization) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).GET().header("Authorization", authorization));
  }

  @Test
  void aJobWhoseAnalysisRefusesItsSettingsFailsAndSaysWhy() throws Exception {
    ExportFixture fixture = new ExportFixture(jdbc);
    String gis = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.GIS));
    Api api = new Api(port);
    // Hexagons of a centimetre over two pins a kilometre apart: the analysis refuses the grid, after
    // the request was accepted but before the first byte: a problem, not an empty download.
    for (String format : new String[] {"geojson", "gpkg", "shp.zip"}) {
      Api.Response direct = get(api, "/api/v1/exports/hotspots." + format + "?cellSize=0.01&dialogue="
          + fixture.dialogue.slug(), gis);
      assertProblem(direct, 422, "cellSize.tooManyCells", "cellSize");
      assertThat(direct.raw().headers().firstValue("Content-Disposition").orElse("")).doesNotContain("attachment");
    }
    Api.Response started = api.postJson("/api/v1/exports/jobs", """
        {"layer": "hotspots", "format": "gpkg", "dialogue": "%s", "cellSize": "0.01"}"""
        .formatted(fixture.dialogue.slug()), "Authorization", gis);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    JsonNode status = started.json();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (status.get("state").asString().equals("running")) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(100);
      status = get(api, started.location(), gis).json();
    }
    assertThat(status.get("state").asString()).isEqualTo("failed");
    assertThat(status.get("error").asString()).contains("cellSize");
    assertThat(status.get("file").isNull()).isTrue();
    assertProblem(get(api, started.location() + "/file", gis), 409, "export.job.failed", null);
  }
}
