package org.dialogkarta.analysis.theme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The themes of a selection, largest first, and the comments with no content word the themes
 * could use ({@code unclearPinIds}: empty, only stop words or numbers, or only words nobody else
 * used). {@code method} holds how they were found and why k is what it is (the API writes it as
 * sentences from the message bundles); {@code silhouettes} the score of each k tried (empty when
 * k was given or not chosen).
 */
public record ThemeResult(int k, int commentCount, Method method, Map<Integer, Double> silhouettes,
    List<Theme> themes, long[] unclearPinIds) {

  /**
   * How k came about: {@code terms} stems and letter sequences in at least {@code minDocuments}
   * comments; k given by the user, or too few comments to split, or the smallest k whose
   * silhouette reaches 90 % of the best over {@code minK}..{@code maxK} on {@code sampleSize}
   * comments.
   */
  public record Method(int terms, int minDocuments, int themes, boolean kGiven, boolean tooFewToSplit,
      double silhouette, double bestSilhouette, int minK, int maxK, int sampleSize) {}

  public ThemeResult {
    silhouettes = Collections.unmodifiableMap(new LinkedHashMap<>(silhouettes));
    themes = List.copyOf(themes);
  }
}
