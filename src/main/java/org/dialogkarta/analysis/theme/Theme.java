package org.dialogkarta.analysis.theme;

import java.util.List;

/**
 * One theme: its label (its first three top words), its top words as people wrote them, how many
 * comments, the three comments nearest its centre, and the pins (ascending ids).
 */
public record Theme(int id, String label, List<String> topWords, int count, List<Comment> examples, long[] pinIds) {
  public Theme {
    topWords = List.copyOf(topWords);
    examples = List.copyOf(examples);
  }
}
