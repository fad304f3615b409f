package org.dialogkarta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running local cluster (make cluster: a primary and a streaming replica, two app nodes,
 * nginx in front) under the failures issue 17 names; run with {@code make cluster-test}. Citizens
 * write through the balancer as the pages do: each pin with its Idempotency-Key, sent again with
 * the same key and body after a failure. Afterwards every acknowledged pin must be in the
 * database exactly once, whatever was stopped meanwhile.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterReliabilityTest {

  /** The ports the cluster was started with (scripts/cluster.sh keeps them in var/cluster/ports.env). */
  static final Map<String, String> PORTS = ports();
  static final String BALANCER = "http://localhost:" + PORTS.getOrDefault("CLUSTER_PORT", "8080");
  static final List<String> NODES = List.of(PORTS.getOrDefault("NODE_PORTS", "8081 8082").trim().split("\\s+"));
  static final String PRIMARY = "jdbc:postgresql://127.0.0.1:" + PORTS.getOrDefault("DIALOGKARTA_PG_PORT", "55432")
      + "/dialogkarta";
  static final int LOAD_SECONDS = Integer.parseInt(env("CLUSTER_LOAD_SECONDS", "60"));
  static final int THREADS = 4;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  static String slug;
  private static double[] box;

  @BeforeAll
  static void anOpenDialogue() throws Exception {
    for (JsonNode d : json(get(BALANCER + "/api/v1/dialogues"))) {
      if (d.get("status").asString().equals("ongoing") && d.hasNonNull("studyArea")) {
        slug = d.get("slug").asString();
        box = firstRingBounds(d.get("studyArea"));
        return;
      }
    }
    throw new IllegalStateException("no ongoing dialogue with a study area: start the cluster with demo data");
  }

  @Test
  @Order(0)
  void aStaffSessionBegunThroughTheBalancerIsServedByBothNodes() throws Exception {
    // The demo administrator (make cluster loads the demo with it).
    String user = env("DIALOGKARTA_ADMIN_USERNAME", "admin");
    String password = env("DIALOGKARTA_ADMIN_PASSWORD", "demo-dialogkarta-2026");
    HttpResponse<String> csrf = get(BALANCER + "/api/v1/csrf");
    String anonymous = cookie(csrf);
    String token = json(csrf).get("token").asString();
    HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(BALANCER + "/login"))
        .header("Cookie", anonymous).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
            + "&_csrf=" + enc(token))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/personal/");
    String session = cookie(signedIn);
    java.nio.file.Path log = java.nio.file.Path.of("var/cluster/nginx-access.log");
    long before = java.nio.file.Files.exists(log) ? java.nio.file.Files.readAllLines(log).size() : 0;
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(BALANCER + "/api/v1/staff/me"))
          .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode()).as("request " + i).isEqualTo(200);
      assertThat(json(me).get("username").asString()).isEqualTo(user);
    }
    // nginx's access log names the node that answered each request: both did.
    List<String> served = java.nio.file.Files.readAllLines(log).stream().skip(before)
        .filter(l -> l.contains("/api/v1/staff/me")).toList();
    for (String node : NODES) {
      assertThat(served).as("/me answered by node " + node).anyMatch(l -> l.contains(":" + node));
    }
  }

  private static String cookie(HttpResponse<String> r) {
    String set = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("DIALOGKARTA_SESSION="))
        .findFirst().orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  @Order(1)
  void nodeAStopsDuringTheWriteLoadAndNoAcknowledgedPinIsLostOrDoubled() throws Exception {
    Load load = Load.start(THREADS);
    Thread.sleep(LOAD_SECONDS * 1000L / 3);
    cluster("stop-node", NODES.getFirst());
    Thread.sleep(LOAD_SECONDS * 1000L / 3);
    cluster("start-node", NODES.getFirst());
    Thread.sleep(LOAD_SECONDS * 1000L / 3);
    load.stopAndCheck("node " + NODES.getFirst() + " stopped and started");
  }

  @Test
  @Order(2)
  void thePrimaryRestartsUnderLoadAndTheServiceRecoversByItself() throws Exception {
    Load load = Load.start(THREADS);
    Thread.sleep(LOAD_SECONDS * 1000L / 3);
    cluster("restart-primary");
    Thread.sleep(LOAD_SECONDS * 1000L * 2 / 3);
    load.stopAndCheck("primary restarted");
    assertThat(post(BALANCER, UUID.randomUUID().toString(), pinBody("efter omstart")).statusCode())
        .as("writes work again without restarting the app").isEqualTo(201);
  }

  @Test
  @Order(3)
  void aStoppedReplicaCostsPublicReadsNothingButAFirstRetry() throws Exception {
    cluster("stop-replica");
    try {
      int errors = 0;
      for (int i = 0; i < 40; i++) {
        for (String path : List.of("/api/v1/dialogues", "/api/v1/dialogues/" + slug + "/pins/tiles/" + tile(12),
            "/ogc/collections/pins-" + slug + "/items?limit=5", "/dialoger/" + slug)) {
          HttpResponse<String> r = get(BALANCER + path);
          if (r.statusCode() >= 500) {
            errors++;
            assertThat(get(BALANCER + path).statusCode()).as("the retry of " + path).isLessThan(500);
          }
        }
      }
      assertThat(errors).as("5xx answers while the replica is down (each retried once)").isLessThanOrEqualTo(2);
    } finally {
      cluster("start-replica");
    }
  }

  /** Citizens writing through the balancer, retrying as the pages do, and what was acknowledged. */
  static final class Load {
    final Map<String, Long> acknowledged = new ConcurrentHashMap<>(); // text -> pin id
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger gaveUp = new AtomicInteger();
    final List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Thread> threads = new ArrayList<>();

    static Load start(int n) {
      Load load = new Load();
      String run = UUID.randomUUID().toString().substring(0, 8);
      for (int t = 0; t < n; t++) {
        int thread = t;
        load.threads.add(Thread.ofPlatform().start(() -> load.write(run + "-" + thread)));
      }
      return load;
    }

    private void write(String prefix) {
      for (int i = 0; running.get(); i++) {
        String text = "Last " + prefix + "-" + i;
        String key = UUID.randomUUID().toString();
        String body = pinBody(text);
        for (int attempt = 0; ; attempt++) {
          try {
            HttpResponse<String> r = post(BALANCER, key, body);
            if (r.statusCode() == 201 || r.statusCode() == 200) {
              acknowledged.put(text, json(r).get("id").asLong());
              break;
            }
            if (r.statusCode() < 500 && r.statusCode() != 429 && r.statusCode() != 409) {
              refused.add(r.statusCode() + " " + r.body()); // an answer the pages would not retry
              return;
            }
          } catch (IOException e) {
            // a dropped connection: the pages send the same key and body again
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          retries.incrementAndGet();
          if (attempt > 60) {
            gaveUp.incrementAndGet();
            break;
          }
          sleep(Math.min(2000, 100L << Math.min(attempt, 4)));
        }
      }
    }

    void stopAndCheck(String what) throws Exception {
      running.set(false);
      for (Thread t : threads) {
        t.join(60_000);
      }
      System.out.printf("%s: %d pins acknowledged, %d retries, %d given up%n", what, acknowledged.size(),
          retries.get(), gaveUp.get());
      assertThat(refused).as("answers the pages would not retry").isEmpty();
      assertThat(gaveUp.get()).as("writes that never got through").isZero();
      assertThat(acknowledged).isNotEmpty();
      try (Connection c = DriverManager.getConnection(PRIMARY, "dialogkarta", "dialogkarta");
           PreparedStatement q = c.prepareStatement("SELECT text, count(*), min(id) FROM pin WHERE text = ANY (?)"
               + " GROUP BY text")) {
        q.setArray(1, c.createArrayOf("text", acknowledged.keySet().toArray()));
        Set<String> found = new java.util.HashSet<>();
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            assertThat(rs.getInt(2)).as("copies of " + rs.getString(1)).isOne();
            assertThat(rs.getLong(3)).as("the acknowledged id of " + rs.getString(1))
                .isEqualTo(acknowledged.get(rs.getString(1)));
            found.add(rs.getString(1));
          }
        }
        assertThat(found).as("acknowledged pins in the database").containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
      }
    }
  }

  /** The z/x/y of the tile at the middle of the dialogue's study area. */
  static String tile(int z) {
    int[] t = org.dialogkarta.support.SlippyTiles.of((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, z);
    return z + "/" + t[0] + "/" + t[1];
  }

  static String pinBody(String text) {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    double lon = box[0] + (box[2] - box[0]) * (0.45 + 0.1 * r.nextDouble());
    double lat = box[1] + (box[3] - box[1]) * (0.45 + 0.1 * r.nextDouble());
    return """
        {"category": "suggestion", "text": %s, "location": {"type": "Point", "coordinates": [%s, %s]}}"""
        .formatted(JSON.writeValueAsString(text), lon, lat);
  }

  static HttpResponse<String> post(String base, String key, String body) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dialogues/" + slug + "/pins"))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json").header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  static void cluster(String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("scripts/cluster.sh"));
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    assertThat(p.waitFor()).as(String.join(" ", cmd)).isZero();
  }

  /**
   * The west, south, east and north of the study area's first outer ring (a village of a rural
   * dialogue, or the whole area): its middle lies inside for the demo's rounded areas.
   */
  static double[] firstRingBounds(JsonNode geometry) {
    JsonNode ring = geometry.get("type").asString().equals("MultiPolygon") ? geometry.at("/coordinates/0/0")
        : geometry.at("/coordinates/0");
    double[] b = {180, 90, -180, -90};
    for (JsonNode n : ring) {
      b[0] = Math.min(b[0], n.get(0).asDouble());
      b[1] = Math.min(b[1], n.get(1).asDouble());
      b[2] = Math.max(b[2], n.get(0).asDouble());
      b[3] = Math.max(b[3], n.get(1).asDouble());
    }
    return b;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> ports() {
    Map<String, String> out = new java.util.HashMap<>();
    java.nio.file.Path file = java.nio.file.Path.of("var/cluster/ports.env");
    try {
      if (java.nio.file.Files.exists(file)) {
        for (String line : java.nio.file.Files.readAllLines(file)) {
          int eq = line.indexOf('=');
          if (eq > 0) {
            out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim().replaceAll("^[\"']|[\"']$", ""));
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (String name : List.of("CLUSTER_PORT", "NODE_PORTS", "DIALOGKARTA_PG_PORT")) {
      if (System.getenv(name) != null && !System.getenv(name).isBlank()) {
        out.put(name, System.getenv(name));
      }
    }
    return out;
  }

  static String env(String name, String absent) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? absent : v;
  }
}
