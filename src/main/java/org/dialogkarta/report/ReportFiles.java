package org.dialogkarta.report;

import java.util.EnumMap;
import java.util.Map;
import org.dialogkarta.report.document.ReportWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The writer of each format, found among the {@link ReportWriter} beans by the media type each writes. */
@Component
class ReportFiles {

  private final Map<ReportFormat, ReportWriter> writers = new EnumMap<>(ReportFormat.class);

  ReportFiles(ObjectProvider<ReportWriter> all) {
    for (ReportFormat format : ReportFormat.values()) {
      String type = format.mediaType().split(";")[0];
      all.orderedStream().filter(w -> w.mediaType().split(";")[0].strip().equals(type)).findFirst()
          .ifPresent(w -> writers.put(format, w));
    }
  }

  ReportWriter writer(ReportFormat format) {
    ReportWriter writer = writers.get(format);
    if (writer == null) {
      throw new IllegalStateException("No report writer for " + format.mediaType());
    }
    return writer;
  }
}
