package org.dialogkarta.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dialogkarta.ratelimit.RateLimiter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the shared rate limit adds to each citizen write (make bench): {@link CitizenRateLimit#count}
 * (the keyed hash and one upsert through the pool) for 20,000 writes from as many clients, first
 * from one thread, then from four threads over two instances ("nodes") at once. Prints the
 * figures for docs/BENCHMARKS.md.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "bench"})
class CitizenRateLimitBenchmark {

  private static final int WRITES = 20_000;

  @Autowired JdbcClient jdbc;

  @Test
  void aWriteCostsLessThanAMillisecond() throws Exception {
    CitizenRateLimit nodeA = new CitizenRateLimit(new RateLimiter(jdbc), 300);
    CitizenRateLimit nodeB = new CitizenRateLimit(new RateLimiter(jdbc), 300);
    for (int i = 0; i < 2_000; i++) {
      nodeA.count("warm-up " + i);
    }
    long start = System.nanoTime();
    for (int i = 0; i < WRITES; i++) {
      nodeA.count(address(i));
    }
    double oneThread = (System.nanoTime() - start) / 1e3 / WRITES;
    System.out.printf("[bench] rate limit, one thread: %,d writes, %.0f µs a write%n", WRITES, oneThread);

    int threads = 4;
    List<Callable<Void>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      CitizenRateLimit node = t % 2 == 0 ? nodeA : nodeB;
      int first = t * (WRITES / threads);
      work.add(() -> {
        for (int i = first; i < first + WRITES / threads; i++) {
          node.count(address(i));
        }
        return null;
      });
    }
    start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (Future<Void> f : pool.invokeAll(work)) {
        f.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("[bench] rate limit, %d threads on two nodes: %,d writes in %.2f s, %,.0f writes/s, %.0f µs a write per thread%n",
        threads, WRITES, seconds, WRITES / seconds, seconds * 1e6 * threads / WRITES);
    jdbc.sql("DELETE FROM rate_count WHERE budget = 'citizen.writes'").update();
    assertThat(oneThread).as("µs a write").isLessThan(1000);
  }

  private static String address(int i) {
    return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
  }
}
