package org.dialogkarta.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dialogkarta.analysis.Cluster;
import org.dialogkarta.analysis.api.ClusterAnalysis;
import org.dialogkarta.analysis.theme.Comment;
import org.dialogkarta.analysis.theme.ThemeResult;
import org.dialogkarta.analysis.theme.Themes;
import org.springframework.stereotype.Component;

/**
 * Topics to start from, over the views no topic holds yet: the themes the analysis finds in what
 * they say (the analysis page's TF-IDF and k-means, over pins and registered views alike), and
 * the places where many of them gather (the analysis page's DBSCAN clusters, named by the
 * neighbourhood most of their pins lie in). A planner takes a suggestion over as a topic, renames
 * it, and moves views in or out.
 */
@Component
class TopicSuggestions {

  /** Clusters smaller than this are not offered as a topic of their own. */
  static final int MIN_PLACE = 5;

  /**
   * A suggested topic: {@code kind} {@code theme} or {@code place}; its label and top words (for a
   * place, its categories), how many views, a few examples and their numbers.
   */
  record Suggestion(String kind, String label, List<String> topWords, int count, List<String> examples,
      List<ViewRef> views) {}

  private final ReportViews views;
  private final ClusterAnalysis clusters;

  TopicSuggestions(ReportViews views, ClusterAnalysis clusters) {
    this.views = views;
    this.clusters = clusters;
  }

  List<Suggestion> of(long dialogueId) {
    List<ReportView> ungrouped = new ArrayList<>();
    views.forEach(dialogueId, v -> {
      if (v.topicId() == null) {
        ungrouped.add(v);
      }
    });
    List<Suggestion> out = new ArrayList<>(themes(ungrouped));
    out.addAll(places(dialogueId, ungrouped));
    return out;
  }

  private static List<Suggestion> themes(List<ReportView> ungrouped) {
    List<ViewRef> refs = new ArrayList<>();
    List<Comment> comments = new ArrayList<>();
    for (ReportView v : ungrouped) {
      if (v.text() != null && !v.text().isBlank()) {
        comments.add(new Comment(refs.size(), v.text()));
        refs.add(v.ref());
      }
    }
    if (comments.isEmpty()) {
      return List.of();
    }
    ThemeResult result = Themes.of(comments);
    return result.themes().stream()
        .map(t -> new Suggestion("theme", t.label(), t.topWords(), t.count(),
            t.examples().stream().map(Comment::text).toList(),
            Arrays.stream(t.pinIds()).mapToObj(i -> refs.get((int) i)).sorted().toList()))
        .toList();
  }

  private List<Suggestion> places(long dialogueId, List<ReportView> ungrouped) {
    Map<Long, ReportView> pins = ungrouped.stream().filter(ReportView::isPin)
        .collect(Collectors.toMap(v -> v.ref().id(), v -> v));
    if (pins.size() < MIN_PLACE) {
      return List.of();
    }
    ClusterAnalysis.Result found = clusters.clusters(ReportMaps.filterOf(dialogueId), ClusterAnalysis.DEFAULT_EPS,
        ClusterAnalysis.DEFAULT_MIN_POINTS);
    List<Suggestion> out = new ArrayList<>();
    for (Cluster c : found.clusters()) {
      List<ReportView> members = Arrays.stream(c.pinIds()).mapToObj(pins::get).filter(v -> v != null).toList();
      if (members.size() < MIN_PLACE) {
        continue;
      }
      Map<String, Long> where = new HashMap<>();
      members.stream().filter(v -> v.neighbourhood() != null).forEach(v -> where.merge(v.neighbourhood(), 1L, Long::sum));
      String place = where.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
          .orElse(Words.of("report.suggestion.place.unnamed"));
      Set<String> categories = members.stream().map(v -> Words.label("category.", v.category()))
          .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
      out.add(new Suggestion("place", Words.plural("report.suggestion.place", members.size(), Map.of("place", place)),
          List.copyOf(categories), members.size(),
          members.stream().filter(v -> v.text() != null).sorted(Comparator.comparingInt(ReportView::supports).reversed())
              .limit(3).map(ReportView::text).toList(),
          members.stream().map(ReportView::ref).sorted().toList()));
    }
    return out;
  }
}
