package org.dialogkarta.report.document;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The report as one self-contained HTML page (maps inline), readable on a phone and printable.
 * The markup is {@link ReportHtml}'s, streamed straight to {@code out}.
 */
public final class HtmlReportWriter implements ReportWriter {

  public static final String MEDIA_TYPE = "text/html; charset=UTF-8";

  private final ReportHtml html;

  public HtmlReportWriter() {
    this(new MapPainter());
  }

  public HtmlReportWriter(MapPainter painter) {
    this.html = new ReportHtml(painter);
  }

  @Override
  public void write(ReportDocument report, OutputStream out, Progress progress) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    try {
      html.write(report, ReportHtml.Medium.BROWSER, writer, progress);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.flush();
  }

  @Override
  public String mediaType() {
    return MEDIA_TYPE;
  }
}
