package org.dialogkarta.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Reports of accessibility problems are limited like pins: a flood from one client gets 429. */
@IntegrationTest
@TestPropertySource(properties = "dialogkarta.rate-limit.writes-per-10-minutes=3") // as CitizenRateLimitTest
class AccessibilityReportRateLimitTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aFloodOfReportsIsRefused() {
    jdbc.sql("DELETE FROM rate_count WHERE budget = 'citizen.writes'").update();
    jdbc.sql("DELETE FROM rate_secret").update();
    // Away from the end of a ten-minute window, so that all four writes fall in one.
    long intoWindow = (System.currentTimeMillis() / 1000) % 600;
    if (intoWindow > 590) {
      try {
        Thread.sleep((601 - intoWindow) * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Api api = new Api(port);
    long before = jdbc.sql("SELECT count(*) FROM accessibility_report").query(Long.class).single();
    for (int i = 0; i < 3; i++) {
      assertThat(api.postJson("/api/v1/accessibility/reports", "{\"page\": \"/\", \"description\": \"Fel " + i + "\"}").status())
          .isEqualTo(201);
    }
    Api.Response refused = api.postJson("/api/v1/accessibility/reports", "{\"page\": \"/\", \"description\": \"För många\"}");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(jdbc.sql("SELECT count(*) FROM accessibility_report").query(Long.class).single()).isEqualTo(before + 3);
  }
}
