package org.dialogkarta.receipt;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} handling for pin submissions, so that a phone that retries on a bad
 * connection creates one pin. The key is claimed with an insert inside the submitting
 * transaction: a concurrent request with the same key waits on that row, then sees the finished
 * answer and replays it. If the first request fails, its claim is rolled back with it. Photos and
 * walk tracks read the same header with {@link #parse} and keep their keys in their own rows.
 */
@Component
public class IdempotencyKeys {

  public static final Duration KEPT_FOR = Duration.ofHours(24);

  /**
   * What an earlier request with the same key created: its id, and its receipt token when one was
   * kept (null when it was kept before sealing).
   */
  public record Earlier(long createdId, String receiptToken) {}
  private final JdbcClient jdbc;

  IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
   * Claims the key; when the same request already claimed it, gives that request's answer.
   * {@code digest} is a hash of the whole request that is never stored: the table keeps only a
   * hash of it (to tell the same request from another) and the receipt token sealed with a key
   * made from it, so a copy of the database cannot give back a receipt token, while a retry of the
   * same request can.
   */
  public Optional<Earlier> claim(UUID key, byte[] digest) {
    byte[] requestHash = TokenSeal.stored(digest);
    int inserted = jdbc.sql("INSERT INTO idempotency_key (key, request_hash) VALUES (:key, :hash)"
            + " ON CONFLICT (key) DO NOTHING")
        .param("key", key)
        .param("hash", requestHash)
        .update();
    if (inserted == 1) {
      return Optional.empty();
    }
    record Row(byte[] requestHash, Long pinId, String receiptToken) {}
    Row earlier = jdbc.sql("SELECT request_hash, pin_id, receipt_token FROM idempotency_key WHERE key = :key")
        .param("key", key)
        .query(Row.class)
        .single();
    if (!Arrays.equals(earlier.requestHash(), requestHash)) {
      throw InvalidInputException.of("Idempotency-Key", "idempotency_key.reused",
          "This Idempotency-Key was already used for a different request");
    }
    return Optional.of(new Earlier(earlier.pinId(), TokenSeal.open(digest, earlier.receiptToken())));
  }

  /** Records what the claimed request created, and its receipt token sealed. */
  public void complete(UUID key, byte[] digest, long createdId, String receiptToken) {
    jdbc.sql("UPDATE idempotency_key SET pin_id = :pin, receipt_token = :token WHERE key = :key")
        .param("pin", createdId)
        .param("token", TokenSeal.seal(digest, receiptToken))
        .param("key", key)
        .update();
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void purgeOld() {
    OffsetDateTime cutoff = Instant.now().minus(KEPT_FOR).atOffset(ZoneOffset.UTC);
    jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :cutoff").param("cutoff", cutoff).update();
  }
}
