package org.dialogkarta.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.dialogkarta.kernel.DialogkartaProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * From uploaded file to {@link ProcessedPhoto}, refusing on the way, cheapest check first: size,
 * magic bytes ({@link ImageFormat}), declared pixel size ({@link PixelSize}, before any pixel is
 * decoded), then the decode itself. Only then are the pixels turned upright
 * ({@link Orientation}) and re-encoded ({@link Reencoder}).
 */
@Component
class PhotoProcessing {

  private final long maxBytes;
  // Decoded pixels take tens of megabytes per photo; uploads beyond this many wait their turn.
  private final Semaphore decodes;

  PhotoProcessing(DialogkartaProperties properties) {
    this.maxBytes = properties.photos().maxBytes();
    this.decodes = new Semaphore(properties.photos().concurrentDecodes(), true);
  }

  ProcessedPhoto process(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      throw PhotoFaults.missing();
    }
    if (file.getSize() > maxBytes) {
      throw PhotoFaults.tooLarge(maxBytes);
    }
    return processOneAtATime(bytesOf(file));
  }

  /** {@link #process(byte[])} within the limit on decodes running at once. */
  ProcessedPhoto processOneAtATime(byte[] bytes) {
    decodes.acquireUninterruptibly();
    try {
      return process(bytes);
    } finally {
      decodes.release();
    }
  }

  ProcessedPhoto process(byte[] bytes) {
    ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(PhotoFaults::notImage);
    if (!format.accepted()) {
      throw PhotoFaults.unsupported(format);
    }
    PixelSize.declaredIn(format, bytes).filter(size -> !size.withinLimits()).ifPresent(size -> {
      throw PhotoFaults.badDimensions(size);
    });
    BufferedImage pixels = decode(format, bytes);
    // Scale before turning, so that the turn moves the smaller image.
    BufferedImage upright = Orientation.apply(Reencoder.fit(Reencoder.onWhite(pixels), Reencoder.MAX_SIDE),
        format == ImageFormat.JPEG ? Orientation.of(bytes) : Orientation.UPRIGHT);
    return new ProcessedPhoto(Reencoder.photoJpeg(upright), Reencoder.thumbnailJpeg(upright),
        upright.getWidth(), upright.getHeight());
  }

  /**
   * Reads the header for the size, refuses a bomb, then decodes. Any warning counts as a
   * failure: ImageIO's JPEG reader does not throw on a file cut off in the middle, it warns and
   * fills the missing part with grey, and a half-grey photo must not be stored as if it were good.
   */
  private static BufferedImage decode(ImageFormat format, byte[] bytes) {
    ImageReader reader = ImageIO.getImageReadersByFormatName(format.imageIoName()).next();
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      PixelSize size = readSize(reader);
      if (!size.withinLimits()) {
        throw PhotoFaults.badDimensions(size);
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = subsampling(Math.max(size.width(), size.height()));
      if (step > 1) {
        param.setSourceSubsampling(step, step, 0, 0);
      }
      BufferedImage image = readPixels(reader, param);
      if (!warnings.isEmpty()) {
        throw PhotoFaults.unreadable();
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException("Closing an in-memory stream failed", e);
    } finally {
      reader.dispose();
    }
  }

  private static PixelSize readSize(ImageReader reader) {
    try {
      return new PixelSize(reader.getWidth(0), reader.getHeight(0));
    } catch (IOException | RuntimeException e) {
      throw PhotoFaults.unreadable();
    }
  }

  private static BufferedImage readPixels(ImageReader reader, ImageReadParam param) {
    try {
      return reader.read(0, param);
    } catch (IOException | RuntimeException e) {
      // ImageIO's readers also fail on crafted input with runtime exceptions (array bounds,
      // illegal arguments); all of them mean the same to the citizen.
      throw PhotoFaults.unreadable();
    }
  }

  /**
   * Decoding only every n-th pixel of a large image keeps memory down (a 12000 px side decodes
   * as 4000). Images up to twice the stored size are decoded whole; larger ones with the
   * smallest step that still leaves more than the stored size for the smooth scaling to work on.
   */
  static int subsampling(long longSide) {
    return (int) Math.max(1, (longSide + 2L * Reencoder.MAX_SIDE - 1) / (2L * Reencoder.MAX_SIDE));
  }

  private static byte[] bytesOf(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the uploaded part failed", e);
    }
  }
}
