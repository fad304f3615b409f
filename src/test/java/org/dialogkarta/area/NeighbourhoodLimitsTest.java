package org.dialogkarta.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.area.Upload.collection;
import static org.dialogkarta.area.Upload.feature;
import static org.dialogkarta.area.Upload.square;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Small files that would make a lot of work: a GeoPackage whose layer is a recursive view of two
 * million rows, and one with 60,000 features, are refused quickly with a 422 naming the reason,
 * and nothing is stored (before, the first took the service to 4.9 GB and a 500).
 */
@IntegrationTest
class NeighbourhoodLimitsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @TempDir Path dir;

  private Api api;
  private String planner;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
  }

  @Test
  void aLayerThatIsARecursiveViewIsRefusedBeforeAnyRowIsRead() throws IOException {
    byte[] file = edited("""
        ALTER TABLE %1$s RENAME TO base;
        CREATE VIEW %1$s AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 2000000)
          SELECT base.* FROM base, r""");
    long count = neighbourhoods();
    long started = System.nanoTime();
    Api.Response r = Upload.post(api, planner, "vy.gpkg", file);
    NeighbourhoodRefusalsTest.assertRefused(r, "neighbourhoods.view", "file", "view");
    assertThat((System.nanoTime() - started) / 1e9).as("refused at once").isLessThan(10);
    assertThat(neighbourhoods()).isEqualTo(count);
  }

  @Test
  void sixtyThousandFeaturesAreRefusedAfterTheLimitNotAfterReadingThemAll() throws IOException {
    byte[] file = edited("""
        INSERT INTO %1$s (geom, code, name, population)
        WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 60000)
        SELECT (SELECT geom FROM %1$s LIMIT 1), 'LIM-' || i, 'Område ' || i, 1 FROM r""");
    long count = neighbourhoods();
    Api.Response r = Upload.post(api, planner, "manga.gpkg", file);
    NeighbourhoodRefusalsTest.assertRefused(r, "neighbourhoods.too_many", "file", "10000");
    assertThat(neighbourhoods()).isEqualTo(count);
    assertThat(jdbc.sql("SELECT count(*) FROM neighbourhood WHERE code LIKE 'LIM-%'").query(Long.class).single()).isZero();
  }

  /** A good one-feature GeoPackage, changed by SQL run on its layer (named %1$s). */
  private byte[] edited(String sql) throws IOException {
    byte[] good = Upload.geoPackage(collection(feature("LIM-1", "Gränsfall", 10, square(16.18, 58.59, 0.01), null)), null);
    Path file = dir.resolve("edited.gpkg");
    Files.write(file, good);
    String layer;
    try (GeoPackage gpkg = GeoPackageManager.open(file.toFile())) {
      layer = gpkg.getFeatureTables().getFirst();
    }
    // Plain SQLite, without the spatial index's triggers (they call SpatiaLite functions).
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = sqlite.createStatement()) {
      List<String> triggers = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
        while (rs.next()) {
          triggers.add(rs.getString(1));
        }
      }
      for (String trigger : triggers) {
        statement.execute("DROP TRIGGER \"" + trigger + "\"");
      }
      for (String part : sql.formatted(layer).split(";")) {
        if (!part.isBlank()) {
          statement.execute(part);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return Files.readAllBytes(file);
  }

  private long neighbourhoods() {
    return jdbc.sql("SELECT count(*) FROM neighbourhood").query(Long.class).single();
  }
}
