package org.dialogkarta.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * Which audit events to show: one person (the actor's user name, exact), and whole days in
 * Swedish time from {@code from} to {@code to}, both included. Bad input is a 422 naming the field.
 */
record AuditFilter(String actor, Instant since, Instant before) {

  static final ZoneId SWEDISH_TIME = ZoneId.of("Europe/Stockholm");

  static AuditFilter of(String actor, String from, String to) {
    String person = actor == null || actor.isBlank() ? null : actor.strip();
    if (person != null && person.length() > 200) {
      throw InvalidInputException.of("actor", "audit.actor.too_long", "Give a user name of at most 200 characters");
    }
    LocalDate first = day("from", from);
    LocalDate last = day("to", to);
    if (first != null && last != null && last.isBefore(first)) {
      throw InvalidInputException.of("to", "audit.to.before_from", "'to' (" + last + ") is before 'from' (" + first + ")");
    }
    return new AuditFilter(person,
        first == null ? null : first.atStartOfDay(SWEDISH_TIME).toInstant(),
        last == null ? null : last.plusDays(1).atStartOfDay(SWEDISH_TIME).toInstant());
  }

  private static LocalDate day(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(text.strip());
      if (day.getYear() < 2000 || day.getYear() > 9999) {
        throw new DateTimeParseException("out of range", text, 0);
      }
      return day;
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, "audit." + field + ".invalid",
          "Give '" + field + "' as a date YYYY-MM-DD (from 2000), not '" + text + "'");
    }
  }
}
