package org.dialogkarta.photo;

import java.util.Optional;
import java.util.UUID;
import org.dialogkarta.pin.PublicPins;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  /** An upload's Idempotency-Key and the digest of what it sent with it (never stored). */
  record Key(UUID key, byte[] digest) {}

  private final JdbcClient jdbc;
  private final IdempotencyKeys keys;

  Photos(JdbcClient jdbc, IdempotencyKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
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
   * With a key, the key is claimed in the same transaction: a retry that ran alongside this one
   * waits for it and then gets its photo; the same key sent at once for another pin is refused.
   */
  @Transactional
  Stored add(long pinId, ProcessedPhoto photo, int maxPerPin, Key key) {
    jdbc.sql("SELECT id FROM pin WHERE id = :pin FOR UPDATE").param("pin", pinId).query(Long.class).optional()
        .orElseThrow(() -> PhotoFaults.noSuchPinForReceipt(pinId));
    if (key != null) {
      Optional<Stored> earlier = keys.claim(IdempotencyKeys.Kind.PHOTO, key.key(), key.digest()).map(this::replayed);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    int count = jdbc.sql("SELECT count(*) FROM photo WHERE pin_id = :pin").param("pin", pinId)
        .query(Integer.class).single();
    if (count >= maxPerPin) {
      throw PhotoFaults.tooMany(maxPerPin);
    }
    long id = jdbc.sql("""
            INSERT INTO photo (pin_id, image, thumbnail, width, height, byte_size)
            VALUES (:pin, :image, :thumbnail, :width, :height, :size)
            RETURNING id""")
        .param("pin", pinId)
        .param("image", photo.image())
        .param("thumbnail", photo.thumbnail())
        .param("width", photo.width())
        .param("height", photo.height())
        .param("size", photo.image().length)
        .query(Long.class)
        .single();
    if (key != null) {
      keys.complete(IdempotencyKeys.Kind.PHOTO, key.key(), key.digest(), id);
    }
    return new Stored(id, photo.width(), photo.height(), photo.image().length, false);
  }

  /**
   * The photo an earlier upload with this key stored, or empty when the key is new. The key used
   * for another pin or with other bytes is refused (the digest holds both).
   */
  Optional<Stored> byKey(Key key) {
    return keys.find(IdempotencyKeys.Kind.PHOTO, key.key(), key.digest()).map(this::replayed);
  }

  private Stored replayed(IdempotencyKeys.Earlier earlier) {
    return jdbc.sql("SELECT id, width, height, byte_size FROM photo WHERE id = :id")
        .param("id", earlier.createdId())
        .query((rs, row) -> new Stored(rs.getLong("id"), rs.getInt("width"), rs.getInt("height"),
            rs.getInt("byte_size"), true))
        .single();
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
