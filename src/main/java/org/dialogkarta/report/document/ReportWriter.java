package org.dialogkarta.report.document;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Lays a report out in one format. {@code progress} is told how many appendix entries are
 * written, so a long build can show where it is.
 */
public interface ReportWriter {

  void write(ReportDocument report, OutputStream out, Progress progress) throws IOException;

  /** The media type of what {@link #write} produces. */
  String mediaType();

  /** Receives the count of appendix entries laid out so far. */
  @FunctionalInterface
  interface Progress {
    Progress NONE = done -> { };

    void entriesWritten(int done);
  }
}
