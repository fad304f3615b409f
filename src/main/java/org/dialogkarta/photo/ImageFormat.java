package org.dialogkarta.photo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What an upload is, told by its first bytes (its magic number). The declared content type and
 * the file name come from the client and are never trusted: a renamed text file or a HEIC photo
 * called {@code IMG_0001.jpg} is recognised for what it is.
 *
 * <p>Only JPEG and PNG are accepted. The others are recognised so that the citizen is told to
 * choose JPEG rather than that their photo is not an image. HEIC (the iPhone's default) is
 * refused because no maintained pure-Java HEIC decoder is published on Maven Central, checked
 * when photos were added: TwelveMonkeys ImageIO has no HEIF plugin (its issue 440 is open),
 * NightMonkeys' {@code imageio-heif} is on Central but calls the native libheif through the
 * foreign-function API (Java 22+ and a native library on every machine), and Openize.HEIC is
 * pure Java but published only outside Central and without the deblocking filter. Phones offer
 * JPEG: iPhones under Settings, Camera, Formats, "Most Compatible".
 */
enum ImageFormat {
  JPEG("jpeg"),
  PNG("png"),
  /** HEIC and AVIF: both are HEIF (ISO base media file) containers. */
  HEIF(null),
  GIF(null),
  WEBP(null),
  TIFF(null),
  BMP(null);

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Set<String> HEIF_BRANDS = Set.of(
      "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1", "avif", "avis");

  private final String imageIoName;

  ImageFormat(String imageIoName) {
    this.imageIoName = imageIoName;
  }

  /** Whether the service decodes this format. */
  boolean accepted() {
    return imageIoName != null;
  }

  /** The ImageIO format name of an accepted format. */
  String imageIoName() {
    return imageIoName;
  }

  /** The format the bytes start with, or empty for anything that is not a known image. */
  static Optional<ImageFormat> sniff(byte[] b) {
    if (startsWith(b, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(b, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp") && HEIF_BRANDS.contains(ascii(b, 8, 4))) {
      return Optional.of(HEIF);
    }
    if (ascii(b, 0, 6).equals("GIF87a") || ascii(b, 0, 6).equals("GIF89a")) {
      return Optional.of(GIF);
    }
    if (ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
      return Optional.of(WEBP);
    }
    if (startsWith(b, 0, (byte) 'I', (byte) 'I', (byte) 42, (byte) 0)
        || startsWith(b, 0, (byte) 'M', (byte) 'M', (byte) 0, (byte) 42)) {
      return Optional.of(TIFF);
    }
    // "BM" alone would catch text that starts with it; the DIB header size must be a known one too.
    if (ascii(b, 0, 2).equals("BM") && b.length >= 18
        && Set.of(12, 40, 52, 56, 64, 108, 124).contains((b[14] & 0xFF) | (b[15] & 0xFF) << 8)
        && b[16] == 0 && b[17] == 0) {
      return Optional.of(BMP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, int offset, byte... prefix) {
    return b.length >= offset + prefix.length
        && Arrays.equals(b, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  private static String ascii(byte[] b, int offset, int length) {
    return b.length < offset + length ? "" : new String(b, offset, length, StandardCharsets.ISO_8859_1);
  }
}
