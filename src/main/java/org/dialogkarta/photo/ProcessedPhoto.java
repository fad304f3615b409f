package org.dialogkarta.photo;

/** A photo as the service stores it: the re-encoded JPEG, its thumbnail and its size in pixels. */
record ProcessedPhoto(byte[] image, byte[] thumbnail, int width, int height) {

  ProcessedPhoto {
    if (image.length == 0 || thumbnail.length == 0 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException("A processed photo has pixels and bytes");
    }
  }
}
