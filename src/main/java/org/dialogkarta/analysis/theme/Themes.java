package org.dialogkarta.analysis.theme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Themes in what people wrote: {@link TextAnalyzer} (stems, stop words), {@link TermVectors}
 * (TF-IDF), {@link ThemeCount} (k by silhouette, unless given) and {@link SphericalKMeans}. Per
 * theme the top words are the heaviest terms of its centroid, as people wrote them (one form of
 * a word, see {@link #sameWord}), and the examples the comments nearest the centroid. Comments
 * are taken in pin id order, so the same selection gives the same themes whatever order it came
 * in.
 */
public final class Themes {

  public static final long SEED = 20_260_601L;
  static final int MAX_TERMS = 5000;
  static final int RESTARTS = 5;
  static final int TOP_WORDS = 6;
  static final int EXAMPLES = 3;

  private Themes() {}

  /** Themes with k chosen from the data. */
  public static ThemeResult of(List<Comment> comments) {
    return of(comments, null);
  }

  /** Themes; {@code k} given (clamped to the number of comments) or null to choose it. */
  public static ThemeResult of(List<Comment> comments, Integer k) {
    List<Comment> sorted = comments.stream().sorted(Comparator.comparingLong(Comment::pinId)).toList();
    TextAnalyzer analyzer = TextAnalyzer.get();
    List<TextAnalyzer.Analyzed> analysed = sorted.parallelStream().map(c -> analyzer.analyze(c.text())).toList();
    int minDocuments = Math.max(2, (int) Math.ceil(sorted.size() * 0.0005));
    TermVectors tv = TermVectors.of(analysed, minDocuments, MAX_TERMS);

    List<Integer> usable = new ArrayList<>();
    List<Long> unclear = new ArrayList<>();
    for (int d = 0; d < sorted.size(); d++) {
      if (tv.vectors()[d].isEmpty()) {
        unclear.add(sorted.get(d).pinId());
      } else {
        usable.add(d);
      }
    }
    SparseVector[] vectors = usable.stream().map(d -> tv.vectors()[d]).toArray(SparseVector[]::new);
    int dims = tv.terms().size();
    ThemeCount count = k == null ? ThemeCount.choose(vectors, dims, SEED) : null;
    int chosen = k != null ? Math.max(Math.min(k, vectors.length), Math.min(1, vectors.length)) : count.k();
    List<Theme> themes = new ArrayList<>();
    if (chosen > 0) {
      SphericalKMeans.Result clusters = clusters(vectors, dims, chosen);
      for (int c = 0; c < chosen; c++) {
        int cluster = c;
        int[] members = IntStream.range(0, vectors.length).filter(i -> clusters.assignment()[i] == cluster).toArray();
        if (members.length > 0) {
          themes.add(theme(members, clusters.centroids()[c], vectors, usable, sorted, tv));
        }
      }
    }
    themes.sort(Comparator.comparingInt(Theme::count).reversed().thenComparing(t -> t.pinIds()[0]));
    List<Theme> numbered = new ArrayList<>();
    for (int i = 0; i < themes.size(); i++) {
      Theme t = themes.get(i);
      numbered.add(new Theme(i + 1, t.label(), t.topWords(), t.count(), t.examples(), t.pinIds()));
    }
    return new ThemeResult(numbered.size(), sorted.size(), method(tv, minDocuments, k, count, numbered.size()),
        count == null ? Map.of() : count.silhouettes(), numbered,
        unclear.stream().mapToLong(Long::longValue).toArray());
  }

  /** Restarts on all comments, or on the sample of a large selection and one run on all from the best. */
  private static SphericalKMeans.Result clusters(SparseVector[] vectors, int dims, int k) {
    SparseVector[] sample = ThemeCount.sample(vectors);
    if (sample.length == vectors.length) {
      return SphericalKMeans.cluster(vectors, dims, k, SEED, RESTARTS);
    }
    double[][] seeds = SphericalKMeans.cluster(sample, dims, Math.min(k, sample.length), SEED, RESTARTS).centroids();
    return SphericalKMeans.refine(vectors, dims, seeds);
  }

  private static Theme theme(int[] members, double[] centroid, SparseVector[] vectors, List<Integer> usable,
      List<Comment> sorted, TermVectors tv) {
    List<String> top = new ArrayList<>();
    IntStream.range(0, centroid.length).boxed()
        .filter(i -> centroid[i] > 0 && !tv.terms().get(i).startsWith(TermVectors.GRAM_MARK))
        .sorted(Comparator.comparingDouble((Integer i) -> -centroid[i]).thenComparing(i -> i))
        .map(i -> tv.words().get(i))
        .forEach(word -> {
          if (top.size() < TOP_WORDS && top.stream().noneMatch(chosen -> sameWord(chosen, word))) {
            top.add(word);
          }
        });
    List<Integer> nearest = IntStream.of(members).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -vectors[i].dot(centroid)).thenComparing(i -> i))
        .toList();
    List<Comment> examples = new ArrayList<>();
    Set<String> texts = new LinkedHashSet<>();
    for (int i : nearest) {
      Comment comment = sorted.get(usable.get(i));
      if (texts.add(comment.text().strip().toLowerCase(Locale.ROOT)) && examples.size() < EXAMPLES) {
        examples.add(comment);
      }
      if (examples.size() == EXAMPLES) {
        break;
      }
    }
    long[] pinIds = IntStream.of(members).mapToLong(i -> sorted.get(usable.get(i)).pinId()).sorted().toArray();
    return new Theme(0, String.join(", ", top.subList(0, Math.min(3, top.size()))), top, members.length, examples, pinIds);
  }

  /**
   * Two forms of one word as far as a label goes ("lekplats" and "lekplatsen", "cykelbana" and
   * "cykelbanan", which the stemmer keeps apart): the same first letters, at least four, and at
   * most three letters more or different at the end. The second is left out of the top words.
   */
  static boolean sameWord(String a, String b) {
    int common = 0;
    int max = Math.min(a.length(), b.length());
    while (common < max && a.charAt(common) == b.charAt(common)) {
      common++;
    }
    return common >= 4 && common >= Math.max(a.length(), b.length()) - 3;
  }

  private static ThemeResult.Method method(TermVectors tv, int minDocuments, Integer k, ThemeCount count, int themes) {
    boolean tooFew = k == null && count.silhouettes().isEmpty();
    boolean scored = k == null && !tooFew;
    return new ThemeResult.Method(tv.terms().size(), minDocuments, themes, k != null, tooFew,
        scored ? count.silhouette() : Double.NaN, scored ? best(count) : Double.NaN, ThemeCount.MIN_K,
        scored ? maxK(count) : 0, scored ? count.sampleSize() : 0);
  }

  private static double best(ThemeCount count) {
    return count.silhouettes().values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static int maxK(ThemeCount count) {
    return count.silhouettes().keySet().stream().mapToInt(Integer::intValue).max().orElse(count.k());
  }
}
