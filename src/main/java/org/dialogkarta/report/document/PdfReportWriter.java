package org.dialogkarta.report.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The report as an accessible PDF (PDF/UA). openhtmltopdf lays out and tags sections 1–4 from
 * {@link ReportHtml}'s markup, so the headings, reading order, tables with their header cells and
 * the maps' alt texts carry over, and the language (sv) and title come from the HTML. The appendix,
 * which may hold tens of thousands of views, is drawn onto further tagged pages by
 * {@link PdfAppendix}, because laying it out as HTML takes minutes and gigabytes. All text is set
 * in DejaVu Sans, embedded.
 */
public final class PdfReportWriter implements ReportWriter {

  public static final String MEDIA_TYPE = "application/pdf";

  /** Where Debian's fonts-dejavu-core puts the fonts. */
  public static final Path DEFAULT_FONT_DIRECTORY = Path.of("/usr/share/fonts/truetype/dejavu");

  static final String FONT_FAMILY = "DejaVu Sans";
  private static final String REGULAR = "DejaVuSans.ttf";
  private static final String BOLD = "DejaVuSans-Bold.ttf";
  private static final String OBLIQUE = "DejaVuSans-Oblique.ttf";
  private static final String BOLD_OBLIQUE = "DejaVuSans-BoldOblique.ttf";

  private final ReportHtml html;
  private final Path regular;
  private final Path bold;
  private final Path oblique;
  private final Path boldOblique;

  /** With the fonts in {@link #DEFAULT_FONT_DIRECTORY} and a default {@link MapPainter}. */
  public PdfReportWriter() {
    this(DEFAULT_FONT_DIRECTORY, new MapPainter());
  }

  /**
   * @param fontDirectory a directory holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (the oblique
   *     faces are used when present)
   * @throws IllegalArgumentException naming the missing file, when a needed font is not there
   */
  public PdfReportWriter(Path fontDirectory, MapPainter painter) {
    this.regular = requireFont(fontDirectory, REGULAR);
    this.bold = requireFont(fontDirectory, BOLD);
    this.oblique = optionalFont(fontDirectory, OBLIQUE, regular);
    this.boldOblique = optionalFont(fontDirectory, BOLD_OBLIQUE, bold);
    this.html = new ReportHtml(painter);
  }

  @Override
  public void write(ReportDocument report, OutputStream out, Progress progress) throws IOException {
    StringWriter markup = new StringWriter(1 << 20);
    html.write(report, ReportHtml.Medium.PDF, markup, progress);
    try (PDDocument document = new PDDocument()) {
      PdfFonts fonts = new PdfFonts(document, regular, bold, oblique, boldOblique);
      try (PdfBoxRenderer renderer = builder(document, fonts, markup.toString()).buildPdfRenderer()) {
        renderer.createPDFWithoutClosing();
        new PdfAppendix(fonts).write(document, report.appendix(), progress);
        document.save(out);
      }
    }
  }

  /**
   * Another document of the same kind (the walk report): its XHTML, which names its language and
   * title, laid out as tagged PDF/UA in the same embedded fonts.
   */
  public void writeXhtml(String xhtml, OutputStream out) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PdfFonts fonts = new PdfFonts(document, regular, bold, oblique, boldOblique);
      try (PdfBoxRenderer renderer = builder(document, fonts, xhtml).buildPdfRenderer()) {
        renderer.createPDFWithoutClosing();
        document.save(out);
      }
    }
  }

  private static PdfRendererBuilder builder(PDDocument document, PdfFonts fonts, String xhtml) {
    return new PdfRendererBuilder()
        .usePDDocument(document)
        .usePdfUaAccessibility(true)
        .withHtmlContent(xhtml, null)
        .useFont(new PDFontSupplier(fonts.regular), FONT_FAMILY, 400, FontStyle.NORMAL, true)
        .useFont(new PDFontSupplier(fonts.bold), FONT_FAMILY, 700, FontStyle.NORMAL, true)
        .useFont(new PDFontSupplier(fonts.italic), FONT_FAMILY, 400, FontStyle.ITALIC, true)
        .useFont(new PDFontSupplier(fonts.boldItalic), FONT_FAMILY, 700, FontStyle.ITALIC, true)
        .withProducer("Dialogkarta");
  }

  @Override
  public String mediaType() {
    return MEDIA_TYPE;
  }

  private static Path requireFont(Path directory, String file) {
    Path font = directory.resolve(file);
    if (!Files.isReadable(font)) {
      throw new IllegalArgumentException("The PDF report needs the font " + font
          + " (DejaVu Sans; on Debian the package fonts-dejavu-core, see scripts/setup.sh), but it is not there.");
    }
    return font;
  }

  private static Path optionalFont(Path directory, String file, Path otherwise) {
    Path font = directory.resolve(file);
    return Files.isReadable(font) ? font : otherwise;
  }
}
