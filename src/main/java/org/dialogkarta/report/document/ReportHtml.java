package org.dialogkarta.report.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The report as one self-contained HTML5 document that is also well-formed XML (XHTML syntax), so
 * the same markup serves the browser ({@link HtmlReportWriter}) and the PDF layout
 * ({@link PdfReportWriter}). Headings run h1 (title), h2 (the five sections), h3 (their parts);
 * the maps are inline PNGs with their alternative text.
 *
 * <p>The stylesheet differs by {@link Medium}: the browser gets a responsive sheet with a print
 * part, the PDF a paged one set in the embedded font.
 */
final class ReportHtml {

  /**
   * Where the markup will be shown. The PDF's markup ends before the appendix, which
   * {@link PdfAppendix} draws onto the pages itself.
   */
  enum Medium {
    BROWSER("report-browser.css", true),
    PDF("report-pdf.css", false);

    private final String stylesheet;
    private final boolean withAppendix;

    Medium(String stylesheet, boolean withAppendix) {
      this.stylesheet = stylesheet;
      this.withAppendix = withAppendix;
    }
  }

  private final MapPainter painter;

  ReportHtml(MapPainter painter) {
    this.painter = painter;
  }

  void write(ReportDocument report, Medium medium, Writer writer, ReportWriter.Progress progress) {
    Markup html = new Markup(writer);
    html.raw("<!DOCTYPE html>\n<html lang=\"sv\" xml:lang=\"sv\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
        .raw("<meta charset=\"UTF-8\" />\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        .element("title", report.title())
        .raw("<meta name=\"subject\" content=" + Markup.attribute("Samrådsredogörelse, " + report.about().dialogueTitle()) + " />\n");
    if (report.about().responsibleUnit() != null) {
      html.raw("<meta name=\"author\" content=" + Markup.attribute(report.about().responsibleUnit()) + " />\n");
    }
    html.raw("<style>\n").raw(stylesheet("report-common.css")).raw(stylesheet(medium.stylesheet)).raw("</style>\n")
        .raw("</head>\n<body>\n");
    header(html, report, medium);
    Figures figures = new Figures(html, painter);
    html.raw("<main>\n");
    aboutSection(html, report.about());
    participationSection(html, report.participation());
    mapsSection(html, report.maps(), figures);
    topicsSection(html, report.topics(), figures);
    if (medium.withAppendix) {
      AppendixHtml.write(html, report.appendix(), progress);
    }
    html.raw("</main>\n</body>\n</html>\n");
  }

  /** A table of contents line, a link when its target is in the markup. */
  private static String tocEntry(String id, String title, boolean linked) {
    return linked
        ? "<li><a href=\"#" + id + "\" title=\"Gå till " + title + "\">" + title + "</a></li>\n"
        : "<li>" + title + "</li>\n";
  }

  private static void header(Markup html, ReportDocument report, Medium medium) {
    html.raw("<header>\n").element("h1", report.title())
        .element(report.draft() ? "p class=\"status draft\"" : "p class=\"status\"", SwedishFormat.status(report))
        .element("p class=\"made\"", "Sammanställd " + SwedishFormat.longDate(report.madeOn()))
        .raw("<nav aria-labelledby=\"toc\">\n<p id=\"toc\" class=\"toc-title\">Innehåll</p>\n<ol>\n")
        .raw(tocEntry("om-dialogen", "Om dialogen", true))
        .raw(tocEntry("vem-deltog", "Vem deltog", true))
        .raw(tocEntry("kartor", "Kartor", true))
        .raw(tocEntry("synpunkter", "Synpunkter och ställningstaganden", true))
        .raw(tocEntry("bilaga", "Bilaga: alla synpunkter", medium.withAppendix))
        .raw("</ol>\n</nav>\n</header>\n");
  }

  private static void aboutSection(Markup html, About about) {
    html.raw("<section id=\"om-dialogen\">\n").element("h2", "1 Om dialogen")
        .paragraphs(about.summary(), null)
        .raw("<dl class=\"facts\">\n");
    fact(html, "Dialog", about.dialogueTitle());
    fact(html, "Period", about.period());
    fact(html, "Delaktighetsnivå", about.participationLevel());
    fact(html, "Metoder", about.methods().isEmpty() ? null : String.join(", ", about.methods()));
    fact(html, "Så gjordes dialogen känd", about.announcement());
    fact(html, "Ansvarig", about.responsibleUnit());
    fact(html, "Kontakt", about.contact());
    html.raw("</dl>\n")
        .element("h3", "Vad kom vi fram till?").paragraphs(about.conclusions(), "Inte beskrivet ännu.")
        .element("h3", "Vad händer nu?").paragraphs(about.nextSteps(), "Inte beskrivet ännu.")
        .raw("</section>\n");
  }

  private static void fact(Markup html, String label, String value) {
    if (value != null && !value.isBlank()) {
      html.element("dt", label).element("dd", value);
    }
  }

  private static void participationSection(Markup html, Participation participation) {
    html.raw("<section id=\"vem-deltog\">\n").element("h2", "2 Vem deltog")
        .element("p", SwedishFormat.participation(participation));
    countTable(html, "Synpunkter per kanal", "Kanal", participation.byChannel());
    countTable(html, "Synpunkter per kategori", "Kategori", participation.byCategory());
    countTable(html, "Synpunkter per avsändare", "Avsändare", participation.bySenderType());
    if (!participation.heard().isEmpty()) {
      html.raw("<table class=\"heard\">\n").element("caption", "Vilka har hörts?")
          .raw("<thead><tr>").element("th scope=\"col\"", "Grupp")
          .element("th scope=\"col\" class=\"num\"", "Andel av synpunkterna")
          .element("th scope=\"col\" class=\"num\"", "Andel av befolkningen").raw("</tr></thead>\n<tbody>\n");
      for (Participation.HeardRow row : participation.heard()) {
        html.raw("<tr>").element("th scope=\"row\"", row.group())
            .element("td class=\"num\"", row.masked() ? SwedishFormat.FEWER_THAN_FIVE : SwedishFormat.percent(row.shareOfViews()))
            .element("td class=\"num\"", SwedishFormat.percent(row.shareOfPopulation())).raw("</tr>\n");
      }
      html.raw("</tbody>\n</table>\n");
    }
    html.paragraphs(participation.heardNote(), null).raw("</section>\n");
  }

  private static void countTable(Markup html, String caption, String labelHeader, List<Participation.CountRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    html.raw("<table class=\"counts\">\n").element("caption", caption)
        .raw("<thead><tr>").element("th scope=\"col\"", labelHeader)
        .element("th scope=\"col\" class=\"num\"", "Antal synpunkter").raw("</tr></thead>\n<tbody>\n");
    for (Participation.CountRow row : rows) {
      html.raw("<tr>").element("th scope=\"row\"", row.label())
          .element("td class=\"num\"", SwedishFormat.count(row.count(), row.masked())).raw("</tr>\n");
    }
    html.raw("</tbody>\n</table>\n");
  }

  private static void mapsSection(Markup html, List<MapFigure> maps, Figures figures) {
    html.raw("<section id=\"kartor\">\n").element("h2", "3 Kartor");
    if (maps.isEmpty()) {
      html.element("p", "Rapporten har inga kartor.");
    }
    maps.forEach(figures::write);
    html.raw("</section>\n");
  }

  private static void topicsSection(Markup html, List<TopicSection> topics, Figures figures) {
    html.raw("<section id=\"synpunkter\">\n").element("h2", "4 Synpunkter och ställningstaganden");
    if (topics.isEmpty()) {
      html.element("p", "Synpunkterna är inte sorterade i ämnen.");
    }
    for (TopicSection topic : topics) {
      html.raw("<section class=\"topic\">\n").element("h3", topic.title())
          .paragraphs(topic.summary(), null)
          .element("p class=\"view-count\"", "Antal synpunkter: " + SwedishFormat.count(topic.viewCount()));
      if (!topic.quotes().isEmpty()) {
        html.element("p class=\"quotes-intro\"", "Några synpunkter med egna ord:");
        for (String quote : topic.quotes()) {
          html.raw("<blockquote>").paragraphs(quote, null).raw("</blockquote>\n");
        }
      }
      if (topic.map() != null) {
        figures.write(topic.map());
      }
      position(html, topic.position());
      html.raw("</section>\n");
    }
    html.raw("</section>\n");
  }

  private static void position(Markup html, Position position) {
    Position p = position == null ? Position.NONE : position;
    html.raw("<dl class=\"position\">\n")
        .element("dt", "Kommunens ställningstagande").element("dd", SwedishFormat.effect(p));
    fact(html, "Svar", p.answer());
    fact(html, "Motivering", p.reason());
    html.raw("</dl>\n");
  }

  private static String stylesheet(String name) {
    try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the report stylesheet " + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Numbers the figures through the document and writes each map as an inline PNG. */
  private static final class Figures {
    private final Markup html;
    private final MapPainter painter;
    private int number;

    Figures(Markup html, MapPainter painter) {
      this.html = html;
      this.painter = painter;
    }

    void write(MapFigure map) {
      number++;
      String alt = map.altText() == null || map.altText().isBlank() ? map.caption() : map.altText();
      html.raw("<figure>\n<img class=\"map\" src=\"data:image/png;base64,")
          .raw(Base64.getEncoder().encodeToString(painter.png(map)))
          .raw("\" alt=" + Markup.attribute(alt == null ? "Karta" : alt) + " />\n")
          .element("figcaption", "Figur " + number + ". " + (map.caption() == null ? "" : map.caption()))
          .raw("</figure>\n");
    }
  }
}
