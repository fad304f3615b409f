package org.dialogkarta.correspondence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dialogkarta.photo.ImageCleaning;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.UnacceptableContentException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * From uploaded part to {@link Attachment}, or a refusal naming the field {@code attachment}.
 * What the file is comes from its first bytes, never from its name or declared type; a file that
 * claims to be one thing (by type or name) and is another is refused, so that a renamed text file
 * or a photo called {@code brev.pdf} never reaches the archive. Images go through the photo
 * pipeline ({@link ImageCleaning}) and are stored as metadata-free JPEG; PDFs are stored as sent.
 */
@Component
class AttachmentCheck {

  static final String FIELD = "attachment";
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final long MB = 1024 * 1024;

  private final ImageCleaning images;
  private final long maxBytes;

  AttachmentCheck(ImageCleaning images,
      @Value("${dialogkarta.views.attachment-max-bytes:10485760}") long maxBytes) {
    this.images = images;
    this.maxBytes = maxBytes;
  }

  /** Empty when no file was sent. */
  Optional<Attachment> check(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return Optional.empty();
    }
    if (file.getSize() > maxBytes) {
      throw UnacceptableContentException.tooLarge(FIELD, "attachment.too_large",
          "The attachment is larger than " + (maxBytes % MB == 0 ? maxBytes / MB + " MB" : maxBytes + " bytes"));
    }
    byte[] bytes = bytesOf(file);
    String name = fileName(file.getOriginalFilename());
    String claimed = claimedKind(file.getContentType(), name);
    if (startsWith(bytes, PDF_MAGIC)) {
      requireClaim(claimed, "pdf");
      return Optional.of(new Attachment(Attachment.PDF, name, bytes));
    }
    Optional<String> image = images.recognise(bytes);
    if (image.isEmpty()) {
      throw notAccepted();
    }
    if (!image.get().equals("JPEG") && !image.get().equals("PNG")) {
      throw UnacceptableContentException.unsupportedType(FIELD, "attachment.unsupported_format",
          "The attachment is " + image.get() + "; attach a PDF, a JPEG or a PNG");
    }
    requireClaim(claimed, "image");
    return Optional.of(new Attachment(Attachment.JPEG, asJpegName(name), cleaned(bytes)));
  }

  private byte[] cleaned(byte[] bytes) {
    try {
      return images.cleanJpeg(bytes);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.violations().stream().map(AttachmentCheck::renamed).toList());
    }
  }

  /** A photo fault ({@code photo.unreadable}) as the attachment's ({@code attachment.unreadable}). */
  private static FieldViolation renamed(FieldViolation v) {
    return FieldViolation.of(FIELD, v.code().replaceFirst("^photo\\.", "attachment."), v.message());
  }

  /** "pdf", "image", or null when the client claimed nothing in particular. */
  private static String claimedKind(String contentType, String name) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/pdf")) {
      return "pdf";
    }
    if (type.startsWith("image/")) {
      return "image";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".pdf")) {
      return "pdf";
    }
    if (List.of(".jpg", ".jpeg", ".png").stream().anyMatch(lower::endsWith)) {
      return "image";
    }
    if (type.isEmpty() || type.startsWith("application/octet-stream")) {
      return null;
    }
    // A text file, a Word document, ...: whatever it claims, it is not a kind taken here.
    return "other";
  }

  private static void requireClaim(String claimed, String actual) {
    if (claimed != null && !claimed.equals(actual)) {
      throw InvalidInputException.of(FIELD, "attachment.mismatch",
          "The file is not what its name or type says; attach a PDF, a JPEG or a PNG as it is");
    }
  }

  private static InvalidInputException notAccepted() {
    return InvalidInputException.of(FIELD, "attachment.not_accepted",
        "The file is not a PDF, JPEG or PNG, whatever its name or content type says");
  }

  /** The name as shown to staff: no path, no control characters, at most 200 characters. */
  static String fileName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).codePoints()
        .filter(c -> !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    if (name.isEmpty()) {
      name = "bilaga";
    }
    int[] points = name.codePoints().toArray();
    // The end of a long name keeps its extension; counted in code points, so no pair is split.
    return points.length > 200 ? new String(points, points.length - 200, 200) : name;
  }

  private static String asJpegName(String name) {
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name) + ".jpg";
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] bytesOf(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the uploaded part failed", e);
    }
  }
}
