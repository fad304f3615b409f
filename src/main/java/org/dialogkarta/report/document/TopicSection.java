package org.dialogkarta.report.document;

import java.util.List;

/**
 * Section 4, one topic: the planner's summary, how many views it holds, a few quotes that
 * represent it (plain text), the map of its views (null when none has a place), and the
 * municipality's position on it.
 */
public record TopicSection(
    String title,
    String summary,
    int viewCount,
    List<String> quotes,
    MapFigure map,
    Position position) {

  public TopicSection {
    quotes = List.copyOf(quotes);
  }
}
