package org.dialogkarta.report;

import org.dialogkarta.kernel.Coded;

/** The formats every build writes: the public page's HTML, the accessible PDF, and Word to edit. */
public enum ReportFormat implements Coded {
  HTML("html", "text/html;charset=UTF-8"),
  PDF("pdf", "application/pdf"),
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final String code;
  private final String mediaType;

  ReportFormat(String code, String mediaType) {
    this.code = code;
    this.mediaType = mediaType;
  }

  @Override
  public String code() {
    return code;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The column of report_build and report_version that holds this format's file. */
  String column() {
    return code;
  }
}
