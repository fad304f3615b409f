package org.dialogkarta.analysis.theme;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means on unit vectors with cosine similarity (spherical k-means): each comment goes to the
 * centroid it points most nearly along, each centroid is the normalised sum of its comments.
 * Seeded by k-means++ (a new seed with probability proportional to 1 − its best similarity so
 * far) from a fixed random seed, run {@value #RESTARTS} times, the tightest run kept: the same
 * input always gives the same themes. An empty cluster takes the comment that fits its own
 * centroid worst.
 */
public final class SphericalKMeans {

  static final int RESTARTS = 3;
  static final int MAX_ITERATIONS = 40;

  private SphericalKMeans() {}

  /** The clusters; {@code cohesion} is the sum of every comment's similarity to its centroid. */
  public record Result(int k, int[] assignment, double[][] centroids, double cohesion) {}

  /** Clusters non-empty unit {@code vectors} of {@code dims} terms into {@code k} (≤ their number). */
  public static Result cluster(SparseVector[] vectors, int dims, int k, long seed) {
    if (k < 1 || k > vectors.length) {
      throw new IllegalArgumentException("k must be between 1 and " + vectors.length + ", not " + k);
    }
    SplittableRandom random = new SplittableRandom(seed);
    Result best = null;
    for (int run = 0; run < RESTARTS; run++) {
      Result result = once(vectors, dims, k, random.split());
      if (best == null || result.cohesion() > best.cohesion() + 1e-9) {
        best = result;
      }
    }
    return best;
  }

  private static Result once(SparseVector[] vectors, int dims, int k, SplittableRandom random) {
    int n = vectors.length;
    double[][] centroids = seeds(vectors, dims, k, random);
    int[] assignment = new int[n];
    Arrays.fill(assignment, -1);
    double[] similarity = new double[n];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      boolean changed = false;
      for (int d = 0; d < n; d++) {
        int best = 0;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double sim = vectors[d].dot(centroids[c]);
          if (sim > bestSim) {
            bestSim = sim;
            best = c;
          }
        }
        similarity[d] = bestSim;
        if (assignment[d] != best) {
          assignment[d] = best;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      centroids = centroids(vectors, assignment, similarity, dims, k);
    }
    double cohesion = 0;
    for (double s : similarity) {
      cohesion += s;
    }
    return new Result(k, assignment, centroids, cohesion);
  }

  private static double[][] seeds(SparseVector[] vectors, int dims, int k, SplittableRandom random) {
    int n = vectors.length;
    double[][] centroids = new double[k][];
    double[] best = new double[n];
    Arrays.fill(best, Double.NEGATIVE_INFINITY);
    int chosen = random.nextInt(n);
    for (int c = 0; c < k; c++) {
      centroids[c] = new double[dims];
      vectors[chosen].addTo(centroids[c], 1);
      double total = 0;
      for (int d = 0; d < n; d++) {
        best[d] = Math.max(best[d], vectors[d].dot(centroids[c]));
        total += Math.max(0, 1 - best[d]);
      }
      if (total <= 0) {
        chosen = random.nextInt(n);
        continue;
      }
      double target = random.nextDouble() * total;
      chosen = n - 1;
      for (int d = 0; d < n; d++) {
        target -= Math.max(0, 1 - best[d]);
        if (target < 0) {
          chosen = d;
          break;
        }
      }
    }
    return centroids;
  }

  private static double[][] centroids(SparseVector[] vectors, int[] assignment, double[] fit, int dims, int k) {
    double[] similarity = fit.clone();
    double[][] sums = new double[k][dims];
    int[] sizes = new int[k];
    for (int d = 0; d < vectors.length; d++) {
      vectors[d].addTo(sums[assignment[d]], 1);
      sizes[assignment[d]]++;
    }
    for (int c = 0; c < k; c++) {
      if (sizes[c] == 0) {
        int worst = 0;
        for (int d = 1; d < vectors.length; d++) {
          if (similarity[d] < similarity[worst]) {
            worst = d;
          }
        }
        similarity[worst] = Double.POSITIVE_INFINITY; // not taken twice
        vectors[worst].addTo(sums[c], 1);
      }
      normalise(sums[c]);
    }
    return sums;
  }

  static void normalise(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    if (norm > 0) {
      norm = Math.sqrt(norm);
      for (int i = 0; i < v.length; i++) {
        v[i] /= norm;
      }
    }
  }
}
