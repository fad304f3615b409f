package org.dialogkarta.report;

/** A written report file: its format and bytes. */
record ReportFile(ReportFormat format, byte[] content) {}
