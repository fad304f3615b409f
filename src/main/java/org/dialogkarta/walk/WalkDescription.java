package org.dialogkarta.walk;

import java.text.Normalizer;
import java.util.List;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.pin.PinText;

/**
 * The rules for a walk's description, which participants read in walk mode: optional, at most
 * {@link #MAX} characters once trimmed, several lines (line breaks and tabs are fine, Windows line
 * ends become one), Unicode NFC. Other control characters are refused rather than dropped: a
 * planner pasting from elsewhere sees the fault instead of a silently changed text.
 */
final class WalkDescription {

  static final int MAX = 2000;

  private WalkDescription() {}

  /** The description to store, or null for none; faults named {@code field} go to {@code faults}. */
  static String check(String raw, String field, List<FieldViolation> faults) {
    if (raw == null) {
      return null;
    }
    String text = Normalizer.normalize(raw.replace("\r\n", "\n"), Normalizer.Form.NFC).strip();
    if (text.isEmpty()) {
      return null;
    }
    if (PinText.hasLoneSurrogate(text) || text.codePoints().anyMatch(WalkDescription::isForbiddenControl)) {
      faults.add(FieldViolation.of(field, "text.invalid", "The text contains invalid characters"));
    } else if (PinText.length(text) > MAX) {
      faults.add(FieldViolation.of(field, "text.too_long", "At most " + MAX + " characters"));
    }
    return text;
  }

  private static boolean isForbiddenControl(int c) {
    return Character.isISOControl(c) && c != '\n' && c != '\t';
  }
}
