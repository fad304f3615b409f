package org.dialogkarta.analysis.theme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many themes: the mean silhouette (cosine distance; comments close to their own theme and
 * far from the next) of the k-means clustering of a sample of at most {@value #SAMPLE} comments,
 * for k in {@value #MIN_K}..{@value #MAX_K} (at most one theme per {@value #COMMENTS_PER_THEME}
 * comments), and the smallest k that reaches {@value #NEAR_BEST} of the best score. On short
 * texts the silhouette tends to creep up with every k, so "the highest" would nearly always be
 * the largest k allowed; the smallest k close to it is the one a planner can read. Fewer than {@value #MIN_FOR_SPLIT} comments are one
 * theme. The sample is every (n / {@value #SAMPLE})-th comment, so it is the same each time.
 */
public record ThemeCount(int k, Map<Integer, Double> silhouettes, int sampleSize) {

  public static final int MIN_K = 2;
  public static final int MAX_K = 12;
  static final int COMMENTS_PER_THEME = 5;
  public static final int MIN_FOR_SPLIT = MIN_K * COMMENTS_PER_THEME;
  static final int SAMPLE = 1200;
  static final int RESTARTS = 5;
  /** The fewest themes whose silhouette is this share of the best: more would barely separate better. */
  static final double NEAR_BEST = 0.9;

  public ThemeCount {
    silhouettes = Collections.unmodifiableMap(new LinkedHashMap<>(silhouettes));
  }

  public static ThemeCount choose(SparseVector[] vectors, int dims, long seed) {
    int n = vectors.length;
    if (n < MIN_FOR_SPLIT) {
      return new ThemeCount(Math.min(1, n), Map.of(), 0);
    }
    SparseVector[] sample = sample(vectors);
    int m = sample.length;
    float[] distance = distances(sample);
    int maxK = Math.min(MAX_K, n / COMMENTS_PER_THEME);
    Map<Integer, Double> scores = new LinkedHashMap<>();
    double best = Double.NEGATIVE_INFINITY;
    for (int k = MIN_K; k <= maxK; k++) {
      int[] assignment = SphericalKMeans.cluster(sample, dims, k, seed, RESTARTS).assignment();
      double score = silhouette(distance, m, assignment, k);
      scores.put(k, score);
      best = Math.max(best, score);
    }
    int chosen = maxK;
    for (int k = MIN_K; k <= maxK; k++) {
      if (scores.get(k) >= NEAR_BEST * best) {
        chosen = k;
        break;
      }
    }
    return new ThemeCount(chosen, scores, m);
  }

  /** Every (n / {@value #SAMPLE})-th vector, or all when there are no more. */
  static SparseVector[] sample(SparseVector[] vectors) {
    int n = vectors.length;
    int m = Math.min(n, SAMPLE);
    SparseVector[] sample = new SparseVector[m];
    for (int i = 0; i < m; i++) {
      sample[i] = vectors[(int) ((long) i * n / m)];
    }
    return sample;
  }

  public double silhouette() {
    return silhouettes.getOrDefault(k, Double.NaN);
  }

  private static float[] distances(SparseVector[] sample) {
    int m = sample.length;
    float[] d = new float[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        float value = (float) Math.max(0, 1 - sample[i].dot(sample[j]));
        d[i * m + j] = value;
        d[j * m + i] = value;
      }
    }
    return d;
  }

  /** Mean silhouette; a comment alone in its cluster scores 0. */
  static double silhouette(float[] distance, int m, int[] assignment, int k) {
    int[] sizes = new int[k];
    for (int c : assignment) {
      sizes[c]++;
    }
    double total = 0;
    double[] sums = new double[k];
    for (int i = 0; i < m; i++) {
      java.util.Arrays.fill(sums, 0);
      for (int j = 0; j < m; j++) {
        sums[assignment[j]] += distance[i * m + j];
      }
      int own = assignment[i];
      if (sizes[own] <= 1) {
        continue;
      }
      double a = sums[own] / (sizes[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && sizes[c] > 0) {
          b = Math.min(b, sums[c] / sizes[c]);
        }
      }
      double s = Math.max(a, b) == 0 || b == Double.POSITIVE_INFINITY ? 0 : (b - a) / Math.max(a, b);
      total += s;
    }
    return total / m;
  }
}
