package org.dialogkarta.report.document;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the report writes numbers, dates and the words every format shares, the Swedish way. */
final class SwedishFormat {

  static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

  /** What a masked count (a group under five) is shown as. */
  static final String FEWER_THAN_FIVE = "färre än 5";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH);

  private SwedishFormat() {}

  /** 20 000, grouped with a no-break space as Swedish print does. */
  static String count(long n) {
    return NumberFormat.getIntegerInstance(SWEDISH).format(n);
  }

  static String count(long n, boolean masked) {
    return masked ? FEWER_THAN_FIVE : count(n);
  }

  /** A count with its noun, "1 synpunkt" or "3 synpunkter": the bundle's {@code report.count.<what>}. */
  static String counted(String what, long n) {
    return plural("report.count." + what, n);
  }

  /** The plural form of {@code key} for {@code n} ({@code key.one}, {@code key.other}), {@code {n}} as {@link #count}. */
  static String plural(String key, long n) {
    return org.dialogkarta.kernel.Messages.plural("sv", key, n, java.util.Map.of("n", count(n)));
  }

  /** "Det kom in 1 synpunkt. Deltagarna markerade 3 gånger att de höll med …" */
  static String participation(Participation participation) {
    return org.dialogkarta.kernel.Messages.text("sv", "report.participation.intro", java.util.Map.of(
        "views", counted("views", participation.views()), "times", counted("times", participation.supports())));
  }

  /** 12,5 % (one decimal); "uppgift saknas" for null. */
  static String percent(Double value) {
    if (value == null) {
      return "uppgift saknas";
    }
    NumberFormat format = NumberFormat.getNumberInstance(SWEDISH);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    return format.format(value) + "\u00a0%";
  }

  /** 1 mars 2026, for running text. */
  static String longDate(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  /** 2026-03-01, for tables. */
  static String isoDate(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  /** The status line under the title: a draft says so plainly, a published report its version. */
  static String status(ReportDocument report) {
    return report.draft()
        ? "Utkast – inte fastställd"
        : "Version " + report.version();
  }

  /** What a hidden view's text cell says instead of the text. */
  static String hiddenText(AppendixEntry entry) {
    String reason = entry.hiddenReason() == null || entry.hiddenReason().isBlank()
        ? "skäl inte angivet" : entry.hiddenReason();
    return "Dold av moderering: " + reason;
  }

  /** The effect of a position, or the words for one not yet decided. */
  static String effect(Position position) {
    return position == null || position.effect() == null ? "Inte beslutat ännu" : position.effect();
  }

  /**
   * Plain text split into paragraphs at blank lines; single line breaks stay inside a paragraph
   * (as spaces, since the report is read as flowing text). Null or blank gives none.
   */
  static List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    if (text == null) {
      return paragraphs;
    }
    for (String part : text.strip().split("\\R\\s*\\R")) {
      String paragraph = part.strip().replaceAll("\\s*\\R\\s*", " ");
      if (!paragraph.isEmpty()) {
        paragraphs.add(paragraph);
      }
    }
    return paragraphs;
  }
}
