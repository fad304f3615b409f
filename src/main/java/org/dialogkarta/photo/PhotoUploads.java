package org.dialogkarta.photo;

import org.dialogkarta.pin.Receipts;
import org.dialogkarta.web.DialogkartaProperties;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Adds a photo to a pin for the holder of the pin's receipt. The decode and re-encode run
 * outside any transaction (they take a second or so of CPU and must not hold a database
 * connection); only the final count and insert are one transaction, in {@link Photos#add}.
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

  Photos.Stored add(long pinId, String receiptToken, MultipartFile file) {
    Photos.OwnedPin pin = receipts.find(receiptToken)
        .flatMap(receipt -> photos.ownedPin(pinId, receipt))
        .orElseThrow(() -> PhotoFaults.noSuchPinForReceipt(pinId));
    if (!pin.dialogueOpen()) {
      throw PhotoFaults.dialogueClosed();
    }
    // Checked here too so that a fourth photo is refused before it is decoded.
    if (pin.photoCount() >= maxPerPin) {
      throw PhotoFaults.tooMany(maxPerPin);
    }
    return photos.add(pin.id(), processing.process(file), maxPerPin);
  }
}
