package org.dialogkarta.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dialogkarta.analysis.theme.Comment;
import org.dialogkarta.analysis.theme.ThemeResult;
import org.dialogkarta.analysis.theme.Themes;
import org.springframework.stereotype.Component;

/**
 * Topics to start from: the themes the analysis finds in what the ungrouped views say (the same
 * TF-IDF and k-means as the analysis page's themes, over pins and registered views alike). A
 * planner takes a suggestion over as a topic, renames it, and moves views in or out.
 */
@Component
class TopicSuggestions {

  /** A suggested topic: its label and top words, how many views, a few examples and their numbers. */
  record Suggestion(String label, List<String> topWords, int count, List<String> examples, List<ViewRef> views) {}

  private final ReportViews views;

  TopicSuggestions(ReportViews views) {
    this.views = views;
  }

  List<Suggestion> of(long dialogueId) {
    List<ViewRef> refs = new ArrayList<>();
    List<Comment> comments = new ArrayList<>();
    views.forEach(dialogueId, v -> {
      if (v.topicId() == null && v.text() != null && !v.text().isBlank()) {
        comments.add(new Comment(refs.size(), v.text()));
        refs.add(v.ref());
      }
    });
    if (comments.isEmpty()) {
      return List.of();
    }
    ThemeResult result = Themes.of(comments);
    return result.themes().stream()
        .map(t -> new Suggestion(t.label(), t.topWords(), t.count(),
            t.examples().stream().map(Comment::text).toList(),
            Arrays.stream(t.pinIds()).mapToObj(i -> refs.get((int) i)).sorted().toList()))
        .toList();
  }
}
