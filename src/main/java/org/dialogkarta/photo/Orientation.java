package org.dialogkarta.photo;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The EXIF orientation of a JPEG: phones store the sensor's pixels as they came and write in EXIF
 * how to turn them. The re-encoded photo has no EXIF, so the turn is applied to the pixels,
 * or a portrait photo would come out lying on its side.
 *
 * <p>Values 1 to 8 as in the EXIF standard: 1 upright, 2 mirrored, 3 upside down, 4 mirrored
 * upside down, 5 mirrored and turned, 6 turned 90° clockwise to show, 7 mirrored and turned the
 * other way, 8 turned 90° counter-clockwise to show.
 */
final class Orientation {

  static final int UPRIGHT = 1;

  private Orientation() {}

  /** The orientation tag of a JPEG, or upright when there is none or the EXIF cannot be read. */
  static int of(byte[] jpeg) {
    try {
      Metadata metadata = JpegMetadataReader.readMetadata(new ByteArrayInputStream(jpeg), List.of(new ExifReader()));
      ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        int value = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        return value >= 1 && value <= 8 ? value : UPRIGHT;
      }
    } catch (Exception e) {
      // Broken EXIF must not cost the citizen their photo: the pixels decode on their own, and
      // upright is the best guess when the tag cannot be read.
    }
    return UPRIGHT;
  }

  /** The image as it should be shown: turned and mirrored as the orientation says. */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation <= UPRIGHT || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swaps = orientation >= 5;
    // Each transform maps the stored pixel (x, y) to where it is shown.
    AffineTransform t = switch (orientation) {
      case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
      case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
      case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
      default -> new AffineTransform(0, -1, 1, 0, 0, w);
    };
    BufferedImage shown = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = shown.createGraphics();
    try {
      // Quarter turns and mirrors move whole pixels: nearest neighbour keeps them exact.
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return shown;
  }
}
