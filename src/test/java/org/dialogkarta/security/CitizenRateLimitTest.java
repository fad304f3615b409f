package org.dialogkarta.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.dialogkarta.ratelimit.RateLimiter;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "dialogkarta.rate-limit.writes-per-10-minutes=3")
class CitizenRateLimitTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  /** Counts are shared by every node and outlive a test run: each test starts from none. */
  @BeforeEach
  void forgetEarlierCounts() {
    jdbc.sql("DELETE FROM rate_count WHERE budget = 'citizen.writes'").update();
    jdbc.sql("DELETE FROM rate_secret").update();
  }

  @Test
  void aFloodFromOneClientIsRefusedWith429AndStoresNothing() throws InterruptedException {
    Api api = new Api(port);
    TestData data = new TestData(jdbc);
    TestData.Dialogue d = data.openDialogue();
    String path = "/api/v1/dialogues/" + d.slug() + "/pins";
    awayFromTheEndOfAWindow();
    for (int i = 0; i < 3; i++) {
      assertThat(api.postJson(path, Api.pinJson("suggestion", "Nummer " + i, 16.18, 58.59)).status()).isEqualTo(201);
    }
    Api.Response refused = api.postJson(path, Api.pinJson("suggestion", "För många", 16.18, 58.59));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().get("code").asString()).isEqualTo("rate.limited");
    assertThat(refused.raw().headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
        assertThat(Long.parseLong(seconds)).isBetween(1L, CitizenRateLimit.WINDOW.toSeconds()));
    assertThat(data.pinCount(d)).isEqualTo(3);
    assertThat(api.get(path).status()).as("reading is never limited").isEqualTo(200);
  }

  @Test
  void countsAreKeptPerClientAndStartAgainInTheNextWindow() {
    MutableClock clock = new MutableClock();
    CitizenRateLimit limit = new CitizenRateLimit(new RateLimiter(jdbc, clock), 2);
    assertThat(limit.count("10.0.0.1")).isEqualTo(1);
    assertThat(limit.count("10.0.0.1")).isEqualTo(2);
    assertThat(limit.count("10.0.0.2")).isEqualTo(1);
    assertThat(limit.count("10.0.0.1")).isEqualTo(3);
    clock.advance(CitizenRateLimit.WINDOW);
    assertThat(limit.count("10.0.0.1")).isEqualTo(1);
    assertThat(jdbc.sql("SELECT count(*) FROM rate_count WHERE budget = 'citizen.writes'").query(Integer.class).single())
        .as("the earlier window is gone with the first write in the next").isEqualTo(1);
  }

  @Test
  void twoNodesShareOneQuota() {
    MutableClock clock = new MutableClock();
    CitizenRateLimit nodeA = new CitizenRateLimit(new RateLimiter(jdbc, clock), 4);
    CitizenRateLimit nodeB = new CitizenRateLimit(new RateLimiter(jdbc, clock), 4);
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      counts.add(nodeA.count("10.0.0.7"));
      counts.add(nodeB.count("10.0.0.7"));
    }
    assertThat(counts).as("alternating nodes counts on from the other node's count")
        .containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(nodeB.count("10.0.0.8")).isEqualTo(1);
    assertThat(nodeA.count("10.0.0.8")).isEqualTo(2);
  }

  @Test
  void writesAtTheSameMomentOnTwoNodesAreEachCountedOnce() throws Exception {
    MutableClock clock = new MutableClock();
    List<CitizenRateLimit> nodes = List.of(new CitizenRateLimit(new RateLimiter(jdbc, clock), 300), new CitizenRateLimit(new RateLimiter(jdbc, clock), 300));
    int threads = 6;
    int each = 50;
    List<Callable<List<Integer>>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      CitizenRateLimit node = nodes.get(t % 2);
      work.add(() -> {
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < each; i++) {
          seen.add(node.count("10.0.0.9"));
        }
        return seen;
      });
    }
    List<Integer> all = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (Future<List<Integer>> f : pool.invokeAll(work)) {
        all.addAll(f.get());
      }
    }
    assertThat(all).as("every count from 1 to %d handed out exactly once", threads * each)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, threads * each).boxed().toList());
  }

  @Test
  void aNewDayMakesANewSecretAndKeepsNoOldOne() {
    MutableClock clock = new MutableClock();
    CitizenRateLimit nodeA = new CitizenRateLimit(new RateLimiter(jdbc, clock), 2);
    CitizenRateLimit nodeB = new CitizenRateLimit(new RateLimiter(jdbc, clock), 2);
    nodeA.count("10.0.0.1");
    byte[] first = secret();
    clock.advance(Duration.ofDays(1));
    assertThat(nodeB.count("10.0.0.1")).as("a new day counts afresh").isEqualTo(1);
    assertThat(nodeA.count("10.0.0.1")).as("and the other node takes the same new secret").isEqualTo(2);
    assertThat(jdbc.sql("SELECT count(*) FROM rate_secret").query(Integer.class).single()).isEqualTo(1);
    assertThat(secret()).isNotEqualTo(first);
    assertThat(jdbc.sql("SELECT day FROM rate_secret").query(String.class).single()).isEqualTo("2026-11-23");
  }

  @Test
  void aWriteGoesOnWhenTheDatabaseCannotBeReached() {
    // Nothing listens on port 1: the write goes on and meets the advice's 503, not a filter's 500.
    JdbcClient gone = JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "x", "x"));
    assertThat(new CitizenRateLimit(new RateLimiter(gone), 3).allowed("10.0.0.1")).isTrue();
    CitizenRateLimit reachable = new CitizenRateLimit(new RateLimiter(jdbc, new MutableClock()), 1);
    assertThat(reachable.allowed("10.0.0.1")).isTrue();
    assertThat(reachable.allowed("10.0.0.1")).isFalse();
  }

  private byte[] secret() {
    return jdbc.sql("SELECT secret FROM rate_secret").query(byte[].class).single();
  }

  /** Windows start at whole ten minutes: a test of a few requests waits out the last seconds of one. */
  private static void awayFromTheEndOfAWindow() throws InterruptedException {
    long left = CitizenRateLimit.WINDOW.toMillis() - Math.floorMod(System.currentTimeMillis(), CitizenRateLimit.WINDOW.toMillis());
    if (left < 30_000) {
      Thread.sleep(left + 100);
    }
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
