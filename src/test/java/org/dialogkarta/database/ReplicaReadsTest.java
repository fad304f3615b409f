package org.dialogkarta.database;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * With a replica configured, the public reads take their connections from the replica's pool and
 * everything else from the primary's; with the replica down, public reads fall back to the
 * primary without an error. Here the "replica" is the test database itself reached through a pool
 * of its own (a streaming replica is started by scripts/cluster.sh), so the test sees which pool
 * served a request.
 */
class ReplicaReadsTest {

  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      // A busy test machine may take a while for the replica pool's first connection.
      properties = {"dialogkarta.db.replica-url=${spring.datasource.url}", "dialogkarta.db.replica-timeout-ms=30000"})
  @ActiveProfiles("test")
  @Nested
  class ReplicaUp {
    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void publicReadsUseTheReplicaAndEverythingElseThePrimary() {
      ReplicaOrPrimary reads = ((RoutedDataSource) dataSource).publicReads();
      Api api = new Api(port);
      TestData.Dialogue d = new TestData(jdbc).openDialogue();
      long before = reads.fromReplica();
      assertThat(api.get("/api/v1/dialogues").status()).isEqualTo(200);
      assertThat(api.get("/api/v1/dialogues/" + d.slug() + "/pins").status()).isEqualTo(200);
      assertThat(api.get("/ogc/collections/pins-" + d.slug() + "/items").status()).isEqualTo(200);
      long beforePlaces = reads.fromReplica();
      assertThat(api.get("/api/v1/places?q=storgatan&dialogue=" + d.slug()).status()).isEqualTo(200);
      long afterReads = reads.fromReplica();
      assertThat(afterReads).as("the place search read from the replica").isGreaterThan(beforePlaces);
      assertThat(afterReads).as("public reads took replica connections").isGreaterThanOrEqualTo(before + 4);

      // A citizen's pin and its receipt: the primary, so the receipt sees the pin just sent.
      Api.Response pin = api.postJson("/api/v1/dialogues/" + d.slug() + "/pins",
          Api.pinJson("suggestion", "Läs från primären", 16.18, 58.59));
      assertThat(pin.status()).as(pin.body()).isIn(201, 202);
      Api.Response receipt = api.receipt(pin.json().get("receipt").asString());
      assertThat(receipt.status()).isEqualTo(200);
      assertThat(reads.fromReplica()).as("no replica connection for the write or the receipt").isEqualTo(afterReads);
      assertThat(reads.fromPrimary()).isZero();
    }
  }

  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = "dialogkarta.db.replica-url=jdbc:postgresql://127.0.0.1:9/nowhere?connectTimeout=1")
  @ActiveProfiles("test")
  @Nested
  class ReplicaDown {
    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void publicReadsFallBackToThePrimaryWithoutAnError() {
      ReplicaOrPrimary reads = ((RoutedDataSource) dataSource).publicReads();
      Api api = new Api(port);
      TestData.Dialogue d = new TestData(jdbc).openDialogue();
      assertThat(api.get("/api/v1/dialogues").status()).isEqualTo(200);
      assertThat(api.get("/api/v1/dialogues/" + d.slug() + "/pins").status()).isEqualTo(200);
      assertThat(api.get("/ogc/collections/pins-" + d.slug() + "/items").status()).isEqualTo(200);
      assertThat(reads.fromReplica()).isZero();
      assertThat(reads.fromPrimary()).isGreaterThanOrEqualTo(3);
    }
  }
}
