package org.dialogkarta.ogc.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** CQL2's time literals: a date is {@code YYYY-MM-DD}, a timestamp RFC 3339 with a zone. */
final class Times {

  private Times() {}

  static Operand.Day day(String text) {
    try {
      return new Operand.Day(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      throw new FilterException("'" + text + "' is not a date (YYYY-MM-DD)");
    }
  }

  static Operand.Timestamp instant(String text) {
    try {
      return new Operand.Timestamp(OffsetDateTime.parse(text.strip()).toInstant());
    } catch (DateTimeParseException e) {
      throw new FilterException("'" + text + "' is not a timestamp (RFC 3339 with a zone, e.g. 2026-05-01T12:00:00Z)");
    }
  }

  /** One end of an interval given as text: '..' (open), a date or a timestamp. */
  static Operand end(String text) {
    String s = text.strip();
    if (s.equals("..") || s.isEmpty()) {
      return new Operand.Open();
    }
    return s.length() == 10 ? day(s) : instant(s);
  }

  static Instant startOf(LocalDate day) {
    return day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }
}
