package org.dialogkarta.moderation;

import org.dialogkarta.pin.PinText;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * What staff write (a reason, a note, a reply, a redacted text) follows the citizens' text rules
 * of {@link PinText}: cleaned the same way, never blank, no broken characters, and a length
 * limit. A redacted text must fit where the citizen's text was, so it gets their limit too.
 */
final class StaffText {

  static final int REASON_MAX = 500;
  static final int TEXT_MAX = PinText.MAX_LENGTH;

  private StaffText() {}

  /** The cleaned text, or a 422 naming {@code field}. */
  static String check(String field, String raw, int max) {
    String text = PinText.clean(raw);
    if (text == null) {
      throw InvalidInputException.of(field, field + ".blank", "The " + field + " is empty");
    }
    if (PinText.hasLoneSurrogate(text)) {
      throw InvalidInputException.of(field, field + ".invalid", "The " + field + " contains invalid characters");
    }
    if (PinText.length(text) > max) {
      throw InvalidInputException.of(field, field + ".too_long",
          "The " + field + " is " + PinText.length(text) + " characters; at most " + max);
    }
    return text;
  }
}
