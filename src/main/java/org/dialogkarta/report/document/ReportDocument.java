package org.dialogkarta.report.document;

import java.time.LocalDate;
import java.util.List;

/**
 * A dialogue's samrådsredogörelse as data, everything already in words: the report assembler
 * ({@code report.ReportAssembler}) fills it from the database, and the writers in this package lay
 * it out as HTML, PDF and Word without asking the database anything. Texts that users wrote are
 * plain text here; every writer escapes them.
 *
 * @param title the document title, e.g. "Samrådsredogörelse: Trygg väg till Norrskolan"
 * @param version the published version's number, or null for a draft
 * @param madeOn the day the report was compiled
 */
public record ReportDocument(
    String title,
    Integer version,
    LocalDate madeOn,
    About about,
    Participation participation,
    List<MapFigure> maps,
    List<TopicSection> topics,
    List<AppendixEntry> appendix) {

  public ReportDocument {
    maps = List.copyOf(maps);
    topics = List.copyOf(topics);
    appendix = List.copyOf(appendix);
  }

  public boolean draft() {
    return version == null;
  }
}
