package org.dialogkarta.receipt;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} handling for every citizen write a phone may retry on a bad connection
 * (pins, photos, walk tracks), so that a retry makes nothing twice and gets the first answer. The
 * one reader and writer of {@code idempotency_record}, and its one purge.
 *
 * <p>The key is claimed with an insert inside the writing transaction: a concurrent request with
 * the same key waits on that row, then sees the finished record and replays it. If the first
 * request fails, its claim is rolled back with it. Nothing lives in the process: every node sees
 * the same claims.
 */
@Component
public class IdempotencyKeys {

  public static final Duration KEPT_FOR = Duration.ofHours(24);

  /** What a request made; a key names one request per kind. */
  public enum Kind {
    PIN("pin", "request"),
    PHOTO("photo", "photo"),
    WALK_TRACK("walk_track", "track"),
    WALK_RATING("walk_rating", "checklist rating"),
    RESPONSE("response", "response");

    private final String code;
    private final String what;

    Kind(String code, String what) {
      this.code = code;
      this.what = what;
    }
  }

  /**
   * What an earlier request with the same key made: its id, and for a pin its receipt token (null
   * when none was kept, or it was kept before sealing).
   */
  public record Earlier(long createdId, String receiptToken) {}

  private final JdbcClient jdbc;

  IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The digest that says whether a retry is the same request: SHA-256 of {@code scope} (what was
   * asked of what, e.g. {@code "response\n" + dialogueId + "\n"}) followed by the body as parsed,
   * so that white space and key order do not matter. Kinds keep their own scope, so one key sent
   * to two endpoints never replays the other's answer.
   */
  public static byte[] requestDigest(String scope, byte[] body) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(scope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return sha.digest(body);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static UUID parse(String header) {
    if (header == null) {
      return null;
    }
    try {
      String h = header.strip();
      if (h.length() != 36) {
        throw new IllegalArgumentException();
      }
      return UUID.fromString(h);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("Idempotency-Key", "idempotency_key.malformed",
          "The Idempotency-Key header must be a UUID");
    }
  }

  /**
   * Claims the key within the caller's transaction; when the same request already claimed it,
   * gives what that request made, and the same key with another request is refused (422).
   * {@code digest} is a hash of the whole request that is never stored: the table keeps only a
   * hash of it (to tell the same request from another) and the receipt token sealed with a key
   * made from it, so a copy of the database cannot give back a receipt token, while a retry of the
   * same request can.
   */
  public Optional<Earlier> claim(Kind kind, UUID key, byte[] digest) {
    int inserted = jdbc.sql("""
            INSERT INTO idempotency_record (kind, key, request_hash) VALUES (:kind, :key, :hash)
            ON CONFLICT (kind, key) DO NOTHING""")
        .param("kind", kind.code)
        .param("key", key)
        .param("hash", TokenSeal.stored(digest))
        .update();
    if (inserted == 1) {
      return Optional.empty();
    }
    return find(kind, key, digest);
  }

  /**
   * What an earlier request with this key made, without claiming it: for a check before costly
   * work (a photo's decode), which {@link #claim} repeats inside the transaction.
   */
  public Optional<Earlier> find(Kind kind, UUID key, byte[] digest) {
    record Row(byte[] requestHash, Long createdId, String receiptToken) {}
    Optional<Row> row = jdbc.sql("""
            SELECT request_hash, created_id, receipt_token FROM idempotency_record WHERE kind = :kind AND key = :key""")
        .param("kind", kind.code)
        .param("key", key)
        .query(Row.class)
        .optional();
    if (row.isEmpty() || row.get().createdId() == null) {
      return Optional.empty();
    }
    if (!Arrays.equals(row.get().requestHash(), TokenSeal.stored(digest))) {
      throw InvalidInputException.of("Idempotency-Key", "idempotency_key.reused",
          "This Idempotency-Key was already used for a different " + kind.what);
    }
    return Optional.of(new Earlier(row.get().createdId(), TokenSeal.open(digest, row.get().receiptToken())));
  }

  /** Records what the claimed request made, in the same transaction as the claim. */
  public void complete(Kind kind, UUID key, byte[] digest, long createdId) {
    complete(kind, key, digest, createdId, null);
  }

  /** Records what the claimed request made and the receipt token it answered with, sealed. */
  public void complete(Kind kind, UUID key, byte[] digest, long createdId, String receiptToken) {
    int updated = jdbc.sql("""
            UPDATE idempotency_record SET created_id = :created, receipt_token = :token
            WHERE kind = :kind AND key = :key AND created_id IS NULL""")
        .param("created", createdId)
        .param("token", TokenSeal.seal(digest, receiptToken))
        .param("kind", kind.code)
        .param("key", key)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("Idempotency-Key " + key + " was not claimed by this " + kind.what);
    }
  }

  /** After a day no phone is still retrying: the one purge of every kind's keys. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  @SchedulerLock(name = "idempotency-purge")
  public void purgeOld() {
    OffsetDateTime cutoff = Instant.now().minus(KEPT_FOR).atOffset(ZoneOffset.UTC);
    jdbc.sql("DELETE FROM idempotency_record WHERE created_at < :cutoff").param("cutoff", cutoff).update();
  }
}
