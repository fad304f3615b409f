package org.dialogkarta.photo;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.dialogkarta.pin.PublicPins;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code photo} table. Reads name the one column they serve, so a thumbnail read never
 * loads the full photo. Public reads join the pin and require {@code moderation_state =
 * 'published'} and no {@code merged_into}: a photo is exactly as public as its pin, including
 * after the pin is hidden or merged into another.
 */
@Repository
class Photos {

  /** Which stored JPEG a request wants; the column name comes only from here. */
  enum Variant {
    IMAGE("image"),
    THUMBNAIL("thumbnail");

    private final String column;

    Variant(String column) {
      this.column = column;
    }
  }

  /** A receipt holder's pin, as far as adding photos needs it. */
  record OwnedPin(long id, boolean dialogueOpen, int photoCount) {}

  /** @param replayed true when an upload with the same Idempotency-Key stored it before */
  record Stored(long id, int width, int height, int byteSize, boolean replayed) {}

  /** An upload's Idempotency-Key and the hash of what it sent with it. */
  record Key(UUID key, byte[] requestHash) {}

  private final JdbcClient jdbc;

  Photos(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<OwnedPin> ownedPin(long pinId, long receiptId) {
    return jdbc.sql("""
            SELECT p.id, d.status = 'ongoing' AS open,
                   (SELECT count(*) FROM photo ph WHERE ph.pin_id = p.id) AS photos
            FROM pin p JOIN dialogue d ON d.id = p.dialogue_id
            WHERE p.id = :pin AND p.receipt_id = :receipt""")
        .param("pin", pinId)
        .param("receipt", receiptId)
        .query((rs, row) -> new OwnedPin(rs.getLong("id"), rs.getBoolean("open"), rs.getInt("photos")))
        .optional();
  }

  /**
   * Stores a photo unless its pin has its share already. The pin's row is locked first, so two
   * uploads at once for the same pin are counted one after the other and cannot both slip in.
   */
  @Transactional
  Stored add(long pinId, ProcessedPhoto photo, int maxPerPin, Key key) {
    jdbc.sql("SELECT id FROM pin WHERE id = :pin FOR UPDATE").param("pin", pinId).query(Long.class).optional()
        .orElseThrow(() -> PhotoFaults.noSuchPinForReceipt(pinId));
    if (key != null) {
      // A retry that ran alongside this one may have stored it while this one was decoding.
      Optional<Stored> earlier = byKey(pinId, key);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    int count = jdbc.sql("SELECT count(*) FROM photo WHERE pin_id = :pin").param("pin", pinId)
        .query(Integer.class).single();
    if (count >= maxPerPin) {
      throw PhotoFaults.tooMany(maxPerPin);
    }
    // The key is unique over all photos: the same key sent at once for another pin finds no
    // row to conflict with under this pin's lock, and is refused here instead of failing.
    long id = jdbc.sql("""
            INSERT INTO photo (pin_id, image, thumbnail, width, height, byte_size, idempotency_key, request_hash)
            VALUES (:pin, :image, :thumbnail, :width, :height, :size, :key, :hash)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id""")
        .param("pin", pinId)
        .param("image", photo.image())
        .param("thumbnail", photo.thumbnail())
        .param("width", photo.width())
        .param("height", photo.height())
        .param("size", photo.image().length)
        .param("key", key == null ? null : key.key(), Types.OTHER)
        .param("hash", key == null ? null : key.requestHash(), Types.BINARY)
        .query(Long.class)
        .optional()
        .orElseThrow(Photos::keyReused);
    return new Stored(id, photo.width(), photo.height(), photo.image().length, false);
  }

  /**
   * The photo an earlier upload with this key stored on this pin, or empty when the key is new.
   * The key used for another pin or with other bytes is refused.
   */
  Optional<Stored> byKey(long pinId, Key key) {
    record Earlier(long id, long pinId, byte[] requestHash, int width, int height, int byteSize) {}
    Optional<Earlier> earlier = jdbc.sql("""
            SELECT id, pin_id, request_hash, width, height, byte_size FROM photo WHERE idempotency_key = :key""")
        .param("key", key.key())
        .query(Earlier.class)
        .optional();
    if (earlier.isEmpty()) {
      return Optional.empty();
    }
    Earlier e = earlier.get();
    if (e.pinId() != pinId || !Arrays.equals(e.requestHash(), key.requestHash())) {
      throw keyReused();
    }
    return Optional.of(new Stored(e.id(), e.width(), e.height(), e.byteSize(), true));
  }

  /** After a day no phone is still retrying; the hash of the uploaded bytes need not be kept. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
  void forgetOldKeys() {
    OffsetDateTime cutoff = Instant.now().minus(IdempotencyKeys.KEPT_FOR).atOffset(ZoneOffset.UTC);
    jdbc.sql("""
            UPDATE photo SET idempotency_key = NULL, request_hash = NULL
            WHERE idempotency_key IS NOT NULL AND created_at < :cutoff""")
        .param("cutoff", cutoff).update();
  }

  private static InvalidInputException keyReused() {
    return InvalidInputException.of("Idempotency-Key", "idempotency_key.reused",
        "This Idempotency-Key was already used for a different photo");
  }

  Optional<byte[]> published(long photoId, Variant variant) {
    return jdbc.sql("SELECT ph." + variant.column + " FROM photo ph JOIN pin p ON p.id = ph.pin_id"
            + " WHERE ph.id = :id AND " + PublicPins.condition("p"))
        .param("id", photoId)
        .query(byte[].class)
        .optional();
  }

  /** A photo of one of the receipt's pins, whatever the pin's moderation state. */
  Optional<byte[]> ofReceipt(long photoId, long receiptId, Variant variant) {
    return jdbc.sql("SELECT ph." + variant.column + " FROM photo ph JOIN pin p ON p.id = ph.pin_id"
            + " WHERE ph.id = :id AND p.receipt_id = :receipt")
        .param("id", photoId)
        .param("receipt", receiptId)
        .query(byte[].class)
        .optional();
  }
}
