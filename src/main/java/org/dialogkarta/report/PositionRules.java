package org.dialogkarta.report;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * Checks topics and positions before anything is stored, naming every field that is wrong at
 * once: a known effect, texts within their lengths, and a reason whenever the views are not
 * accommodated (the sender is told that reason under PBL 5 kap. 24 §).
 */
final class PositionRules {

  static final int TITLE_MAX = 200;
  static final int SUMMARY_MAX = 4000;
  static final int ANSWER_MAX = 4000;
  static final int REASON_MAX = 2000;

  private PositionRules() {}

  record CheckedTopic(String title, String summary, CheckedPosition position) {}

  static CheckedTopic topic(TopicDraft draft) {
    List<FieldViolation> faults = new ArrayList<>();
    String title = text(draft.title(), "title", TITLE_MAX, faults);
    if (title == null) {
      faults.add(FieldViolation.of("title", "title.missing", "Give the topic a title"));
    }
    String summary = text(draft.summary(), "summary", SUMMARY_MAX, faults);
    CheckedPosition position = position(draft.effect(), draft.answer(), draft.reason(), false, faults);
    throwIfAny(faults);
    return new CheckedTopic(title, summary, position);
  }

  /** A view's own position: unlike a topic's, it must name its effect. */
  static CheckedPosition view(PositionDraft draft) {
    List<FieldViolation> faults = new ArrayList<>();
    CheckedPosition position = position(draft.effect(), draft.answer(), draft.reason(), true, faults);
    throwIfAny(faults);
    return position;
  }

  private static CheckedPosition position(String effectCode, String answer, String reason, boolean effectRequired,
      List<FieldViolation> faults) {
    Effect effect = null;
    if (effectCode == null || effectCode.isBlank()) {
      if (effectRequired) {
        faults.add(FieldViolation.of("effect", "effect.missing",
            "Say what the position means for the view: one of " + Coded.codesOf(Effect.class)));
      }
    } else {
      effect = Coded.fromCode(Effect.class, effectCode.strip()).orElse(null);
      if (effect == null) {
        faults.add(FieldViolation.of("effect", "effect.unknown",
            "Unknown effect '" + effectCode + "'; one of " + Coded.codesOf(Effect.class)));
      }
    }
    String checkedAnswer = text(answer, "answer", ANSWER_MAX, faults);
    String checkedReason = text(reason, "reason", REASON_MAX, faults);
    if (effect == Effect.NOT_ACCOMMODATED && checkedReason == null) {
      faults.add(FieldViolation.of("reason", "reason.missing",
          "A view that is not accommodated needs the reason why; the sender is told it"));
    }
    return new CheckedPosition(effect, checkedAnswer, checkedReason);
  }

  /** The text trimmed, null when blank; a fault for {@code field} when longer than {@code max}. */
  static String text(String value, String field, int max, List<FieldViolation> faults) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.codePointCount(0, trimmed.length()) > max) {
      faults.add(FieldViolation.of(field, field + ".tooLong", "At most " + max + " characters"));
    }
    return trimmed;
  }

  private static void throwIfAny(List<FieldViolation> faults) {
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
  }
}
