package org.dialogkarta.analysis;

/**
 * The Benjamini–Hochberg false discovery rate correction over all cells of a hotspot analysis,
 * as ArcGIS's Hot Spot Analysis applies it: with m p-values sorted ascending, the one of rank k
 * becomes {@code min over j >= k of (m / j) p_(j)} (capped at 1). A cell is significant at
 * confidence 90, 95 or 99 % when its adjusted value is at most 0.10, 0.05 or 0.01, which is the
 * same as the step-up rule "reject every p up to the largest p_(k) &lt;= k/m alpha". Cells with no
 * p-value (NaN, e.g. no variation at all) stay NaN.
 */
public final class FalseDiscoveryRate {

  private FalseDiscoveryRate() {}

  /** Adjusted p-values, in the order given. */
  public static double[] adjust(double[] pValues) {
    int n = pValues.length;
    int m = 0;
    int[] present = new int[n];
    for (int i = 0; i < n; i++) {
      double p = pValues[i];
      if (Double.isNaN(p)) {
        continue;
      }
      if (p < 0 || p > 1) {
        throw new IllegalArgumentException("p-value out of [0, 1]: " + p);
      }
      present[m++] = i;
    }
    int[] ranked = ascending(pValues, java.util.Arrays.copyOf(present, m));
    double[] adjusted = new double[n];
    java.util.Arrays.fill(adjusted, Double.NaN);
    double running = 1;
    for (int r = m - 1; r >= 0; r--) {
      int i = ranked[r];
      running = Math.min(running, pValues[i] * m / (r + 1));
      adjusted[i] = running;
    }
    return adjusted;
  }

  /** The indices sorted by their p-value (stable merge sort on primitives, no boxing). */
  private static int[] ascending(double[] values, int[] indices) {
    int[] buffer = new int[indices.length];
    for (int width = 1; width < indices.length; width *= 2) {
      for (int lo = 0; lo < indices.length; lo += 2 * width) {
        int mid = Math.min(lo + width, indices.length);
        int hi = Math.min(lo + 2 * width, indices.length);
        int a = lo;
        int b = mid;
        for (int k = lo; k < hi; k++) {
          if (a < mid && (b >= hi || values[indices[a]] <= values[indices[b]])) {
            buffer[k] = indices[a++];
          } else {
            buffer[k] = indices[b++];
          }
        }
      }
      int[] swap = indices;
      indices = buffer;
      buffer = swap;
    }
    return indices;
  }
}
