package org.dialogkarta.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Global Moran's I of values at points, with binary distance-band weights (w_ij = 1 when
 * 0 &lt; d_ij &lt;= band, never the point itself), for a series of bands at once: the incremental
 * spatial autocorrelation that chooses a hotspot analysis's scale. The z-score is under the
 * randomisation assumption, as {@code spdep::moran.test} (its default) and ArcGIS report it:
 *
 * <pre>
 *   I    = n / S0 * sum_ij w_ij z_i z_j / sum_i z_i^2          z_i = x_i - mean
 *   E[I] = -1 / (n - 1)
 *   V[I] = (n ((n^2 - 3n + 3) S1 - n S2 + 3 S0^2) - b2 ((n^2 - n) S1 - 2n S2 + 6 S0^2))
 *          / ((n - 1)(n - 2)(n - 3) S0^2) - E[I]^2              b2 = n sum z^4 / (sum z^2)^2
 * </pre>
 *
 * For symmetric binary weights S1 = 2 S0 and S2 = 4 sum_i k_i^2 (k_i: neighbours of i). Every pair
 * within the widest band is visited once: it adds to the sums of the narrowest band that holds
 * it, and cumulative sums give every band, so fifteen bands cost about as much as the widest.
 */
public final class SpatialAutocorrelation {

  private static final double BAND_SLACK = 1 + 1e-9;

  /** Moran's I at one distance band, its expectation and its z-score (NaN when undefined). */
  public record Step(double distance, double moransI, double expected, double zScore, double meanNeighbours) {}

  private SpatialAutocorrelation() {}

  /** Moran's I for each band (metres, ascending, positive). */
  public static List<Step> incremental(double[] xs, double[] ys, double[] values, double[] bands) {
    int n = values.length;
    if (xs.length != n || ys.length != n) {
      throw new IllegalArgumentException("as many positions as values");
    }
    int b = bands.length;
    for (int k = 0; k < b; k++) {
      if (!(bands[k] > 0) || !Double.isFinite(bands[k]) || (k > 0 && bands[k] <= bands[k - 1])) {
        throw new IllegalArgumentException("bands must be positive and ascending");
      }
    }
    List<Step> steps = new ArrayList<>(b);
    if (b == 0) {
      return steps;
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= Math.max(1, n);
    double[] z = new double[n];
    double m2 = 0;
    double m4 = 0;
    for (int i = 0; i < n; i++) {
      z[i] = values[i] - mean;
      m2 += z[i] * z[i];
      m4 += z[i] * z[i] * z[i] * z[i];
    }
    double[] squared = new double[b];
    for (int k = 0; k < b; k++) {
      squared[k] = bands[k] * bands[k] * BAND_SLACK;
    }
    double[] cross = new double[b];
    double[] s0 = new double[b];
    double[] sumK2 = new double[b];
    int[] local = new int[b];
    if (n > 0) {
      GridIndex grid = new GridIndex(xs, ys, n, bands[b - 1]);
      for (int i = 0; i < n; i++) {
        java.util.Arrays.fill(local, 0);
        int cx = grid.cellX[grid.cellOf[i]];
        int cy = grid.cellY[grid.cellOf[i]];
        for (int dx = -1; dx <= 1; dx++) {
          for (int dy = -1; dy <= 1; dy++) {
            int cell = grid.cell(cx + dx, cy + dy);
            if (cell < 0) {
              continue;
            }
            for (int k = grid.cellStart[cell], end = grid.cellStart[cell + 1]; k < end; k++) {
              int j = grid.order[k];
              if (j == i) {
                continue;
              }
              double ddx = xs[j] - xs[i];
              double ddy = ys[j] - ys[i];
              double d2 = ddx * ddx + ddy * ddy;
              if (d2 > squared[b - 1]) {
                continue;
              }
              int band = 0;
              while (d2 > squared[band]) {
                band++;
              }
              local[band]++;
              cross[band] += z[i] * z[j];
            }
          }
        }
        int neighbours = 0;
        for (int k = 0; k < b; k++) {
          neighbours += local[k];
          s0[k] += neighbours;
          sumK2[k] += (double) neighbours * neighbours;
        }
      }
    }
    double crossSum = 0;
    for (int k = 0; k < b; k++) {
      crossSum += cross[k];
      steps.add(step(bands[k], n, s0[k], sumK2[k], crossSum, m2, m4));
    }
    return steps;
  }

  private static Step step(double band, int n, double s0, double sumK2, double cross, double m2, double m4) {
    double expected = n > 1 ? -1.0 / (n - 1) : Double.NaN;
    double meanNeighbours = n > 0 ? s0 / n : 0;
    if (n < 4 || s0 == 0 || m2 == 0) {
      return new Step(band, Double.NaN, expected, Double.NaN, meanNeighbours);
    }
    double i = n / s0 * cross / m2;
    double s1 = 2 * s0;
    double s2 = 4 * sumK2;
    double b2 = n * m4 / (m2 * m2);
    double nn = (double) n * n;
    double variance = (n * ((nn - 3.0 * n + 3) * s1 - n * s2 + 3 * s0 * s0)
        - b2 * ((nn - n) * s1 - 2.0 * n * s2 + 6 * s0 * s0))
        / ((n - 1.0) * (n - 2.0) * (n - 3.0) * s0 * s0) - expected * expected;
    double zScore = variance > 0 ? (i - expected) / Math.sqrt(variance) : Double.NaN;
    return new Step(band, i, expected, zScore, meanNeighbours);
  }
}
