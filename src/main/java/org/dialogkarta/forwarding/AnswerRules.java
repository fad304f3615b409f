package org.dialogkarta.forwarding;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * What a body may send for one pin through its answer link: an action (accept; decline with a
 * reason; planned with the date it is planned for; done with the date it was done; or only a
 * reply) and, with any action, a reply text for a planner to approve. Every fault is named.
 */
final class AnswerRules {

  enum Action { ACCEPT, DECLINE, PLANNED, DONE, REPLY }

  record Draft(String action, String reason, String date, String text) {}

  record Checked(Action action, String reason, LocalDate date, String text) {}

  static final int REASON_MAX = 500;
  static final int TEXT_MAX = 2000;
  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  private AnswerRules() {}

  static Checked check(Draft draft, LocalDate today) {
    if (draft == null) {
      throw InvalidInputException.of("action", "answer.action_missing", "Say what you answer");
    }
    List<FieldViolation> faults = new ArrayList<>();
    Action action = null;
    String code = draft.action() == null ? "" : draft.action().strip();
    for (Action a : Action.values()) {
      if (a.name().equalsIgnoreCase(code)) {
        action = a;
      }
    }
    if (action == null) {
      faults.add(FieldViolation.of("action", "answer.action_unknown", "One of accept, decline, planned, done, reply"));
    }
    String reason = blankToNull(draft.reason());
    if (action == Action.DECLINE && reason == null) {
      faults.add(FieldViolation.of("reason", "answer.reason_missing", "Say why you decline"));
    } else if (reason != null && reason.length() > REASON_MAX) {
      faults.add(FieldViolation.of("reason", "answer.reason_long", "At most " + REASON_MAX + " characters"));
    }
    LocalDate date = null;
    if (action == Action.PLANNED || action == Action.DONE) {
      String raw = blankToNull(draft.date());
      if (raw == null) {
        faults.add(FieldViolation.of("date", "answer.date_missing", "Give the date"));
      } else {
        try {
          date = LocalDate.parse(raw);
          if (action == Action.PLANNED && (date.isBefore(today) || date.isAfter(today.plusYears(10)))) {
            faults.add(FieldViolation.of("date", "answer.date_planned", "A planned date from today, within ten years"));
          }
          if (action == Action.DONE && (date.isAfter(today) || date.isBefore(today.minusYears(5)))) {
            faults.add(FieldViolation.of("date", "answer.date_done", "A date that has been, within five years"));
          }
        } catch (DateTimeParseException e) {
          faults.add(FieldViolation.of("date", "answer.date_invalid", "A date as YYYY-MM-DD"));
        }
      }
    }
    String text = blankToNull(draft.text());
    if (action == Action.REPLY && text == null) {
      faults.add(FieldViolation.of("text", "answer.text_missing", "Write the reply"));
    } else if (text != null && text.length() > TEXT_MAX) {
      faults.add(FieldViolation.of("text", "answer.text_long", "At most " + TEXT_MAX + " characters"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new Checked(action, reason, date, text);
  }

  static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
