package org.dialogkarta.report.document;

import java.util.List;

/**
 * Section 2, who took part. Counts are of views (pins and registered views); the heard table
 * compares the views' profile answers with who lives in the area, with groups under five already
 * masked by the assembler.
 */
public record Participation(
    long views,
    long supports,
    List<CountRow> byChannel,
    List<CountRow> byCategory,
    List<CountRow> bySenderType,
    List<HeardRow> heard,
    String heardNote) {

  public Participation {
    byChannel = List.copyOf(byChannel);
    byCategory = List.copyOf(byCategory);
    bySenderType = List.copyOf(bySenderType);
    heard = List.copyOf(heard);
  }

  /** A label and its count; a masked count (fewer than five) is shown as "färre än 5". */
  public record CountRow(String label, long count, boolean masked) {}

  /**
   * One group of the "who has been heard" table, e.g. "Ålder 65–79": its share of the views that
   * gave an answer and its share of the population, in percent (null when unknown or masked).
   */
  public record HeardRow(String group, Double shareOfViews, Double shareOfPopulation, boolean masked) {}
}
