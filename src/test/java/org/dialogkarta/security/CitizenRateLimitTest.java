package org.dialogkarta.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "dialogkarta.rate-limit.writes-per-10-minutes=3")
class CitizenRateLimitTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aFloodFromOneClientIsRefusedWith429AndStoresNothing() {
    Api api = new Api(port);
    TestData data = new TestData(jdbc);
    TestData.Dialogue d = data.openDialogue();
    String path = "/api/v1/dialogues/" + d.slug() + "/pins";
    for (int i = 0; i < 3; i++) {
      assertThat(api.postJson(path, Api.pinJson("suggestion", "Nummer " + i, 16.18, 58.59)).status()).isEqualTo(201);
    }
    Api.Response refused = api.postJson(path, Api.pinJson("suggestion", "För många", 16.18, 58.59));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().get("code").asString()).isEqualTo("rate.limited");
    assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
    assertThat(data.pinCount(d)).isEqualTo(3);
    assertThat(api.get(path).status()).as("reading is never limited").isEqualTo(200);
  }

  @Test
  void countsAreKeptPerClientAndStartAgainInTheNextWindow() {
    MutableClock clock = new MutableClock();
    CitizenRateLimit limit = new CitizenRateLimit(2, clock);
    assertThat(limit.count("10.0.0.1")).isEqualTo(1);
    assertThat(limit.count("10.0.0.1")).isEqualTo(2);
    assertThat(limit.count("10.0.0.2")).isEqualTo(1);
    assertThat(limit.count("10.0.0.1")).isEqualTo(3);
    clock.advance(CitizenRateLimit.WINDOW);
    assertThat(limit.count("10.0.0.1")).isEqualTo(1);
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-22T18:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }
}
