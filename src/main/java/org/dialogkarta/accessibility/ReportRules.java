package org.dialogkarta.accessibility;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dialogkarta.dialogue.ContentLanguage;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;

/** What a report of an accessibility problem, and staff's answer to it, may be. */
final class ReportRules {

  /** A plain address: one @, no spaces or angle brackets, a dot in the domain. */
  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+\\.[^\\s@<>,;\"]+");

  record Checked(String page, String description, String email, String language) {}

  private ReportRules() {}

  static Checked check(ReportSubmission s) {
    List<FieldViolation> faults = new ArrayList<>();
    if (s == null) {
      throw InvalidInputException.of("description", "text.blank", "Required");
    }
    String page = text(s.page(), "page", 500, faults);
    String description = text(s.description(), "description", 4000, faults);
    String email = s.email() == null || s.email().isBlank() ? null : s.email().strip();
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      faults.add(FieldViolation.of("email", "email.invalid", "An e-mail address such as namn@example.se, or nothing"));
    }
    String language = s.language() == null || s.language().isBlank() ? null : s.language().strip();
    if (language != null && !ContentLanguage.isPageLanguage(language)) {
      faults.add(FieldViolation.of("language", "language.unknown", "'" + language + "' is not a page language"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new Checked(page, description, email, language);
  }

  static String answer(String raw) {
    List<FieldViolation> faults = new ArrayList<>();
    String answer = text(raw, "answer", 4000, faults);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return answer;
  }

  /** Trimmed, NFC, control characters other than line breaks and tabs dropped; 1–max characters. */
  private static String text(String raw, String field, int max, List<FieldViolation> faults) {
    String t = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC)
        .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
    if (t.isEmpty()) {
      faults.add(FieldViolation.of(field, "text.blank", "Required"));
      return null;
    }
    if (t.codePointCount(0, t.length()) > max) {
      faults.add(FieldViolation.of(field, "text.too_long", "At most " + max + " characters"));
    }
    return t;
  }
}
