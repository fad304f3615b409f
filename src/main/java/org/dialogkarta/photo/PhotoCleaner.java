package org.dialogkarta.photo;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The one door to photo cleaning for other packages (walk's rating photos): the same checks,
 * decode limits, turning upright, re-encoding and metadata stripping as pin photos, with the same
 * refusals (field {@code photo}). Storing is the caller's.
 */
@Component
public class PhotoCleaner {

  /** A cleaned photo: the re-encoded JPEG, its thumbnail and its size in pixels. */
  public record Cleaned(byte[] image, byte[] thumbnail, int width, int height) {}

  private final PhotoProcessing processing;

  PhotoCleaner(PhotoProcessing processing) {
    this.processing = processing;
  }

  public Cleaned clean(MultipartFile file) {
    ProcessedPhoto p = processing.process(file);
    return new Cleaned(p.image(), p.thumbnail(), p.width(), p.height());
  }
}
