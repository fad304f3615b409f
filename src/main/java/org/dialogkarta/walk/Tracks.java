package org.dialogkarta.walk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
  private final IdempotencyKeys keys;
  private final JsonMapper json;

  Tracks(JdbcClient jdbc, WalkWindows windows, IdempotencyKeys keys, JsonMapper json) {
    this.jdbc = jdbc;
    this.windows = windows;
    this.keys = keys;
    this.json = json;
  }

  @Transactional
  Answer add(long walkId, Upload upload, UUID key) {
    WalkWindow window = windows.of(walkId).orElseThrow(() -> new NotFoundException("No walk " + walkId));
    List<TrackFilter.Fix> fixes = fixes(upload);
    byte[] digest = key == null ? null : requestHash(walkId, upload);
    if (key != null) {
      // A retry that ran alongside this one waits here for it, then gets its answer.
      Optional<Answer> earlier = keys.claim(IdempotencyKeys.Kind.WALK_TRACK, key, digest).map(this::replayed);
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
    long id = jdbc.sql("""
            INSERT INTO walk_track (walk_id, track, points_received, points_dropped)
            VALUES (:walk, ST_GeomFromWKB(:line, 4326), :received, :dropped)
            RETURNING id""")
        .param("walk", walkId)
        .param("line", line)
        .param("received", fixes.size())
        .param("dropped", result.dropped())
        .query(Long.class)
        .single();
    if (key != null) {
      keys.complete(IdempotencyKeys.Kind.WALK_TRACK, key, digest, id);
    }
    return new Answer(result.kept().size(), result.dropped(), false);
  }

  /** The answer the track an earlier upload with the same key stored got. */
  private Answer replayed(IdempotencyKeys.Earlier earlier) {
    return jdbc.sql("SELECT points_received, points_dropped FROM walk_track WHERE id = :id")
        .param("id", earlier.createdId())
        .query((rs, row) -> new Answer(rs.getInt("points_received") - rs.getInt("points_dropped"),
            rs.getInt("points_dropped"), true))
        .single();
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
    return IdempotencyKeys.requestDigest(walkId + "\n", json.writeValueAsBytes(upload.points()));
  }
}
