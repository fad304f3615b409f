package org.dialogkarta.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns decoded pixels into the JPEGs the service stores: RGB on white, scaled to fit, written
 * fresh. Writing new files from the pixels alone is what removes the metadata: EXIF (with GPS,
 * camera and owner), XMP, ICC profiles, comments and embedded thumbnails are never copied,
 * because nothing of the uploaded file but its pixels reaches the writer. ImageIO's writer adds
 * only the JFIF header, which carries no information about the photo.
 */
final class Reencoder {

  /** The long side of a stored photo: sharp on a phone and a laptop, a few hundred kB. */
  static final int MAX_SIDE = 2048;
  static final int THUMBNAIL_SIDE = 320;
  private static final float QUALITY = 0.85f;
  private static final float THUMBNAIL_QUALITY = 0.80f;

  private Reencoder() {}

  /** RGB without alpha: transparent parts (PNG) become white, as they look on the pages. */
  static BufferedImage onWhite(BufferedImage image) {
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  /**
   * Scaled down so that the long side is at most {@code maxSide}; smaller images are kept as they
   * are. One bilinear step from far above would sample only a few of the source pixels and
   * shimmer (aliasing), so the image is halved step by step first, then brought to size.
   */
  static BufferedImage fit(BufferedImage image, int maxSide) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (Math.max(w, h) <= maxSide) {
      return image;
    }
    double scale = (double) maxSide / Math.max(w, h);
    int targetW = Math.max(1, (int) Math.round(w * scale));
    int targetH = Math.max(1, (int) Math.round(h * scale));
    BufferedImage current = image;
    while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2,
          RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }
    if (current.getWidth() == targetW && current.getHeight() == targetH) {
      return current;
    }
    return draw(current, targetW, targetH, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
  }

  static byte[] photoJpeg(BufferedImage rgb) {
    return jpeg(rgb, QUALITY);
  }

  static byte[] thumbnailJpeg(BufferedImage rgb) {
    return jpeg(fit(rgb, THUMBNAIL_SIDE), THUMBNAIL_QUALITY);
  }

  private static BufferedImage draw(BufferedImage image, int w, int h, Object interpolation) {
    BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return scaled;
  }

  private static byte[] jpeg(BufferedImage rgb, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // In memory: ImageIO's default stream would cache through a temporary file.
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      // No stream or image metadata given: the writer makes its own minimal JFIF header.
      writer.write(null, new IIOImage(rgb, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing a JPEG in memory failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
