package org.dialogkarta.report.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The report as a Word document (.docx) that the planner can edit: Heading1–3 styles, captioned
 * tables with a repeated header row, the maps as pictures with alternative text, Swedish as the
 * document language and the title in the document properties. Sections 1–4 are built with POI
 * ({@link DocxContent}); the appendix is streamed into the package ({@link DocxAppendix}), so
 * 20,000 views take seconds and little memory.
 */
public final class DocxReportWriter implements ReportWriter {

  public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final MapPainter painter;

  public DocxReportWriter() {
    this(new MapPainter());
  }

  public DocxReportWriter(MapPainter painter) {
    this.painter = painter;
  }

  @Override
  public void write(ReportDocument report, OutputStream out, Progress progress) throws IOException {
    ByteArrayOutputStream withoutAppendix = new ByteArrayOutputStream(1 << 20);
    try (XWPFDocument document = new XWPFDocument()) {
      DocxStyles.apply(document);
      properties(document.getProperties(), report);
      DocxContent content = new DocxContent(document, painter);
      content.write(report);
      content.heading(2, "5 Bilaga: alla synpunkter");
      content.paragraph(SwedishFormat.plural("report.appendix.intro", report.appendix().size()));
      content.caption("Alla synpunkter");
      content.paragraph(DocxAppendix.MARKER);
      document.write(withoutAppendix);
    }
    DocxAppendix.splice(new ByteArrayInputStream(withoutAppendix.toByteArray()), out, report.appendix(), progress);
  }

  @Override
  public String mediaType() {
    return MEDIA_TYPE;
  }

  private static void properties(POIXMLProperties properties, ReportDocument report) {
    POIXMLProperties.CoreProperties core = properties.getCoreProperties();
    core.setTitle(report.title());
    core.setSubjectProperty("Samrådsredogörelse, " + report.about().dialogueTitle());
    core.setCreator(report.about().responsibleUnit() == null ? "Dialogkarta" : report.about().responsibleUnit());
    core.getUnderlyingProperties().setLanguageProperty(DocxStyles.LANGUAGE);
    properties.getExtendedProperties().setApplication("Dialogkarta");
  }
}
