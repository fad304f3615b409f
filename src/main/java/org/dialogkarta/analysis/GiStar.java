package org.dialogkarta.analysis;

/**
 * Getis-Ord Gi* local statistic with binary distance-band weights that include the point itself
 * (w_ij = 1 when d_ij &lt;= band, so w_ii = 1), as z-scores computed analytically (Getis and Ord
 * 1995; the same numbers as PySAL esda's {@code G_Local(star=True)} and ArcGIS):
 *
 * <pre>
 *   z_i = (sum_j w_ij x_j - mean * W_i) / (s * sqrt((n * W_i - W_i^2) / (n - 1)))
 *   W_i = sum_j w_ij,  mean and s over all n values (s with divisor n)
 * </pre>
 *
 * Neighbours are found through a grid of cells of the band's size, so a two-million-cell
 * hexagon grid takes well under a second. When every value is the same (s = 0), or a point sees
 * all points, there is no statistic: the z-score is NaN.
 */
public final class GiStar {

  /** Distances are compared with this slack, so that a neighbour exactly at the band counts. */
  private static final double BAND_SLACK = 1 + 1e-9;

  private final double band;

  public GiStar(double band) {
    if (!(band > 0) || !Double.isFinite(band)) {
      throw new IllegalArgumentException("distance band must be a positive number, not " + band);
    }
    this.band = band;
  }

  public static double[] zScores(double[] xs, double[] ys, double[] values, double band) {
    return new GiStar(band).zScores(xs, ys, values);
  }

  public double[] zScores(double[] xs, double[] ys, double[] values) {
    int n = values.length;
    if (xs.length != n || ys.length != n) {
      throw new IllegalArgumentException("as many positions as values");
    }
    double[] z = new double[n];
    if (n < 2) {
      java.util.Arrays.fill(z, Double.NaN);
      return z;
    }
    double sum = 0;
    double sumSquares = 0;
    for (double v : values) {
      sum += v;
      sumSquares += v * v;
    }
    double mean = sum / n;
    double s = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
    GridIndex grid = new GridIndex(xs, ys, n, band);
    double band2 = band * band * BAND_SLACK;
    int[] order = grid.order;
    int[] start = grid.cellStart;
    for (int i = 0; i < n; i++) {
      int cx = grid.cellX[grid.cellOf[i]];
      int cy = grid.cellY[grid.cellOf[i]];
      double x = xs[i];
      double y = ys[i];
      double weights = 0;
      double lag = 0;
      for (int dx = -1; dx <= 1; dx++) {
        for (int dy = -1; dy <= 1; dy++) {
          int cell = grid.cell(cx + dx, cy + dy);
          if (cell < 0) {
            continue;
          }
          for (int k = start[cell], end = start[cell + 1]; k < end; k++) {
            int j = order[k];
            double ddx = xs[j] - x;
            double ddy = ys[j] - y;
            if (ddx * ddx + ddy * ddy <= band2) {
              weights++;
              lag += values[j];
            }
          }
        }
      }
      double spread = (n * weights - weights * weights) / (n - 1);
      z[i] = s > 0 && spread > 0 ? (lag - mean * weights) / (s * Math.sqrt(spread)) : Double.NaN;
    }
    return z;
  }
}
