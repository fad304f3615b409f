package org.dialogkarta.analysis.theme;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * k-means on unit vectors with cosine similarity (spherical k-means, Dhillon and Modha 2001):
 * each comment goes to the centroid it points most nearly along, each centroid is the normalised
 * sum of its comments, and the clustering is the one with the largest sum of the lengths of
 * those sums. Seeded by k-means++ (a new seed with probability proportional to 1 − its best
 * similarity so far) from a fixed random seed. Batch k-means stalls early on short, sparse texts,
 * so each run ends with local search (Dhillon, Guan and Kogan 2002): single comments move to
 * another cluster while that raises the objective. {@code restarts} runs, the best kept: the same
 * input always gives the same clusters.
 */
public final class SphericalKMeans {

  static final int MAX_ITERATIONS = 30;
  static final int MAX_MOVE_PASSES = 20;

  private SphericalKMeans() {}

  /** The clusters; {@code objective} is the sum over clusters of |sum of its vectors|. */
  public record Result(int k, int[] assignment, double[][] centroids, double objective) {}

  /** Clusters non-empty unit {@code vectors} over {@code dims} terms into {@code k} (≤ their number). */
  public static Result cluster(SparseVector[] vectors, int dims, int k, long seed, int restarts) {
    if (k < 1 || k > vectors.length) {
      throw new IllegalArgumentException("k must be between 1 and " + vectors.length + ", not " + k);
    }
    SplittableRandom random = new SplittableRandom(seed);
    Result best = null;
    for (int run = 0; run < restarts; run++) {
      Result result = once(vectors, dims, k, random.split());
      if (best == null || result.objective() > best.objective() + 1e-9) {
        best = result;
      }
    }
    return best;
  }

  /**
   * One run from the given unit {@code centroids}: how a large selection is clustered, seeded
   * with the best of the restarts on a sample of it.
   */
  public static Result refine(SparseVector[] vectors, int dims, double[][] centroids) {
    double[][] start = new double[centroids.length][];
    for (int c = 0; c < start.length; c++) {
      start[c] = centroids[c].clone();
    }
    return from(vectors, dims, start);
  }

  private static Result once(SparseVector[] vectors, int dims, int k, SplittableRandom random) {
    return from(vectors, dims, seeds(vectors, dims, k, random));
  }

  private static Result from(SparseVector[] vectors, int dims, double[][] centroids) {
    int n = vectors.length;
    int k = centroids.length;
    int[] assignment = new int[n];
    Arrays.fill(assignment, -1);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[][] c = centroids;
      int[] next = IntStream.range(0, n).parallel().map(d -> nearest(vectors[d], c)).toArray();
      if (Arrays.equals(next, assignment)) {
        break;
      }
      assignment = next;
      centroids = sums(vectors, assignment, dims, k);
      fillEmpty(vectors, assignment, centroids);
      for (double[] centroid : centroids) {
        normalise(centroid);
      }
    }
    double[][] sums = sums(vectors, assignment, dims, k);
    double objective = localSearch(vectors, assignment, sums);
    for (double[] s : sums) {
      normalise(s);
    }
    return new Result(k, assignment, sums, objective);
  }

  /**
   * Moves single comments between clusters while that raises Σ|s_c|; returns that sum. Moving x
   * from a to b changes it by |s_a − x| + |s_b + x| − |s_a| − |s_b|, where |s ± x|² = |s|² ± 2 x·s + 1.
   */
  private static double localSearch(SparseVector[] vectors, int[] assignment, double[][] sums) {
    int k = sums.length;
    int[] sizes = new int[k];
    for (int a : assignment) {
      sizes[a]++;
    }
    double[] squared = new double[k];
    for (int c = 0; c < k; c++) {
      squared[c] = dot(sums[c], sums[c]);
    }
    for (int pass = 0; pass < MAX_MOVE_PASSES; pass++) {
      int moved = 0;
      for (int d = 0; d < vectors.length; d++) {
        int a = assignment[d];
        if (sizes[a] == 1) {
          continue;
        }
        SparseVector x = vectors[d];
        double xa = x.dot(sums[a]);
        double leave = Math.sqrt(Math.max(0, squared[a] - 2 * xa + 1)) - Math.sqrt(squared[a]);
        int best = a;
        double bestGain = 1e-9;
        for (int b = 0; b < k; b++) {
          if (b != a) {
            double join = Math.sqrt(squared[b] + 2 * x.dot(sums[b]) + 1) - Math.sqrt(squared[b]);
            if (leave + join > bestGain) {
              bestGain = leave + join;
              best = b;
            }
          }
        }
        if (best != a) {
          squared[a] = Math.max(0, squared[a] - 2 * xa + 1);
          squared[best] = squared[best] + 2 * x.dot(sums[best]) + 1;
          x.addTo(sums[a], -1);
          x.addTo(sums[best], 1);
          sizes[a]--;
          sizes[best]++;
          assignment[d] = best;
          moved++;
        }
      }
      if (moved == 0) {
        break;
      }
    }
    double objective = 0;
    for (int c = 0; c < k; c++) {
      objective += Math.sqrt(squared[c]);
    }
    return objective;
  }

  private static int nearest(SparseVector v, double[][] centroids) {
    int best = 0;
    double bestSim = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      double sim = v.dot(centroids[c]);
      if (sim > bestSim) {
        bestSim = sim;
        best = c;
      }
    }
    return best;
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
      if (c == k - 1) {
        break;
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

  private static double[][] sums(SparseVector[] vectors, int[] assignment, int dims, int k) {
    double[][] sums = new double[k][dims];
    for (int d = 0; d < vectors.length; d++) {
      vectors[d].addTo(sums[assignment[d]], 1);
    }
    return sums;
  }

  /** An empty cluster takes the comment that fits its own cluster worst (lowest id first). */
  private static void fillEmpty(SparseVector[] vectors, int[] assignment, double[][] sums) {
    int k = sums.length;
    int[] sizes = new int[k];
    for (int a : assignment) {
      sizes[a]++;
    }
    for (int c = 0; c < k; c++) {
      if (sizes[c] > 0) {
        continue;
      }
      int worst = -1;
      double worstSim = Double.POSITIVE_INFINITY;
      for (int d = 0; d < vectors.length; d++) {
        int a = assignment[d];
        if (sizes[a] > 1) {
          double sim = vectors[d].dot(sums[a]) / Math.sqrt(Math.max(1e-300, dot(sums[a], sums[a])));
          if (sim < worstSim) {
            worstSim = sim;
            worst = d;
          }
        }
      }
      if (worst < 0) {
        return;
      }
      int from = assignment[worst];
      vectors[worst].addTo(sums[from], -1);
      vectors[worst].addTo(sums[c], 1);
      sizes[from]--;
      sizes[c]++;
      assignment[worst] = c;
    }
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  static void normalise(double[] v) {
    double norm = Math.sqrt(dot(v, v));
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= norm;
      }
    }
  }
}
