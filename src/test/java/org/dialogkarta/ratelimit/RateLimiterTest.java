package org.dialogkarta.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one rate-limit mechanism: budgets are counted apart (a client that used up its pins still
 * may follow by e-mail, and the other way round), each in its own windows, under keyed hashes.
 */
@IntegrationTest
class RateLimiterTest {

  static final RateBudget PINS = new RateBudget("test.pins", Duration.ofMinutes(10), 2);
  static final RateBudget FOLLOW = new RateBudget("test.follow", Duration.ofDays(1), 3);

  @Autowired JdbcClient jdbc;

  @BeforeEach
  void forgetEarlierCounts() {
    jdbc.sql("DELETE FROM rate_count WHERE budget LIKE 'test.%'").update();
  }

  @Test
  void twoBudgetsDoNotShareOneCount() {
    TestClock clock = new TestClock();
    RateLimiter limiter = new RateLimiter(jdbc, clock);
    assertThat(limiter.allows(PINS, "10.1.0.1")).isTrue();
    assertThat(limiter.allows(PINS, "10.1.0.1")).isTrue();
    assertThat(limiter.allows(PINS, "10.1.0.1")).as("the pins' budget is used up").isFalse();
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.allows(FOLLOW, "10.1.0.1")).as("following has a budget of its own").isTrue();
    }
    assertThat(limiter.allows(FOLLOW, "10.1.0.1")).isFalse();
    assertThat(limiter.allows(PINS, "10.1.0.2")).as("another client").isTrue();

    // Ten minutes on: a new window for pins, but following still counts the whole day.
    clock.advance(Duration.ofMinutes(10));
    assertThat(limiter.count(PINS, "10.1.0.1")).isEqualTo(1);
    assertThat(limiter.count(FOLLOW, "10.1.0.1")).isEqualTo(5);
    assertThat(jdbc.sql("SELECT count(*) FROM rate_count WHERE budget = 'test.pins'").query(Integer.class).single())
        .as("the pins' earlier window is gone, following's day is kept").isEqualTo(1);
  }

  @Test
  void twoNodesShareABudgetAndStoreNoAddress() {
    TestClock clock = new TestClock();
    RateLimiter nodeA = new RateLimiter(jdbc, clock);
    RateLimiter nodeB = new RateLimiter(jdbc, clock);
    assertThat(nodeA.count(FOLLOW, "10.1.0.3")).isEqualTo(1);
    assertThat(nodeB.count(FOLLOW, "10.1.0.3")).isEqualTo(2);
    byte[] hash = new byte[32];
    hash[0] = 7;
    assertThat(nodeA.countKey(FOLLOW, hash)).isEqualTo(1);
    assertThat(nodeB.allowsKey(FOLLOW, hash)).isTrue();
    assertThat(nodeA.clientKey("10.1.0.3")).hasSize(32).isEqualTo(nodeB.clientKey("10.1.0.3"))
        .isNotEqualTo("10.1.0.3".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(jdbc.sql("SELECT count(*) FROM rate_count WHERE budget = 'test.follow' AND position(:a IN key) > 0")
        .param("a", "10.1.0.3".getBytes(java.nio.charset.StandardCharsets.UTF_8)).query(Integer.class).single())
        .as("no address in clear").isZero();
    assertThat(nodeA.secondsLeft(PINS)).isBetween(1L, 600L);
  }

  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-11-22T18:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }
}
