package org.dialogkarta.place;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * A place search as the request gives it, checked at the edge: the text that is searched for
 * (white space collapsed) and the dialogue whose study area ranks nearer places first (or null).
 * The text is plain text everywhere after this: SQL gets it as a bound parameter and LIKE gets it
 * with {@code % _ \} escaped ({@link #likeEscaped}), so nothing in it is a pattern.
 */
public record PlaceQuery(String text, String dialogue) {

  /** Longer than any Swedish address with its municipality; a longer text is not a place name. */
  public static final int MAX_LENGTH = 100;
  /** Slugs are short; an id is at most 18 digits. */
  static final int MAX_DIALOGUE_LENGTH = 200;

  public static PlaceQuery of(String q, String dialogue) {
    List<FieldViolation> faults = new ArrayList<>();
    String text = null;
    if (q == null || q.isBlank()) {
      faults.add(FieldViolation.of("q", "q.missing", "Give the place or address to search for in 'q'"));
    } else if (q.length() > MAX_LENGTH * 2 || q.strip().replaceAll("\\s+", " ").length() > MAX_LENGTH) {
      faults.add(FieldViolation.of("q", "q.too_long", "The search text may be at most " + MAX_LENGTH + " characters"));
    } else if (q.codePoints().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))
        || q.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
      faults.add(FieldViolation.of("q", "q.invalid", "The search text holds control characters"));
    } else {
      text = q.strip().replaceAll("\\s+", " ");
    }
    String ref = null;
    if (dialogue != null && !dialogue.isBlank()) {
      if (dialogue.length() > MAX_DIALOGUE_LENGTH) {
        faults.add(FieldViolation.of("dialogue", "dialogue.unknown", "There is no such dialogue"));
      } else {
        ref = dialogue.strip();
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new PlaceQuery(text, ref);
  }

  /** {@code folded} with LIKE's wildcards and its escape character escaped (escape character {@code \}). */
  static String likeEscaped(String folded) {
    return folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
