package org.dialogkarta.analysis.api;

import java.net.URI;
import java.net.http.HttpRequest;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The analysis API over HTTP against the whole service and the real PostGIS: a fresh dialogue per
 * test and a planner and a GIS account. Pins are written straight into the table at positions
 * given in SWEREF 99 TM metres (around central Norrköping), because the analyses work in metres.
 */
@IntegrationTest
abstract class AnalysisApiTestBase {

  /** SWEREF 99 TM of about 16.18 E, 58.59 N. */
  static final double X0 = 568_600;
  static final double Y0 = 6_495_400;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accountRepository;
  @Autowired PasswordEncoder encoder;

  Api api;
  TestData.Dialogue dialogue;
  String planner;
  String gis;

  @BeforeEach
  void setUpAnalysisApi() {
    api = new Api(port);
    dialogue = new TestData(jdbc).openDialogue();
    StaffAccounts accounts = new StaffAccounts(accountRepository, encoder);
    planner = StaffAccounts.basic(accounts.create(StaffRole.PLANNER));
    gis = StaffAccounts.basic(accounts.create(StaffRole.GIS));
  }

  Api.Response get(String authorization, String path) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", authorization).GET());
  }

  /** A published pin {@code dx, dy} metres from the reference point; returns its id. */
  long pin(double dx, double dy, String category) {
    return pin(dialogue, dx, dy, category, "2026-04-01T12:00:00Z");
  }

  long pin(TestData.Dialogue d, double dx, double dy, String category, String at) {
    return jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, created_at)
            VALUES (:d, ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), 3006), 4326), :c, 'Analys ' || :c,
                    CAST(:at AS timestamptz))
            RETURNING id""")
        .param("d", d.id()).param("x", X0 + dx).param("y", Y0 + dy).param("c", category).param("at", at)
        .query(Long.class).single();
  }
}
