package org.dialogkarta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the running local cluster (make cluster-test): pin submissions per second through
 * the balancer with two app nodes and with one, the public map's reads per second, and, in the
 * same run on the same primary, pgbench's single-row inserts as the ceiling a write can reach on
 * this database. Each node's CPU time per request is read from /proc, to say how many nodes a load
 * needs. Figures for docs/BENCHMARKS.md.
 */
@Tag("cluster")
class ClusterBenchmark {

  static final int SECONDS = Integer.parseInt(ClusterReliabilityTest.env("CLUSTER_BENCH_SECONDS", "20"));
  static final int THREADS = 8;

  @Test
  void writesAndReadsThroughTheBalancerBesidePgbench() throws Exception {
    ClusterReliabilityTest.anOpenDialogue();
    double pgbench = pgbench();
    Rate two = writes();
    ClusterReliabilityTest.cluster("stop-node", ClusterReliabilityTest.NODES.get(1));
    Rate one;
    try {
      one = writes();
    } finally {
      ClusterReliabilityTest.cluster("start-node", ClusterReliabilityTest.NODES.get(1));
    }
    Rate reads = reads();
    System.out.printf("pgbench single-row inserts on the primary (4 clients, %d s): %.0f per second%n", SECONDS, pgbench);
    System.out.printf("pin submissions through the balancer, 2 nodes, %d threads: %.0f per second (%.1f %% of"
        + " pgbench), %.2f ms of app CPU per pin%n", THREADS, two.perSecond, 100 * two.perSecond / pgbench, two.cpuMs);
    System.out.printf("pin submissions through the balancer, 1 node: %.0f per second (%.1f %% of pgbench), %.2f ms of"
        + " app CPU per pin%n", one.perSecond, 100 * one.perSecond / pgbench, one.cpuMs);
    System.out.printf("public map reads (dialogue list, tiles, OGC page) through the balancer, 2 nodes: %.0f per"
        + " second, %.2f ms of app CPU per read%n", reads.perSecond, reads.cpuMs);
  }

  record Rate(double perSecond, double cpuMs) {}

  private static Rate writes() throws Exception {
    return run(() -> {
      HttpResponse<String> r = ClusterReliabilityTest.post(ClusterReliabilityTest.BALANCER, UUID.randomUUID().toString(),
          ClusterReliabilityTest.pinBody("Mätning " + UUID.randomUUID()));
      return r.statusCode() == 201;
    });
  }

  private static Rate reads() throws Exception {
    AtomicInteger i = new AtomicInteger();
    String slug = ClusterReliabilityTest.slug;
    List<String> paths = List.of("/api/v1/dialogues", "/api/v1/dialogues/" + slug + "/pins/tiles/" + ClusterReliabilityTest.tile(13),
        "/ogc/collections/pins-" + slug + "/items?limit=10");
    return run(() -> ClusterReliabilityTest.get(ClusterReliabilityTest.BALANCER
        + paths.get(i.getAndIncrement() % paths.size())).statusCode() == 200);
  }

  interface Call {
    boolean ok() throws IOException, InterruptedException;
  }

  /** THREADS callers for SECONDS: successful calls per second, and the nodes' CPU per call. */
  private static Rate run(Call call) throws Exception {
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long cpuBefore = nodesCpuMillis();
    long end = System.nanoTime() + SECONDS * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      threads.add(Thread.ofPlatform().start(() -> {
        while (System.nanoTime() < end) {
          try {
            if (call.ok()) {
              done.incrementAndGet();
            } else {
              failed.incrementAndGet();
            }
          } catch (IOException | InterruptedException e) {
            failed.incrementAndGet();
          }
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    long cpu = nodesCpuMillis() - cpuBefore;
    assertThat(failed.get()).as("failed calls").isLessThan(Math.max(1, done.get() / 100));
    return new Rate(done.get() / (double) SECONDS, cpu / (double) Math.max(1, done.get()));
  }

  /** User and system CPU time of the app nodes' JVMs, from /proc (pids in var/cluster). */
  private static long nodesCpuMillis() throws IOException {
    long ticks = 0;
    for (String port : ClusterReliabilityTest.NODES) {
      Path pidFile = Path.of("var/cluster/node-" + port + ".pid");
      if (!Files.exists(pidFile)) {
        continue;
      }
      Path stat = Path.of("/proc/" + Files.readString(pidFile).strip() + "/stat");
      if (!Files.exists(stat)) {
        continue;
      }
      String s = Files.readString(stat, StandardCharsets.US_ASCII);
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }
    return ticks * 10; // 100 clock ticks a second on Linux
  }

  /** pgbench's single-row inserts on the primary's database: the ceiling of a write here. */
  private static double pgbench() throws Exception {
    try (Connection c = DriverManager.getConnection(ClusterReliabilityTest.PRIMARY, "dialogkarta", "dialogkarta")) {
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, t text)");
    }
    Path script = Files.createTempFile("insert", ".sql");
    Files.writeString(script, "INSERT INTO bench_insert (t) VALUES ('x');\n");
    String bin = Files.list(Path.of("/usr/lib/postgresql")).sorted().toList().getLast().resolve("bin/pgbench").toString();
    ProcessBuilder pb = new ProcessBuilder(bin, "-n", "-c", "4", "-j", "2", "-T", String.valueOf(SECONDS), "-f",
        script.toString(), "-h", "127.0.0.1", "-p", ClusterReliabilityTest.PORTS.getOrDefault("DIALOGKARTA_PG_PORT", "55432"),
        "-U", "dialogkarta", "dialogkarta").redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", "dialogkarta");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    try (Connection c = DriverManager.getConnection(ClusterReliabilityTest.PRIMARY, "dialogkarta", "dialogkarta")) {
      c.createStatement().execute("DROP TABLE bench_insert");
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("tps = ([0-9.]+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
