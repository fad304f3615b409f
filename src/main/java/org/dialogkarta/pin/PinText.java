package org.dialogkarta.pin;

import java.text.Normalizer;

/**
 * The rules for what a citizen writes: 1 to 2000 characters once trimmed, not only white space.
 * Text is stored as text (never interpreted as HTML); control characters other than line breaks
 * and tabs are dropped, and text is put in Unicode NFC so that "å" typed two ways is one letter.
 */
public final class PinText {

  public static final int MAX_LENGTH = 2000;

  private PinText() {}

  /** The text to store, or null when nothing of it is left (blank or only white space). */
  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    raw.codePoints()
        .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
        .forEach(c -> sb.appendCodePoint(c == '\t' ? ' ' : c));
    String text = Normalizer.normalize(sb.toString().replace("\r", ""), Normalizer.Form.NFC).strip();
    return text.isEmpty() ? null : text;
  }

  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Lone UTF-16 surrogates (possible through JSON escapes) cannot be stored as UTF-8. */
  public static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
