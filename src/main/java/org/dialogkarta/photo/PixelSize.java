package org.dialogkarta.photo;

import java.util.Optional;

/**
 * The width and height an image says it has. Checked before any pixel is decoded, because a
 * small file can declare an enormous image (a decompression bomb) whose pixels would fill the
 * memory: a 5 kB PNG can claim 50000 × 50000.
 */
record PixelSize(long width, long height) {

  /**
   * Phones save 12 to 24 MP by default (4000 × 3000 to 5712 × 4284); these leave room above that
   * and keep the decoded pixels to a size the service can hold.
   */
  static final long MAX_SIDE = 12_000;
  static final long MAX_PIXELS = 40_000_000;

  boolean withinLimits() {
    return width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE
        && width * height <= MAX_PIXELS;
  }

  /**
   * The size written in the file's header, read here from the bytes because ImageIO's readers
   * throw on some of the sizes that matter (zero, or a side over 65500) instead of reporting
   * them, and those must be answered as bad dimensions, not as an unreadable file. Empty when
   * the header is not where the format puts it; the reader then has its say.
   */
  static Optional<PixelSize> declaredIn(ImageFormat format, byte[] b) {
    return switch (format) {
      case PNG -> png(b);
      case JPEG -> jpeg(b);
      default -> Optional.empty();
    };
  }

  /** PNG: the IHDR chunk must come first, right after the 8-byte signature. */
  private static Optional<PixelSize> png(byte[] b) {
    if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
      return Optional.empty();
    }
    return Optional.of(new PixelSize(u32(b, 16), u32(b, 20)));
  }

  /** JPEG: walk the marker segments up to the first start-of-frame (SOF0 to SOF15). */
  private static Optional<PixelSize> jpeg(byte[] b) {
    int i = 2;
    while (i + 4 <= b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        return Optional.empty();
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++;
      } else if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        i += 2;
      } else if (marker == 0xDA || marker == 0xD9) {
        return Optional.empty();
      } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        return i + 9 <= b.length ? Optional.of(new PixelSize(u16(b, i + 7), u16(b, i + 5))) : Optional.empty();
      } else {
        i += 2 + u16(b, i + 2);
      }
    }
    return Optional.empty();
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
  }

  private static long u32(byte[] b, int i) {
    return (long) u16(b, i) << 16 | u16(b, i + 2);
  }
}
