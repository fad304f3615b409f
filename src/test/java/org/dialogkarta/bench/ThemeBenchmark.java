package org.dialogkarta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dialogkarta.analysis.theme.AdjustedRandIndex;
import org.dialogkarta.analysis.theme.Comment;
import org.dialogkarta.analysis.theme.LabelledComments;
import org.dialogkarta.analysis.theme.ThemeResult;
import org.dialogkarta.analysis.theme.Themes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Themes of 100,000 comments (make bench): the whole {@code Themes.of} computation (analysis,
 * TF-IDF, choosing k, k-means) on synthetic comments made by recombining the hand-written
 * labelled set: the first half of one comment of a topic joined to the second half of another
 * of the same topic, and one in ten with a clause from another topic. Best of 3 after a warm-up
 * run; prints the figures for docs/BENCHMARKS.md, and the ARI against the generating topics.
 */
@Tag("bench")
class ThemeBenchmark {

  private static final int COMMENTS = 100_000;
  private static final int RUNS = 3;

  @Test
  void themesOfAHundredThousandCommentsTakeUnderTenSeconds() {
    LabelledComments set = LabelledComments.load();
    Map<String, List<String>> byTopic = new LinkedHashMap<>();
    for (int i = 0; i < set.comments().size(); i++) {
      byTopic.computeIfAbsent(set.labels().get(i), t -> new ArrayList<>()).add(set.comments().get(i).text());
    }
    List<String> topics = List.copyOf(byTopic.keySet());
    SplittableRandom random = new SplittableRandom(7);
    List<Comment> comments = new ArrayList<>(COMMENTS);
    String[] labels = new String[COMMENTS];
    for (int i = 0; i < COMMENTS; i++) {
      String topic = topics.get(random.nextInt(topics.size()));
      List<String> texts = byTopic.get(topic);
      String text = firstHalf(texts.get(random.nextInt(texts.size()))) + " "
          + secondHalf(texts.get(random.nextInt(texts.size())));
      if (random.nextInt(10) == 0) {
        List<String> other = byTopic.get(topics.get(random.nextInt(topics.size())));
        text += " Och " + firstHalf(other.get(random.nextInt(other.size()))).toLowerCase();
      }
      comments.add(new Comment(i + 1, text));
      labels[i] = topic;
    }
    ThemeResult result = Themes.of(comments);
    double best = Double.POSITIVE_INFINITY;
    for (int run = 0; run < RUNS; run++) {
      long t = System.nanoTime();
      result = Themes.of(comments);
      best = Math.min(best, (System.nanoTime() - t) / 1e9);
    }
    Map<Long, Object> themeOf = new java.util.HashMap<>();
    result.themes().forEach(theme -> {
      for (long id : theme.pinIds()) {
        themeOf.put(id, theme.id());
      }
    });
    Object[] clusters = comments.stream().map(c -> themeOf.getOrDefault(c.pinId(), "unclear")).toArray();
    double ari = AdjustedRandIndex.of(labels, clusters);
    System.out.printf("[bench] themes: %,d comments, k = %d, best of %d: %.2f s; ARI %.3f, purity %.3f against the generating topics%n",
        COMMENTS, result.k(), RUNS, best, ari, AdjustedRandIndex.purity(labels, clusters));
    System.out.println("[bench] themes: " + result.method());
    assertThat(best).as("seconds for the themes of %,d comments", COMMENTS).isLessThan(10);
  }

  private static String firstHalf(String text) {
    String[] words = text.split(" ");
    return String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.max(1, words.length / 2)));
  }

  private static String secondHalf(String text) {
    String[] words = text.split(" ");
    return String.join(" ", java.util.Arrays.copyOfRange(words, words.length / 2, words.length));
  }
}
