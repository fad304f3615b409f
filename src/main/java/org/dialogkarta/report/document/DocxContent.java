package org.dialogkarta.report.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;

/**
 * Sections 1–4 of the Word document, through POI's document model: headings in the Heading
 * styles, tables with a repeated header row, maps as pictures with their alternative text. The
 * words are the same as in {@link ReportHtml}.
 */
final class DocxContent {

  private final XWPFDocument document;
  private final MapPainter painter;
  private int figures;

  DocxContent(XWPFDocument document, MapPainter painter) {
    this.document = document;
    this.painter = painter;
  }

  void write(ReportDocument report) throws IOException {
    heading(1, report.title());
    XWPFRun status = document.createParagraph().createRun();
    status.setBold(true);
    status.setText(SwedishFormat.status(report));
    if (report.draft()) {
      status.setColor("8A1C00");
    }
    paragraph("Sammanställd " + SwedishFormat.longDate(report.madeOn()));
    about(report.about());
    participation(report.participation());
    heading(2, "3 Kartor");
    if (report.maps().isEmpty()) {
      paragraph("Rapporten har inga kartor.");
    }
    for (MapFigure map : report.maps()) {
      figure(map);
    }
    topics(report.topics());
  }

  private void about(About about) {
    heading(2, "1 Om dialogen");
    paragraphs(about.summary(), null);
    fact("Dialog", about.dialogueTitle());
    fact("Period", about.period());
    fact("Delaktighetsnivå", about.participationLevel());
    fact("Metoder", about.methods().isEmpty() ? null : String.join(", ", about.methods()));
    fact("Så gjordes dialogen känd", about.announcement());
    fact("Ansvarig", about.responsibleUnit());
    fact("Kontakt", about.contact());
    heading(3, "Vad kom vi fram till?");
    paragraphs(about.conclusions(), "Inte beskrivet ännu.");
    heading(3, "Vad händer nu?");
    paragraphs(about.nextSteps(), "Inte beskrivet ännu.");
  }

  private void participation(Participation participation) {
    heading(2, "2 Vem deltog");
    paragraph(SwedishFormat.participation(participation));
    countTable("Synpunkter per kanal", "Kanal", participation.byChannel());
    countTable("Synpunkter per kategori", "Kategori", participation.byCategory());
    countTable("Synpunkter per avsändare", "Avsändare", participation.bySenderType());
    if (!participation.heard().isEmpty()) {
      XWPFTable table = table("Vilka har hörts?", "Grupp", "Andel av synpunkterna", "Andel av befolkningen");
      for (Participation.HeardRow row : participation.heard()) {
        cells(table.createRow(), row.group(),
            row.masked() ? SwedishFormat.FEWER_THAN_FIVE : SwedishFormat.percent(row.shareOfViews()),
            SwedishFormat.percent(row.shareOfPopulation()));
      }
    }
    paragraphs(participation.heardNote(), null);
  }

  private void countTable(String caption, String labelHeader, List<Participation.CountRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    XWPFTable table = table(caption, labelHeader, "Antal synpunkter");
    for (Participation.CountRow row : rows) {
      cells(table.createRow(), row.label(), SwedishFormat.count(row.count(), row.masked()));
    }
  }

  private void topics(List<TopicSection> topics) throws IOException {
    heading(2, "4 Synpunkter och ställningstaganden");
    if (topics.isEmpty()) {
      paragraph("Synpunkterna är inte sorterade i ämnen.");
    }
    for (TopicSection topic : topics) {
      heading(3, topic.title());
      paragraphs(topic.summary(), null);
      paragraph("Antal synpunkter: " + SwedishFormat.count(topic.viewCount()));
      if (!topic.quotes().isEmpty()) {
        paragraph("Några synpunkter med egna ord:");
        for (String quote : topic.quotes()) {
          for (String line : SwedishFormat.paragraphs(quote)) {
            XWPFParagraph p = document.createParagraph();
            p.setIndentationLeft(567);
            XWPFRun run = p.createRun();
            run.setItalic(true);
            run.setText("”" + line + "”");
          }
        }
      }
      if (topic.map() != null) {
        figure(topic.map());
      }
      Position position = topic.position() == null ? Position.NONE : topic.position();
      fact("Kommunens ställningstagande", SwedishFormat.effect(position));
      fact("Svar", position.answer());
      fact("Motivering", position.reason());
    }
  }

  /** A heading in style Heading1 (the title), Heading2 (a section) or Heading3 (a part of one), as h1–h3 in the HTML. */
  void heading(int level, String text) {
    styled("Heading" + level, text);
  }

  void paragraph(String text) {
    document.createParagraph().createRun().setText(text);
  }

  void caption(String text) {
    styled("Caption", text);
  }

  private void styled(String style, String text) {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setStyle(style);
    paragraph.createRun().setText(text);
  }

  private void paragraphs(String text, String otherwise) {
    List<String> paragraphs = SwedishFormat.paragraphs(text);
    if (paragraphs.isEmpty() && otherwise != null) {
      document.createParagraph().createRun().setText(otherwise);
    }
    paragraphs.forEach(this::paragraph);
  }

  /** "Label: value" with the label in bold; nothing when the value is missing. */
  private void fact(String label, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    XWPFParagraph paragraph = document.createParagraph();
    XWPFRun name = paragraph.createRun();
    name.setBold(true);
    name.setText(label + ": ");
    paragraph.createRun().setText(value);
  }

  /** A captioned table with one header row, repeated on every page. */
  private XWPFTable table(String caption, String... headers) {
    styled("Caption", caption);
    XWPFTable table = document.createTable(1, headers.length);
    table.setWidth("100%");
    table.getCTTbl().getTblPr().addNewTblCaption().setVal(caption);
    XWPFTableRow header = table.getRow(0);
    header.setRepeatHeader(true);
    for (int c = 0; c < headers.length; c++) {
      XWPFRun run = header.getCell(c).getParagraphs().get(0).createRun();
      run.setBold(true);
      run.setText(headers[c]);
    }
    return table;
  }

  private static void cells(XWPFTableRow row, String... texts) {
    for (int c = 0; c < texts.length; c++) {
      XWPFTableCell cell = row.getCell(c);
      cell.getParagraphs().get(0).createRun().setText(texts[c]);
    }
  }

  /** The map as an inline picture across the text width, its alt text in the drawing's descr, and a caption. */
  private void figure(MapFigure map) throws IOException {
    figures++;
    BufferedImage image = painter.paint(map);
    byte[] png = MapPainter.encode(image);
    int width = DocxStyles.TEXT_WIDTH_EMU;
    int height = (int) ((long) width * image.getHeight() / image.getWidth());
    XWPFParagraph paragraph = document.createParagraph();
    XWPFRun run = paragraph.createRun();
    try {
      run.addPicture(new ByteArrayInputStream(png), PictureType.PNG, "karta-" + figures + ".png", width, height);
    } catch (InvalidFormatException e) {
      throw new IOException("could not add the map picture", e);
    }
    String alt = map.altText() == null || map.altText().isBlank() ? map.caption() : map.altText();
    CTInline inline = run.getCTR().getDrawingArray(0).getInlineArray(0);
    inline.getDocPr().setDescr(alt == null ? "Karta" : alt);
    inline.getDocPr().setTitle(map.caption() == null ? "Karta" : map.caption());
    styled("Caption", "Figur " + figures + ". " + (map.caption() == null ? "" : map.caption()));
  }
}
