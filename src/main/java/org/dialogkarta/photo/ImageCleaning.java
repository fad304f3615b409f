package org.dialogkarta.photo;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The photo pipeline for other features' images (a scanned letter attached to a registered view):
 * recognised by its bytes, decoded within the same limits, re-encoded as JPEG so that nothing of
 * the original file survives but its pixels (no EXIF, no GPS, no comments). Refusals are the
 * photo's own, with the field {@code photo} and codes {@code photo.*}; callers rename the field.
 */
@Component
public class ImageCleaning {

  private final PhotoProcessing processing;

  ImageCleaning(PhotoProcessing processing) {
    this.processing = processing;
  }

  /** The image format the bytes start with (JPEG, PNG, HEIF, ...), or empty when not an image. */
  public Optional<String> recognise(byte[] bytes) {
    return ImageFormat.sniff(bytes).map(Enum::name);
  }

  /** The image as a metadata-free JPEG, or a photo fault. */
  public byte[] cleanJpeg(byte[] bytes) {
    return processing.processOneAtATime(bytes).image();
  }
}
