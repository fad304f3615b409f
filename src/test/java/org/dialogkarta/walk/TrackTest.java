package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;

/**
 * A phone sends the GPS track of the walk. Points that cannot be where the walk was are dropped
 * and counted, and never stored: the stored line holds exactly the kept points.
 */
class TrackTest extends WalkApiTest {

  @Test
  void aJumpOfKilometresInSecondsIsDroppedCountedAndNotStored() {
    long walkId = walkNow();
    long t0 = Instant.now().minus(20, ChronoUnit.MINUTES).toEpochMilli();
    List<String> points = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      // About 1.1 m north every 10 seconds: a slow walk.
      double lat = Double.parseDouble("58.5900" + i);
      points.add(point(16.18, lat, t0 + i * 10_000L, 6.0));
      kept.add(String.format(Locale.ROOT, "16.18 %s", trim(lat)));
      if (i == 4) {
        points.add(point(16.26, 58.59, t0 + i * 10_000L + 5_000, 6.0)); // 4.6 km east, 5 s later
        points.add(point(16.18, lat, t0 + i * 10_000L, 6.0));            // the same time again
        points.add(point(200, lat, t0 + i * 10_000L + 7_000, null));     // not a longitude
      }
    }
    Api.Response r = send(walkId, points, null);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("kept").asInt()).isEqualTo(10);
    assertThat(r.json().get("dropped").asInt()).isEqualTo(3);

    record Stored(String wkt, int received, int dropped) {}
    Stored stored = jdbc.sql("SELECT ST_AsText(track) AS wkt, points_received AS received, points_dropped AS dropped"
            + " FROM walk_track WHERE walk_id = :w")
        .param("w", walkId).query(Stored.class).single();
    assertThat(stored.wkt()).isEqualTo("LINESTRING(" + String.join(",", kept) + ")");
    assertThat(stored.wkt()).doesNotContain("16.26");
    assertThat(stored.received()).isEqualTo(13);
    assertThat(stored.dropped()).isEqualTo(3);

    Api.Response report = asPlanner("GET", "/api/v1/staff/walks/" + walkId + "/report", null);
    assertThat(report.json().get("trackPointsDropped").asLong()).isEqualTo(3);
    assertThat(report.json().get("track").get("coordinates").get(0)).hasSize(10);
  }

  @Test
  void severalPhonesMakeOneMultiLineString() {
    long walkId = walkNow();
    long t0 = Instant.now().minus(10, ChronoUnit.MINUTES).toEpochMilli();
    assertThat(send(walkId, List.of(point(16.18, 58.59, t0, 5.0), point(16.1801, 58.59, t0 + 30_000, 5.0)), null)
        .status()).isEqualTo(201);
    assertThat(send(walkId, List.of(point(16.19, 58.59, t0, null), point(16.1901, 58.59, t0 + 30_000, null)), null)
        .status()).isEqualTo(201);
    var track = asPlanner("GET", "/api/v1/staff/walks/" + walkId + "/report", null).json().get("track");
    assertThat(track.get("type").asString()).isEqualTo("MultiLineString");
    assertThat(track.get("coordinates")).hasSize(2);
    assertThat(asPlanner("GET", "/api/v1/staff/walks/" + walkId, null).json().get("trackCount").asLong()).isEqualTo(2);
  }

  @Test
  void aClosedWalkTakesATrackRecordedBeforeTheCloseAndDropsLaterPoints() {
    long walkId = walkNow();
    long t0 = Instant.now().minus(5, ChronoUnit.MINUTES).toEpochMilli();
    assertThat(asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/close", null).status()).isEqualTo(200);
    long afterClose = Instant.now().plusSeconds(1).toEpochMilli();
    Api.Response r = send(walkId, List.of(point(16.18, 58.59, t0, 5.0), point(16.1801, 58.59, t0 + 60_000, 5.0),
        point(16.1802, 58.59, afterClose, 5.0)), null);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("kept").asInt()).isEqualTo(2);
    assertThat(r.json().get("dropped").asInt()).isEqualTo(1);
  }

  @Test
  void aTrackWithFewerThanTwoUsablePointsIsRefusedAndNothingIsStored() {
    long walkId = walkNow();
    long t0 = Instant.now().minus(5, ChronoUnit.MINUTES).toEpochMilli();
    long longAgo = Instant.now().minus(2, ChronoUnit.DAYS).toEpochMilli();
    Api.Response r = send(walkId, List.of(point(16.18, 58.59, t0, 5.0), point(16.30, 58.59, t0 + 2_000, 5.0),
        point(16.18, 58.59, longAgo, 5.0), point(16.18, 58.591, t0 + 60_000, 900.0)), null);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("points");
    assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("track.too_few_kept");
    assertThat(trackCount(walkId)).isZero();
  }

  @Test
  void aRetriedUploadGetsTheFirstAnswerAndStoresOneTrack() {
    long walkId = walkNow();
    long t0 = Instant.now().minus(5, ChronoUnit.MINUTES).toEpochMilli();
    List<String> points = List.of(point(16.18, 58.59, t0, 5.0), point(16.1801, 58.59, t0 + 30_000, 5.0),
        point(16.5, 58.59, t0 + 31_000, 5.0));
    String key = UUID.randomUUID().toString();
    Api.Response first = send(walkId, points, key);
    Api.Response retry = send(walkId, points, key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body()).isEqualTo("{\"kept\":2,\"dropped\":1}");
    assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(trackCount(walkId)).isOne();
    Api.Response other = send(walkId, points.subList(0, 2), key);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("errors").get(0).get("code").asString()).isEqualTo("idempotency_key.reused");
    assertThat(trackCount(walkId)).isOne();
  }

  Api.Response send(long walkId, List<String> points, String key) {
    String body = "{\"points\": [" + String.join(", ", points) + "]}";
    return key == null ? api.postJson("/api/v1/walks/" + walkId + "/tracks", body)
        : api.postJson("/api/v1/walks/" + walkId + "/tracks", body, "Idempotency-Key", key);
  }

  long trackCount(long walkId) {
    return jdbc.sql("SELECT count(*) FROM walk_track WHERE walk_id = :w").param("w", walkId).query(Long.class).single();
  }

  static String point(double lon, double lat, long epochMillis, Double accuracy) {
    return String.format(Locale.ROOT, "[%s, %s, %d, %s]", trim(lon), trim(lat), epochMillis, accuracy);
  }

  /** The shortest decimal form, as PostGIS writes it in WKT. */
  private static String trim(double v) {
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }
}
