package org.dialogkarta.report.document;

import java.util.List;

/**
 * Section 5 of the report's HTML: every view in one table. A hidden view's text cell names the
 * moderation reason and never holds its text.
 */
final class AppendixHtml {

  /** How often the progress is told, in entries. */
  static final int PROGRESS_STEP = 500;

  private static final String[] COLUMNS = {"Nr", "Datum", "Kanal", "Plats", "Synpunkt", "Ämne", "Kommunens svar"};
  private static final String[] COLUMN_CLASSES = {"c-nr", "c-date", "c-channel", "c-place", "c-text", "c-topic", "c-answer"};

  private AppendixHtml() {}

  static void write(Markup html, List<AppendixEntry> entries, ReportWriter.Progress progress) {
    html.raw("<section id=\"bilaga\">\n").element("h2", "5 Bilaga: alla synpunkter")
        .element("p", SwedishFormat.plural("report.appendix.intro", entries.size()));
    String caption = "Alla synpunkter";
    html.raw("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=" + Markup.attribute(caption) + ">\n")
        .raw("<table class=\"appendix\">\n").element("caption", caption).raw("<thead><tr>");
    for (int c = 0; c < COLUMNS.length; c++) {
      html.element("th scope=\"col\" class=\"" + COLUMN_CLASSES[c] + "\"", COLUMNS[c]);
    }
    html.raw("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < entries.size(); i++) {
      row(html, entries.get(i));
      if ((i + 1) % PROGRESS_STEP == 0) {
        progress.entriesWritten(i + 1);
      }
    }
    html.raw("</tbody>\n</table>\n</div>\n");
    progress.entriesWritten(entries.size());
    html.raw("</section>\n");
  }

  private static void row(Markup html, AppendixEntry entry) {
    html.raw("<tr>").element("td", entry.number())
        .element("td", SwedishFormat.isoDate(entry.date()))
        .element("td", entry.channel())
        .element("td", entry.place());
    if (entry.hidden()) {
      html.element("td class=\"hidden-view\"", SwedishFormat.hiddenText(entry));
    } else {
      html.element("td", entry.visibleText());
    }
    html.element("td", entry.topic() == null ? "" : entry.topic());
    answer(html, entry.position());
    html.raw("</tr>\n");
  }

  private static void answer(Markup html, Position position) {
    if (position == null || position.equals(Position.NONE)) {
      html.raw("<td></td>");
      return;
    }
    html.raw("<td>");
    if (position.effect() != null) {
      html.raw("<strong>").text(position.effect()).raw("</strong>");
    }
    if (position.answer() != null) {
      html.raw(position.effect() != null ? ": " : "").text(position.answer());
    }
    if (position.reason() != null) {
      html.raw(" <em>Motivering:</em> ").text(position.reason());
    }
    html.raw("</td>");
  }
}
