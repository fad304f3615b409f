package org.dialogkarta.ogc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The {@code datetime} parameter: an RFC 3339 instant, or an interval {@code start/end} where
 * either end may be {@code ..} (open). A full date (2026-05-01) stands for that whole UTC day.
 * {@code start} is inclusive, {@code end} exclusive only for whole days, so that
 * {@code 2026-05-01/2026-05-01} is that day.
 */
record TimeFilter(Instant start, Instant end) {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

  TimeFilter {
    if (start != null && end != null && start.isAfter(end)) {
      throw OgcBadRequest.of("datetime", "The interval's start is after its end");
    }
  }

  static TimeFilter parse(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    int slash = v.indexOf('/');
    if (slash < 0) {
      if (isDate(v)) {
        return new TimeFilter(startOf(v), endOf(v));
      }
      Instant at = instant(v);
      return new TimeFilter(at, at);
    }
    String from = v.substring(0, slash);
    String to = v.substring(slash + 1);
    if (to.indexOf('/') >= 0 || (open(from) && open(to))) {
      throw invalid(value);
    }
    return new TimeFilter(open(from) ? null : isDate(from) ? startOf(from) : instant(from),
        open(to) ? null : isDate(to) ? endOf(to) : instant(to));
  }

  private static boolean open(String end) {
    return end.isEmpty() || end.equals("..");
  }

  private static boolean isDate(String v) {
    return DATE.matcher(v).matches();
  }

  private static Instant startOf(String date) {
    try {
      return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(date);
    }
  }

  /** The last nanosecond of the day, so that an inclusive comparison keeps the whole day. */
  private static Instant endOf(String date) {
    return startOf(date).plusSeconds(86_400).minusNanos(1);
  }

  private static Instant instant(String v) {
    if (!DATE_TIME.matcher(v).matches()) {
      throw invalid(v); // also keeps out years that Java reads but PostgreSQL or RFC 3339 do not
    }
    try {
      return OffsetDateTime.parse(v.toUpperCase(java.util.Locale.ROOT)).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(v);
    }
  }

  private static OgcBadRequest invalid(String value) {
    return OgcBadRequest.of("datetime", "'" + value + "' is not an RFC 3339 date-time or an interval"
        + " like 2026-05-01T00:00:00Z/..");
  }
}
