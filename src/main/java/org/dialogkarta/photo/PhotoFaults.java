package org.dialogkarta.photo;

import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.kernel.UnacceptableContentException;

/**
 * Every way a photo is refused, in one place: the {@code code}s are what the pages translate,
 * so they must stay stable, and the field is always {@code photo}, the multipart part's name.
 */
final class PhotoFaults {

  static final String FIELD = "photo";
  private static final long MB = 1024 * 1024;

  private PhotoFaults() {}

  static InvalidInputException missing() {
    return InvalidInputException.of(FIELD, "photo.missing",
        "Attach a photo as the multipart part 'photo'; it was missing or empty");
  }

  static UnacceptableContentException tooLarge(long maxBytes) {
    return UnacceptableContentException.tooLarge(FIELD, "photo.too_large",
        "The photo is larger than " + (maxBytes % MB == 0 ? maxBytes / MB + " MB" : maxBytes + " bytes"));
  }

  static InvalidInputException notImage() {
    return InvalidInputException.of(FIELD, "photo.not_image",
        "The file is not a JPEG or PNG image, whatever its name or content type says");
  }

  static UnacceptableContentException unsupported(ImageFormat format) {
    return UnacceptableContentException.unsupportedType(FIELD, "photo.unsupported_format",
        "The photo is " + format + ", which the service cannot read; choose JPEG "
            + "(on an iPhone: Settings, Camera, Formats, Most Compatible) or PNG");
  }

  static InvalidInputException badDimensions(PixelSize size) {
    return InvalidInputException.of(FIELD, "photo.bad_dimensions",
        "The image says it is " + size.width() + " × " + size.height() + " pixels; at most "
            + PixelSize.MAX_SIDE + " pixels a side and " + PixelSize.MAX_PIXELS / 1_000_000
            + " megapixels are accepted");
  }

  static InvalidInputException unreadable() {
    return InvalidInputException.of(FIELD, "photo.unreadable",
        "The image is damaged or cut off and cannot be read; try sending it again");
  }

  static ConflictException tooMany(int maxPerPin) {
    return new ConflictException("photo.too_many", "A pin has at most " + maxPerPin + " photos");
  }

  static ConflictException dialogueClosed() {
    return new ConflictException("dialogue.closed", "The pin's dialogue is closed and takes no new photos");
  }

  /** The same answer for an unknown pin and a wrong token, so neither can be probed. */
  static NotFoundException noSuchPinForReceipt(long pinId) {
    return new NotFoundException("No pin " + pinId + " for this receipt");
  }

  static NotFoundException noSuchPhoto(long photoId) {
    return new NotFoundException("No photo " + photoId);
  }
}
