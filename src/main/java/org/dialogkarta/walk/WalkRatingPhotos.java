package org.dialogkarta.walk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.photo.PhotoCleaner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The one optional photo of a group's rating set at a stop (issue 16). Walk mode sends it after
 * the set, with the set's photo token from the answer to the ratings; the same photo sent again
 * (a phone that lost the answer) gets the first answer, another photo for a set that has one is a
 * conflict. Cleaned by {@link PhotoCleaner} exactly like pin photos; the decode runs before the
 * transaction.
 */
@Service
class WalkRatingPhotos {

  record Stored(long setId, int width, int height, boolean replayed) {}

  private final JdbcClient jdbc;
  private final PhotoCleaner cleaner;

  WalkRatingPhotos(JdbcClient jdbc, PhotoCleaner cleaner) {
    this.jdbc = jdbc;
    this.cleaner = cleaner;
  }

  Stored add(long walkId, long setId, String token, MultipartFile file) {
    UUID photoToken = token(token);
    if (!jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM walk_rating_set WHERE id = :set AND walk_id = :walk AND photo_token = :token)""")
        .param("set", setId).param("walk", walkId).param("token", photoToken).query(Boolean.class).single()) {
      // The same answer for an unknown set and a wrong token, so neither can be probed.
      throw new NotFoundException("No rating set " + setId + " for this token");
    }
    byte[] hash = file == null || file.isEmpty() ? null : sha256(file);
    Optional<Stored> earlier = hash == null ? Optional.empty() : earlier(setId, hash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    PhotoCleaner.Cleaned photo = cleaner.clean(file);
    return store(setId, photo, hash);
  }

  /** One statement: a second photo arriving at the same time for the same set loses the insert. */
  private Stored store(long setId, PhotoCleaner.Cleaned photo, byte[] hash) {
    int rows = jdbc.sql("""
            INSERT INTO walk_rating_photo (set_id, image, thumbnail, width, height, byte_size, request_hash)
            VALUES (:set, :image, :thumb, :w, :h, :size, :hash) ON CONFLICT (set_id) DO NOTHING""")
        .param("set", setId).param("image", photo.image()).param("thumb", photo.thumbnail())
        .param("w", photo.width()).param("h", photo.height()).param("size", photo.image().length)
        .param("hash", hash).update();
    if (rows == 0) {
      return earlier(setId, hash).orElseThrow(WalkRatingPhotos::alreadyHasOne);
    }
    return new Stored(setId, photo.width(), photo.height(), false);
  }

  private Optional<Stored> earlier(long setId, byte[] hash) {
    return jdbc.sql("SELECT width, height, request_hash FROM walk_rating_photo WHERE set_id = :set")
        .param("set", setId)
        .query((rs, row) -> {
          if (!Arrays.equals(rs.getBytes("request_hash"), hash)) {
            throw alreadyHasOne();
          }
          return new Stored(setId, rs.getInt("width"), rs.getInt("height"), true);
        })
        .optional();
  }

  /** The photo's JPEG (or its thumbnail) for staff. */
  Optional<byte[]> read(long walkId, long setId, boolean thumbnail) {
    return jdbc.sql("SELECT p." + (thumbnail ? "thumbnail" : "image") + """
             FROM walk_rating_photo p JOIN walk_rating_set s ON s.id = p.set_id
            WHERE p.set_id = :set AND s.walk_id = :walk""")
        .param("set", setId).param("walk", walkId).query(byte[].class).optional();
  }

  private static ConflictException alreadyHasOne() {
    return new ConflictException("rating.photo_exists", "This rating set has its photo already");
  }

  private static UUID token(String token) {
    try {
      if (token != null && !token.isBlank()) {
        return UUID.fromString(token.strip());
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw InvalidInputException.of("token", "rating.photo_token", "token is the photoToken from the answer to the ratings");
  }

  private static byte[] sha256(MultipartFile file) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(file.getBytes());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the uploaded part failed", e);
    }
  }
}
