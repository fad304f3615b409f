package org.dialogkarta.walk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.pin.WalkWindow;
import org.dialogkarta.pin.WalkWindows;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a walk's GPS track from a phone: checks its shape, drops impossible points
 * ({@link TrackFilter}) and stores the rest as one line. With an {@code Idempotency-Key}, a retry
 * gets the first answer; the same key with other points is refused.
 */
@Service
class Tracks {

  static final int MIN_POINTS = 2;
  static final int MAX_POINTS = 20_000;
  static final String FIELD = "points";
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** The body: {@code [lon, lat, epochMillis, accuracyMetres or null]} per point, oldest first. */
  record Upload(List<List<Double>> points) {}

  record Answer(int kept, int dropped, @JsonIgnore boolean replayed) {}

  private final JdbcClient jdbc;
  private final WalkWindows windows;
  private final JsonMapper json;

  Tracks(JdbcClient jdbc, WalkWindows windows, JsonMapper json) {
    this.jdbc = jdbc;
    this.windows = windows;
    this.json = json;
  }

  @Transactional
  Answer add(long walkId, Upload upload, UUID key) {
    WalkWindow window = windows.of(walkId).orElseThrow(() -> new NotFoundException("No walk " + walkId));
    List<TrackFilter.Fix> fixes = fixes(upload);
    byte[] hash = key == null ? null : requestHash(walkId, upload);
    if (key != null) {
      Optional<Answer> earlier = earlier(walkId, key, hash);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    // A phone's clock a few minutes fast is forgiven, as for pins; later points are not.
    Instant latest = Instant.now().plus(CLOCK_SKEW);
    Instant until = window.closes().isBefore(latest) ? window.closes() : latest;
    TrackFilter.Result result = TrackFilter.filter(fixes, window.opens(), until);
    if (result.kept().size() < MIN_POINTS) {
      throw InvalidInputException.of(FIELD, "track.too_few_kept", result.kept().size() + " of " + fixes.size()
          + " points are usable (in the walk's time, in order, at walking speed); a track needs at least 2");
    }
    byte[] line = new WKBWriter(2).write(Wgs84.FACTORY.createLineString(result.kept().toArray(Coordinate[]::new)));
    Optional<Long> id = jdbc.sql("""
            INSERT INTO walk_track (walk_id, track, points_received, points_dropped, idempotency_key, request_hash)
            VALUES (:walk, ST_GeomFromWKB(:line, 4326), :received, :dropped, :key, :hash)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id""")
        .param("walk", walkId)
        .param("line", line)
        .param("received", fixes.size())
        .param("dropped", result.dropped())
        .param("key", key, Types.OTHER)
        .param("hash", hash, Types.BINARY)
        .query(Long.class)
        .optional();
    if (id.isEmpty()) {
      // A retry with the same key committed first, while this one was filtering.
      return earlier(walkId, key, hash).orElseThrow();
    }
    return new Answer(result.kept().size(), result.dropped(), false);
  }

  /** After a day no phone is still retrying. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT3M")
  void forgetOldKeys() {
    OffsetDateTime cutoff = Instant.now().minus(IdempotencyKeys.KEPT_FOR).atOffset(ZoneOffset.UTC);
    jdbc.sql("""
            UPDATE walk_track SET idempotency_key = NULL, request_hash = NULL
            WHERE idempotency_key IS NOT NULL AND created_at < :cutoff""")
        .param("cutoff", cutoff).update();
  }

  private Optional<Answer> earlier(long walkId, UUID key, byte[] hash) {
    record Earlier(long walkId, byte[] requestHash, int pointsReceived, int pointsDropped) {}
    Optional<Earlier> earlier = jdbc.sql("""
            SELECT walk_id, request_hash, points_received, points_dropped FROM walk_track WHERE idempotency_key = :key""")
        .param("key", key)
        .query(Earlier.class)
        .optional();
    if (earlier.isEmpty()) {
      return Optional.empty();
    }
    Earlier e = earlier.get();
    if (e.walkId() != walkId || !Arrays.equals(e.requestHash(), hash)) {
      throw InvalidInputException.of("Idempotency-Key", "idempotency_key.reused",
          "This Idempotency-Key was already used for a different track");
    }
    return Optional.of(new Answer(e.pointsReceived() - e.pointsDropped(), e.pointsDropped(), true));
  }

  /**
   * The points as fixes. A point of the wrong shape is a fault of the client and refuses the
   * whole upload; a point of the right shape with impossible values is the phone's and is
   * dropped by the filter.
   */
  private static List<TrackFilter.Fix> fixes(Upload upload) {
    List<List<Double>> points = upload == null ? null : upload.points();
    if (points == null || points.size() < MIN_POINTS || points.size() > MAX_POINTS) {
      throw InvalidInputException.of(FIELD, "track.size",
          "A track has from " + MIN_POINTS + " to " + MAX_POINTS + " points");
    }
    List<TrackFilter.Fix> fixes = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      List<Double> p = points.get(i);
      if (p == null || p.size() < 3 || p.size() > 4 || p.get(0) == null || p.get(1) == null || p.get(2) == null) {
        throw InvalidInputException.of(FIELD + "[" + i + "]", "track.malformed_point",
            "A point is [longitude, latitude, epochMillis, accuracyMetres or null]");
      }
      fixes.add(new TrackFilter.Fix(p.get(0), p.get(1), p.get(2), p.size() == 4 ? p.get(3) : null));
    }
    return fixes;
  }

  private byte[] requestHash(long walkId, Upload upload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((walkId + "\n").getBytes(StandardCharsets.UTF_8));
      return sha.digest(json.writeValueAsBytes(upload.points()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
