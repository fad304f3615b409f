package org.dialogkarta.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;
import org.dialogkarta.kernel.DialogkartaProperties;
import org.dialogkarta.receipt.Receipts;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Adds a photo to a pin for the holder of the pin's receipt. The decode and re-encode run
 * outside any transaction (they take a second or so of CPU and must not hold a database
 * connection); only the final count and insert are one transaction, in {@link Photos#add}.
 *
 * <p>With an {@code Idempotency-Key}, a phone that lost the answer and sends the same photo again
 * gets the photo it made the first time, even if the pin has its three photos by then or the
 * dialogue has closed since: the upload happened, only the answer was lost.
 */
@Service
class PhotoUploads {

  private final Receipts receipts;
  private final Photos photos;
  private final PhotoProcessing processing;
  private final int maxPerPin;

  PhotoUploads(Receipts receipts, Photos photos, PhotoProcessing processing, DialogkartaProperties properties) {
    this.receipts = receipts;
    this.photos = photos;
    this.processing = processing;
    this.maxPerPin = properties.photos().maxPerPin();
  }

  Photos.Stored add(long pinId, String receiptToken, MultipartFile file, UUID idempotencyKey) {
    Photos.OwnedPin pin = receipts.find(receiptToken)
        .flatMap(receipt -> photos.ownedPin(pinId, receipt))
        .orElseThrow(() -> PhotoFaults.noSuchPinForReceipt(pinId));
    Photos.Key key = null;
    if (idempotencyKey != null) {
      if (file == null || file.isEmpty()) {
        throw PhotoFaults.missing();
      }
      key = new Photos.Key(idempotencyKey, requestHash(pinId, file));
      Optional<Photos.Stored> earlier = photos.byKey(key);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    if (!pin.dialogueOpen()) {
      throw PhotoFaults.dialogueClosed();
    }
    // Checked here too so that a fourth photo is refused before it is decoded.
    if (pin.photoCount() >= maxPerPin) {
      throw PhotoFaults.tooMany(maxPerPin);
    }
    return photos.add(pin.id(), processing.process(file), maxPerPin, key);
  }

  /** The pin and the bytes as sent: another photo, or the same photo for another pin, differs. */
  private static byte[] requestHash(long pinId, MultipartFile file) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(pinId).array());
      return sha.digest(file.getBytes());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the uploaded part failed", e);
    }
  }
}
