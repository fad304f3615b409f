package org.dialogkarta.report.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Section 5 of the Word document, streamed. POI's document model holds every cell as objects,
 * which for 20,000 views takes gigabytes; so {@link DocxReportWriter} lets POI write the document
 * with a marker paragraph where the appendix goes, and this class copies that package to the
 * output, writing the appendix table's XML in place of the marker as it goes.
 */
final class DocxAppendix {

  /** The text of the paragraph that the appendix replaces. */
  static final String MARKER = "DIALOGKARTA-BILAGA-TABELL";

  private static final String DOCUMENT_PART = "word/document.xml";
  private static final String[] COLUMNS = {"Nr", "Datum", "Kanal", "Plats", "Synpunkt", "Ämne", "Kommunens svar"};
  /** Column widths in twentieths of a point, adding up to the text width. */
  private static final int[] WIDTHS = {771, 964, 964, 1253, 2699, 1060, 1927};
  /** 8 pt, in half points. */
  private static final String SIZE = "16";

  private DocxAppendix() {}

  /** Copies the Word package {@code in} to {@code out}, the appendix table in place of the marker. */
  static void splice(InputStream in, OutputStream out, List<AppendixEntry> entries, ReportWriter.Progress progress)
      throws IOException {
    ZipInputStream source = new ZipInputStream(in);
    ZipOutputStream target = new ZipOutputStream(out);
    for (ZipEntry entry = source.getNextEntry(); entry != null; entry = source.getNextEntry()) {
      target.putNextEntry(new ZipEntry(entry.getName()));
      if (entry.getName().equals(DOCUMENT_PART)) {
        String xml = new String(source.readAllBytes(), StandardCharsets.UTF_8);
        int marker = xml.indexOf(MARKER);
        if (marker < 0) {
          throw new IllegalStateException("the Word document has no place marked for the appendix");
        }
        int start = Math.max(xml.lastIndexOf("<w:p>", marker), xml.lastIndexOf("<w:p ", marker));
        int end = xml.indexOf("</w:p>", marker) + "</w:p>".length();
        Writer writer = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        writer.write(xml, 0, start);
        table(writer, entries, progress);
        writer.write(xml, end, xml.length() - end);
        writer.flush();
      } else {
        source.transferTo(target);
      }
      target.closeEntry();
    }
    target.finish();
  }

  private static void table(Writer out, List<AppendixEntry> entries, ReportWriter.Progress progress) throws IOException {
    out.write("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>");
    for (String side : new String[] {"top", "left", "bottom", "right", "insideH", "insideV"}) {
      out.write("<w:" + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8C8C8C\"/>");
    }
    out.write("</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        + "<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
        + "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
        + "<w:tblCaption w:val=\"Alla synpunkter\"/></w:tblPr><w:tblGrid>");
    for (int width : WIDTHS) {
      out.write("<w:gridCol w:w=\"" + width + "\"/>");
    }
    out.write("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for (int c = 0; c < COLUMNS.length; c++) {
      cell(out, c, "E8E8E8", new Run(COLUMNS[c], true, false));
    }
    out.write("</w:tr>");
    for (int i = 0; i < entries.size(); i++) {
      row(out, entries.get(i));
      if ((i + 1) % AppendixHtml.PROGRESS_STEP == 0) {
        progress.entriesWritten(i + 1);
      }
    }
    out.write("</w:tbl>");
    progress.entriesWritten(entries.size());
  }

  private static void row(Writer out, AppendixEntry entry) throws IOException {
    out.write("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
    cell(out, 0, null, new Run(entry.number(), false, false));
    cell(out, 1, null, new Run(SwedishFormat.isoDate(entry.date()), false, false));
    cell(out, 2, null, new Run(entry.channel(), false, false));
    cell(out, 3, null, new Run(entry.place(), false, false));
    cell(out, 4, null, entry.hidden()
        ? new Run(SwedishFormat.hiddenText(entry), false, true)
        : new Run(entry.visibleText(), false, false));
    cell(out, 5, null, new Run(entry.topic(), false, false));
    Position p = entry.position() == null ? Position.NONE : entry.position();
    cell(out, 6, null,
        new Run(p.effect() == null ? null : p.effect() + (p.answer() == null ? "" : ": "), true, false),
        new Run(p.answer(), false, false),
        new Run(p.reason() == null ? null : " Motivering: " + p.reason(), false, false));
    out.write("</w:tr>");
  }

  /** A piece of a cell's text and how it is set. */
  private record Run(String text, boolean bold, boolean italic) {}

  private static void cell(Writer out, int column, String shading, Run... runs) throws IOException {
    out.write("<w:tc><w:tcPr><w:tcW w:w=\"" + WIDTHS[column] + "\" w:type=\"dxa\"/>");
    if (shading != null) {
      out.write("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + shading + "\"/>");
    }
    out.write("</w:tcPr><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr>");
    for (Run run : runs) {
      if (run.text() == null || run.text().isEmpty()) {
        continue;
      }
      out.write("<w:r><w:rPr>" + (run.bold() ? "<w:b/>" : "") + (run.italic() ? "<w:i/>" : "")
          + "<w:sz w:val=\"" + SIZE + "\"/><w:szCs w:val=\"" + SIZE + "\"/></w:rPr><w:t xml:space=\"preserve\">");
      out.write(HtmlEscape.escape(run.text()));
      out.write("</w:t></w:r>");
    }
    out.write("</w:p></w:tc>");
  }
}
