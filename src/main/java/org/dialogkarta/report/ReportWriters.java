package org.dialogkarta.report;

import java.nio.file.Path;
import org.dialogkarta.report.document.DocxReportWriter;
import org.dialogkarta.report.document.HtmlReportWriter;
import org.dialogkarta.report.document.MapPainter;
import org.dialogkarta.report.document.PdfReportWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The three report writers, sharing one map painter. The PDF writer needs its fonts at start: a
 * missing font stops the service with a message that names the file and the package to install,
 * rather than failing the first planner who builds a report.
 */
@Configuration
class ReportWriters {

  @Bean
  MapPainter mapPainter() {
    return new MapPainter();
  }

  @Bean
  HtmlReportWriter htmlReportWriter(MapPainter painter) {
    return new HtmlReportWriter(painter);
  }

  @Bean
  PdfReportWriter pdfReportWriter(MapPainter painter,
      @Value("${dialogkarta.report.font-directory:/usr/share/fonts/truetype/dejavu}") String fonts) {
    return new PdfReportWriter(Path.of(fonts), painter);
  }

  @Bean
  DocxReportWriter docxReportWriter(MapPainter painter) {
    return new DocxReportWriter(painter);
  }
}
