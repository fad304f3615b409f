package org.dialogkarta.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.support.Problems.assertProblem;

import java.net.URI;
import java.net.http.HttpRequest;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Every kind of bad export request gets its own 4xx problem, never a 5xx and never a file. */
@IntegrationTest
class ExportBadInputTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  Api api;
  StaffAccounts staff;
  String gis;
  TestData.Dialogue dialogue;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    staff = new StaffAccounts(accounts, encoder);
    gis = StaffAccounts.basic(staff.create(StaffRole.GIS));
    dialogue = new TestData(jdbc).openDialogue();
  }

  private Api.Response get(String path, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return api.send(b);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      /api/v1/exports/people.gpkg                                 | 404 | not_found                      |
      /api/v1/exports/pins.xlsx                                   | 404 | not_found                      |
      /api/v1/exports/pins                                        | 404 | not_found                      |
      /api/v1/exports/pins.gpkg?crs=EPSG:2400                     | 422 | export.crs.unknown             | crs
      /api/v1/exports/pins.gpkg?crs=EPSG:30060                    | 422 | export.crs.unknown             | crs
      /api/v1/exports/pins.csv?crs=SWEREF99                       | 422 | export.crs.unknown             | crs
      /api/v1/exports/pins.geojson?crs=EPSG:3006                  | 422 | export.crs.wgs84_only          | crs
      /api/v1/exports/pins.kml?crs=EPSG:3857                      | 422 | export.crs.wgs84_only          | crs
      /api/v1/exports/pins.geojson?layers=neighbourhoods          | 422 | export.layers.single_only      | layers
      /api/v1/exports/pins.shp.zip?layers=study_areas             | 422 | export.layers.single_only      | layers
      /api/v1/exports/pins.gpkg?layers=pins,people                | 422 | export.layer.unknown           | layers
      /api/v1/exports/pins.gpkg?dialogue=finns-inte               | 422 | export.dialogue.unknown        | dialogue
      /api/v1/exports/pins.gpkg?dialogue=999999999                | 422 | export.dialogue.unknown        | dialogue
      /api/v1/exports/pins.gpkg?bbox=1,2,3,4                      | 422 | parameter.unknown              | bbox
      /api/v1/exports/pins.gpkg?crs=EPSG:3006&crs=EPSG:3010       | 422 | crs.multiple                   | crs
      /api/v1/exports/clusters.gpkg?eps=många                     | 422 | eps.invalid                    | eps
      /api/v1/exports/clusters.gpkg?eps=0                         | 422 | eps.range                      | eps
      /api/v1/exports/clusters.gpkg?eps=NaN                       | 422 | eps.invalid                    | eps
      /api/v1/exports/clusters.shp.zip?minPoints=2.5              | 422 | minPoints.invalid              | minPoints
      /api/v1/exports/clusters.csv?minPoints=0                    | 422 | minPoints.range                | minPoints
      /api/v1/exports/hotspots.gpkg?cellSize=-5                   | 422 | cellSize.range                 | cellSize
      /api/v1/exports/hotspots.gpkg?distanceBand=1e9              | 422 | distanceBand.range             | distanceBand
      """)
  void refusedWithAProblem(String path, int status, String code, String field) {
    Api.Response r = get(path, gis);
    assertProblem(r, status, code, field);
    // Spring adds "inline;filename=f.txt" to JSON answers on paths with an extension (against
    // reflected file downloads); what matters is that no attachment is offered.
    assertThat(r.raw().headers().firstValue("Content-Disposition").orElse("")).doesNotContain("attachment");
  }

  @Test
  void otherRolesAndAnonymousAreRefused() {
    String path = "/api/v1/exports/pins.geojson?dialogue=" + dialogue.slug();
    for (StaffRole role : new StaffRole[] {StaffRole.PLANNER, StaffRole.MODERATOR}) {
      assertProblem(get(path, StaffAccounts.basic(staff.create(role))), 403, "auth.forbidden", null);
    }
    assertProblem(get(path, null), 401, "auth.required", null);
    assertThat(get(path, StaffAccounts.basic(staff.create(StaffRole.ADMIN))).status()).isEqualTo(200);
  }

  @Test
  void badJobsAreRefused() {
    assertProblem(api.postJson("/api/v1/exports/jobs", "{\"layer\": \"people\", \"format\": \"gpkg\"}",
        "Authorization", gis), 422, "export.layer.unknown", "layer");
    assertProblem(api.postJson("/api/v1/exports/jobs", "{\"layer\": \"pins\", \"format\": \"dwg\"}",
        "Authorization", gis), 422, "export.format.unknown", "format");
    assertProblem(api.postJson("/api/v1/exports/jobs", "{\"layer\": \"pins\", \"format\": \"gpkg\", \"crs\": \"EPSG:9999\"}",
        "Authorization", gis), 422, "export.crs.unknown", "crs");
    assertProblem(api.postJson("/api/v1/exports/jobs", "{\"layer\": \"pins\", \"format\": \"csv\", \"dialogue\": \"finns-inte\"}",
        "Authorization", gis), 422, "export.dialogue.unknown", "dialogue");
    assertThat(api.postJson("/api/v1/exports/jobs", "{\"layer\": ", "Authorization", gis).status()).isEqualTo(400);
    assertProblem(get("/api/v1/exports/jobs/finns-inte", gis), 404, "not_found", null);
    assertProblem(get("/api/v1/exports/jobs/finns-inte/file", gis), 404, "not_found", null);
  }
}
