package org.dialogkarta.analysis.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written, labelled Swedish comments: {@code themes/labelled-comments-sv.tsv} (the set the
 * method was developed on) or {@code themes/labelled-comments-sv-holdout.tsv} (written after, in
 * other words, never used to choose a setting); pin id = line.
 */
public record LabelledComments(List<String> labels, List<Comment> comments) {

  public static LabelledComments load() {
    return load("labelled-comments-sv.tsv");
  }

  public static LabelledComments holdout() {
    return load("labelled-comments-sv-holdout.tsv");
  }

  private static LabelledComments load(String name) {
    try (InputStream in = LabelledComments.class.getResourceAsStream("/themes/" + name)) {
      List<String> labels = new ArrayList<>();
      List<Comment> comments = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        String[] cells = lines[i].split("\t", 2);
        labels.add(cells[0]);
        comments.add(new Comment(i, cells[1].strip()));
      }
      return new LabelledComments(List.copyOf(labels), List.copyOf(comments));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Per comment, its theme id in {@code result}, or "unclear". */
  public Object[] clustersIn(ThemeResult result) {
    java.util.Map<Long, Object> byPin = new java.util.HashMap<>();
    for (Theme theme : result.themes()) {
      for (long id : theme.pinIds()) {
        byPin.put(id, theme.id());
      }
    }
    return comments.stream().map(c -> byPin.getOrDefault(c.pinId(), "unclear")).toArray();
  }
}
