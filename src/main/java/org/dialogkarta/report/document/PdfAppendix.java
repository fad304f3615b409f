package org.dialogkarta.report.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Section 5 of the PDF, every view in a table, drawn with PDFBox straight onto tagged pages after
 * what openhtmltopdf laid out. Laying out 20,000 table rows through HTML takes about a minute and
 * several gigabytes; drawn here it takes seconds. The structure is what the HTML would have given:
 * Sect › H2, P, Table › Caption, THead › TR › TH (scope Column), TBody › TR › TD; the header row
 * is repeated on every page as an artifact, and the rules and page numbers are artifacts too.
 */
final class PdfAppendix {

  private static final float MM = 72 / 25.4f;
  private static final float LEFT = 16 * MM;
  private static final float RIGHT = TaggedPages.A4.getWidth() - 16 * MM;
  private static final float TOP = TaggedPages.A4.getHeight() - 20 * MM;
  private static final float BOTTOM = 18 * MM;

  private static final String[] COLUMNS = {"Nr", "Datum", "Kanal", "Plats", "Synpunkt", "Ämne", "Kommunens svar"};
  private static final float[] COLUMN_SHARES = {8, 10, 9, 13, 28, 11, 21};
  private static final float SIZE = 7;
  private static final float LEADING = 8.6f;
  private static final float PADDING = 2.4f;

  private final PdfFonts fonts;
  private final float[] columnLeft = new float[COLUMNS.length + 1];
  /** Whether a row has been drawn below the header on the current page. */
  private boolean rowsOnPage;

  PdfAppendix(PdfFonts fonts) {
    this.fonts = fonts;
    float total = 0;
    for (float share : COLUMN_SHARES) {
      total += share;
    }
    columnLeft[0] = LEFT;
    for (int c = 0; c < COLUMNS.length; c++) {
      columnLeft[c + 1] = columnLeft[c] + (RIGHT - LEFT) * COLUMN_SHARES[c] / total;
    }
  }

  /** One line of a cell, in its font. */
  private record Line(PDType0Font font, String text) {}

  void write(PDDocument document, List<AppendixEntry> entries, ReportWriter.Progress progress) throws IOException {
    TaggedPages pages = new TaggedPages(document, fonts);
    PDStructureElement section = child(pages.documentElement(), StandardStructureTypes.SECT);
    pages.newPage();
    float y = TOP;
    y = block(pages, child(section, StandardStructureTypes.H2), fonts.bold, 15, "5 Bilaga: alla synpunkter", y);
    pages.beginArtifact("Layout");
    rule(pages.stream(), y + 3, 1.5f);
    pages.endArtifact();
    y -= 8;
    y = block(pages, child(section, StandardStructureTypes.P), fonts.regular, 9.5f,
        SwedishFormat.plural("report.appendix.intro", entries.size()), y);
    y -= 6;

    PDStructureElement table = child(section, StandardStructureTypes.TABLE);
    y = block(pages, child(table, StandardStructureTypes.CAPTION), fonts.bold, 9, "Alla synpunkter", y);
    y -= 2;
    PDStructureElement headerRow = child(child(table, StandardStructureTypes.T_HEAD), StandardStructureTypes.TR);
    y = header(pages, headerRow, y);
    PDStructureElement body = child(table, StandardStructureTypes.T_BODY);
    for (int i = 0; i < entries.size(); i++) {
      y = row(pages, child(body, StandardStructureTypes.TR), cells(entries.get(i)), y);
      if ((i + 1) % AppendixHtml.PROGRESS_STEP == 0) {
        progress.entriesWritten(i + 1);
      }
    }
    progress.entriesWritten(entries.size());
    pages.finish();
  }

  private List<List<Line>> cells(AppendixEntry entry) {
    List<List<Line>> cells = new ArrayList<>();
    cells.add(lines(0, fonts.regular, entry.number()));
    cells.add(lines(1, fonts.regular, SwedishFormat.isoDate(entry.date())));
    cells.add(lines(2, fonts.regular, entry.channel()));
    cells.add(lines(3, fonts.regular, entry.place()));
    cells.add(entry.hidden()
        ? lines(4, fonts.italic, SwedishFormat.hiddenText(entry))
        : lines(4, fonts.regular, entry.visibleText()));
    cells.add(lines(5, fonts.regular, entry.topic()));
    List<Line> answer = new ArrayList<>();
    Position position = entry.position();
    if (position != null && !position.equals(Position.NONE)) {
      if (position.effect() != null) {
        answer.addAll(lines(6, fonts.bold, position.effect()));
      }
      answer.addAll(lines(6, fonts.regular, position.answer()));
      if (position.reason() != null) {
        answer.addAll(lines(6, fonts.regular, "Motivering: " + position.reason()));
      }
    }
    cells.add(answer);
    return cells;
  }

  private List<Line> lines(int column, PDType0Font font, String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    float width = columnLeft[column + 1] - columnLeft[column] - 2 * PADDING;
    return PdfFonts.wrap(font, SIZE, fonts.showable(font, text), width).stream().map(t -> new Line(font, t)).toList();
  }

  /** The header row: tagged on the table's first page, an artifact where it is repeated. */
  private float header(TaggedPages pages, PDStructureElement headerRow, float y) throws IOException {
    List<List<Line>> cells = new ArrayList<>();
    for (int c = 0; c < COLUMNS.length; c++) {
      cells.add(lines(c, fonts.bold, COLUMNS[c]));
    }
    int height = cells.stream().mapToInt(List::size).max().orElse(1);
    float bottom = y - height * LEADING - 2 * PADDING;
    rowsOnPage = false;
    PDPageContentStream stream = pages.stream();
    pages.beginArtifact("Layout");
    stream.setNonStrokingColor(0.91f, 0.91f, 0.91f);
    stream.addRect(LEFT, bottom, RIGHT - LEFT, y - bottom);
    stream.fill();
    stream.setNonStrokingColor(0f, 0f, 0f);
    grid(stream, y, bottom);
    pages.endArtifact();
    for (int c = 0; c < COLUMNS.length; c++) {
      if (headerRow != null) {
        PDStructureElement th = child(headerRow, StandardStructureTypes.TH);
        COSDictionary attributes = new COSDictionary();
        attributes.setItem(COSName.O, COSName.getPDFName("Table"));
        attributes.setItem(COSName.getPDFName("Scope"), COSName.getPDFName("Column"));
        th.getCOSObject().setItem(COSName.A, attributes);
        pages.beginTagged(th);
        text(stream, cells.get(c), 0, cells.get(c).size(), columnLeft[c] + PADDING, y - PADDING);
        pages.endTagged();
      } else {
        pages.beginArtifact("Pagination");
        text(stream, cells.get(c), 0, cells.get(c).size(), columnLeft[c] + PADDING, y - PADDING);
        pages.endArtifact();
      }
    }
    return bottom;
  }

  /** One view's row; moved whole to the next page when it does not fit, split only when taller than a page. */
  private float row(TaggedPages pages, PDStructureElement tr, List<List<Line>> cells, float y) throws IOException {
    int height = Math.max(1, cells.stream().mapToInt(List::size).max().orElse(1));
    PDStructureElement[] tds = new PDStructureElement[cells.size()];
    for (int c = 0; c < cells.size(); c++) {
      tds[c] = child(tr, StandardStructureTypes.TD);
    }
    int from = 0;
    while (from < height) {
      int fits = (int) Math.floor((y - BOTTOM - 2 * PADDING) / LEADING);
      if (fits < height - from && (rowsOnPage || fits <= 0)) {
        y = continueOnNewPage(pages);
        continue;
      }
      int to = Math.min(height, from + fits);
      float bottom = y - (to - from) * LEADING - 2 * PADDING;
      PDPageContentStream stream = pages.stream();
      for (int c = 0; c < cells.size(); c++) {
        List<Line> cell = cells.get(c);
        int end = Math.min(cell.size(), to);
        if (from < end) {
          pages.beginTagged(tds[c]);
          text(stream, cell, from, end, columnLeft[c] + PADDING, y - PADDING);
          pages.endTagged();
        }
      }
      pages.beginArtifact("Layout");
      grid(stream, y, bottom);
      pages.endArtifact();
      rowsOnPage = true;
      y = bottom;
      from = to;
      if (from < height) {
        y = continueOnNewPage(pages);
      }
    }
    return y;
  }

  private float continueOnNewPage(TaggedPages pages) throws IOException {
    pages.newPage();
    return header(pages, null, TOP);
  }

  /** A block of running text (heading, paragraph, caption) across the full width, tagged as {@code element}. */
  private float block(TaggedPages pages, PDStructureElement element, PDType0Font font, float size, String text, float y)
      throws IOException {
    List<String> wrapped = PdfFonts.wrap(font, size, fonts.showable(font, text), RIGHT - LEFT);
    List<Line> lines = wrapped.stream().map(t -> new Line(font, t)).toList();
    PDPageContentStream stream = pages.stream();
    pages.beginTagged(element);
    stream.beginText();
    float leading = size * 1.3f;
    stream.newLineAtOffset(LEFT, y - size);
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        stream.newLineAtOffset(0, -leading);
      }
      stream.setFont(font, size);
      stream.showText(lines.get(i).text());
    }
    stream.endText();
    pages.endTagged();
    return y - lines.size() * leading - size * 0.4f;
  }

  private static void text(PDPageContentStream stream, List<Line> lines, int from, int to, float x, float top)
      throws IOException {
    stream.beginText();
    stream.newLineAtOffset(x, top - SIZE);
    for (int i = from; i < to; i++) {
      if (i > from) {
        stream.newLineAtOffset(0, -LEADING);
      }
      stream.setFont(lines.get(i).font(), SIZE);
      stream.showText(lines.get(i).text());
    }
    stream.endText();
  }

  private void grid(PDPageContentStream stream, float top, float bottom) throws IOException {
    stream.setStrokingColor(0.55f, 0.55f, 0.55f);
    stream.setLineWidth(0.5f);
    for (float x : columnLeft) {
      stream.moveTo(x, top);
      stream.lineTo(x, bottom);
    }
    stream.moveTo(LEFT, top);
    stream.lineTo(RIGHT, top);
    stream.moveTo(LEFT, bottom);
    stream.lineTo(RIGHT, bottom);
    stream.stroke();
  }

  private static void rule(PDPageContentStream stream, float y, float width) throws IOException {
    stream.setStrokingColor(0.1f, 0.1f, 0.1f);
    stream.setLineWidth(width);
    stream.moveTo(LEFT, y);
    stream.lineTo(RIGHT, y);
    stream.stroke();
  }

  private static PDStructureElement child(PDStructureElement parent, String type) {
    PDStructureElement element = new PDStructureElement(type, parent);
    parent.appendKid(element);
    return element;
  }
}
