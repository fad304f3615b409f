package org.dialogkarta.walk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.pin.WalkWindow;
import org.dialogkarta.pin.WalkWindows;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * One group's checklist ratings at one stop, from walk mode and without an account. Every score
 * must be on the scale and every item one of this walk's (a retired version too: a phone that was
 * offline while the facilitator reworded an item still rated the question it showed). With an
 * {@code Idempotency-Key} (kind {@code WALK_RATING}) a retry gets the first answer and stores
 * nothing more. Anything wrong refuses the whole set: nothing is stored.
 */
@Service
class WalkRatings {

  record Score(Long itemId, Integer score, String comment) {}

  record Upload(Long stopId, String recordedAt, List<Score> ratings) {}

  /** The stored set; {@code photoToken} lets the phone that sent it add the set's photo. */
  record Answer(long id, int count, UUID photoToken, @JsonIgnore boolean replayed) {}

  static final int COMMENT_MAX = 1000;

  private final JdbcClient jdbc;
  private final WalkWindows windows;
  private final IdempotencyKeys keys;
  private final JsonMapper json;

  WalkRatings(JdbcClient jdbc, WalkWindows windows, IdempotencyKeys keys, JsonMapper json) {
    this.jdbc = jdbc;
    this.windows = windows;
    this.keys = keys;
    this.json = json;
  }

  @Transactional
  Answer add(long walkId, Upload upload, UUID key) {
    WalkWindow window = windows.of(walkId).orElseThrow(() -> new NotFoundException("No walk " + walkId));
    List<FieldViolation> faults = new ArrayList<>();
    if (upload == null) {
      throw InvalidInputException.of("ratings", "rating.missing", "The body holds stopId, recordedAt and ratings");
    }
    Instant at = recordedAt(upload.recordedAt(), window, faults);
    if (upload.stopId() == null || !jdbc.sql("SELECT EXISTS (SELECT 1 FROM walk_stop WHERE id = :id AND walk_id = :walk)")
        .param("id", upload.stopId()).param("walk", walkId).query(Boolean.class).single()) {
      faults.add(FieldViolation.of("stopId", "rating.unknown_stop", "The stop is not one of this walk's stops"));
    }
    List<Score> scores = upload.ratings() == null ? List.of() : upload.ratings();
    if (scores.isEmpty()) {
      faults.add(FieldViolation.of("ratings", "rating.none", "Rate at least one item of the checklist"));
    }
    Set<Long> items = new HashSet<>(jdbc.sql("SELECT id FROM walk_checklist_item WHERE walk_id = :walk")
        .param("walk", walkId).query(Long.class).list());
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < scores.size(); i++) {
      Score s = scores.get(i);
      String field = "ratings[" + i + "]";
      if (s == null) {
        faults.add(FieldViolation.of(field, "rating.missing", "A rating is an object"));
        continue;
      }
      if (s.itemId() == null || !items.contains(s.itemId()) || !seen.add(s.itemId())) {
        faults.add(FieldViolation.of(field + ".itemId", "rating.unknown_item",
            "The item is not on this walk's checklist, or is rated twice"));
      }
      if (s.score() == null || s.score() < ChecklistTemplate.MIN || s.score() > ChecklistTemplate.MAX) {
        faults.add(FieldViolation.of(field + ".score", "rating.out_of_scale",
            "A score is a whole number from " + ChecklistTemplate.MIN + " to " + ChecklistTemplate.MAX));
      }
      if (s.comment() != null && (s.comment().isBlank() || s.comment().strip().length() > COMMENT_MAX)) {
        faults.add(FieldViolation.of(field + ".comment", "rating.comment", "A comment has 1 to " + COMMENT_MAX + " characters"));
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    byte[] digest = key == null ? null : requestHash(walkId, upload);
    if (key != null) {
      Optional<Answer> earlier = keys.claim(IdempotencyKeys.Kind.WALK_RATING, key, digest).map(this::replayed);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    Answer stored = jdbc.sql("""
            INSERT INTO walk_rating_set (walk_id, stop_id, recorded_at) VALUES (:walk, :stop, :at)
            RETURNING id, photo_token""")
        .param("walk", walkId).param("stop", upload.stopId()).param("at", at.atOffset(ZoneOffset.UTC))
        .query((rs, row) -> new Answer(rs.getLong("id"), scores.size(), rs.getObject("photo_token", UUID.class), false))
        .single();
    long id = stored.id();
    for (Score s : scores) {
      jdbc.sql("""
              INSERT INTO walk_rating (set_id, walk_id, item_id, score, comment)
              VALUES (:set, :walk, :item, :score, :comment)""")
          .param("set", id).param("walk", walkId).param("item", s.itemId()).param("score", s.score())
          .param("comment", s.comment() == null ? null : s.comment().strip()).update();
    }
    if (key != null) {
      keys.complete(IdempotencyKeys.Kind.WALK_RATING, key, digest, id);
    }
    return stored;
  }

  private static Instant recordedAt(String value, WalkWindow window, List<FieldViolation> faults) {
    if (value == null || value.isBlank()) {
      return Instant.now();
    }
    try {
      Instant at = OffsetDateTime.parse(value.strip()).toInstant();
      if (at.isBefore(window.opens()) || at.isAfter(window.closes()) || at.isAfter(Instant.now().plus(Tracks.CLOCK_SKEW))) {
        faults.add(FieldViolation.of("recordedAt", "rating.outside_walk", "The rating was made outside the walk's time"));
      }
      return at;
    } catch (DateTimeParseException e) {
      faults.add(FieldViolation.of("recordedAt", "rating.time", "recordedAt is a time with an offset (ISO 8601)"));
      return null;
    }
  }

  private Answer replayed(IdempotencyKeys.Earlier earlier) {
    return jdbc.sql("""
            SELECT id, photo_token, (SELECT count(*) FROM walk_rating r WHERE r.set_id = s.id) AS n
            FROM walk_rating_set s WHERE id = :id""")
        .param("id", earlier.createdId())
        .query((rs, row) -> new Answer(rs.getLong("id"), rs.getInt("n"), rs.getObject("photo_token", UUID.class), true))
        .single();
  }

  private byte[] requestHash(long walkId, Upload upload) {
    return IdempotencyKeys.requestDigest("walk-rating\n" + walkId + "\n", json.writeValueAsBytes(upload));
  }
}
