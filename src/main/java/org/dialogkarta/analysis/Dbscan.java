package org.dialogkarta.analysis;

/**
 * DBSCAN density clustering of pins in metres, with the definitions of PostGIS
 * {@code ST_ClusterDBSCAN}: a point is a core point when at least {@code minPoints} points
 * (itself included) lie within {@code eps} (distance &lt;= eps); core points within eps of each
 * other share a cluster; a non-core point within eps of a core point is a border point of that
 * cluster; every other point is noise (label -1).
 *
 * <p>Grid-based, so it runs in about linear time rather than a neighbour query per point: cells
 * of side eps/&radic;2 (any two points in one cell are within eps, so a cell with minPoints points
 * is all core and its core points are one cluster at once), neighbours searched in the 5 x 5 cells
 * around a cell, clusters joined cell by cell with a union-find that stops at the first core pair
 * linking two cells. Border points go to the cluster of their nearest core point (ties: the lower
 * point index); PostGIS may pick another neighbouring cluster, which DBSCAN allows. Clusters are
 * numbered 0.. in the order of their first core point, so the same input gives the same labels.
 */
public final class Dbscan {

  public static final int NOISE = -1;
  /** Just under 1/&radic;2, so that rounding never puts two points farther than eps in one cell. */
  private static final double CELL_FACTOR = Math.sqrt(0.5) * (1 - 1e-9);
  private static final int REACH = 2;

  private final double eps;
  private final int minPoints;

  public Dbscan(double eps, int minPoints) {
    if (!(eps > 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("eps must be a positive number of metres, not " + eps);
    }
    if (minPoints < 1) {
      throw new IllegalArgumentException("minPoints must be at least 1, not " + minPoints);
    }
    this.eps = eps;
    this.minPoints = minPoints;
  }

  /** Labels per pin of the sample (same order), -1 for noise. */
  public record Result(int[] labels, int clusterCount, boolean[] core) {
    public int label(int i) {
      return labels[i];
    }

    public int noiseCount() {
      int noise = 0;
      for (int label : labels) {
        if (label == NOISE) {
          noise++;
        }
      }
      return noise;
    }
  }

  public static Result cluster(PinSample sample, double eps, int minPoints) {
    return new Dbscan(eps, minPoints).cluster(sample);
  }

  public Result cluster(PinSample sample) {
    int n = sample.size();
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = sample.x(i);
      ys[i] = sample.y(i);
    }
    return cluster(xs, ys, n);
  }

  /** On bare coordinates (metres); the arrays are not changed. */
  public Result cluster(double[] xs, double[] ys, int n) {
    GridIndex grid = new GridIndex(xs, ys, n, eps * CELL_FACTOR);
    double eps2 = eps * eps;
    int cells = grid.cellCount;
    int[] order = grid.order;
    int[] start = grid.cellStart;
    // Coordinates in cell order, so the inner loops read memory in sequence.
    double[] sx = new double[n];
    double[] sy = new double[n];
    for (int p = 0; p < n; p++) {
      sx[p] = xs[order[p]];
      sy[p] = ys[order[p]];
    }
    int[] around = new int[(2 * REACH + 1) * (2 * REACH + 1)];

    // 1. Core points (by position in cell order).
    boolean[] core = new boolean[n];
    boolean[] cellHasCore = new boolean[cells];
    for (int c = 0; c < cells; c++) {
      int from = start[c];
      int to = start[c + 1];
      if (to - from >= minPoints) {
        for (int p = from; p < to; p++) {
          core[p] = true;
        }
        cellHasCore[c] = true;
        continue;
      }
      int count = neighbourCells(grid, c, around);
      for (int p = from; p < to; p++) {
        int found = to - from;
        double x = sx[p];
        double y = sy[p];
        for (int k = 0; k < count && found < minPoints; k++) {
          int other = around[k];
          if (other == c) {
            continue;
          }
          for (int q = start[other], end = start[other + 1]; q < end; q++) {
            double dx = sx[q] - x;
            double dy = sy[q] - y;
            if (dx * dx + dy * dy <= eps2 && ++found >= minPoints) {
              break;
            }
          }
        }
        if (found >= minPoints) {
          core[p] = true;
          cellHasCore[c] = true;
        }
      }
    }

    // 2. Join cells whose core points lie within eps of each other.
    int[] parent = new int[cells];
    for (int c = 0; c < cells; c++) {
      parent[c] = c;
    }
    for (int c = 0; c < cells; c++) {
      if (!cellHasCore[c]) {
        continue;
      }
      int count = neighbourCells(grid, c, around);
      for (int k = 0; k < count; k++) {
        int other = around[k];
        if (other <= c || !cellHasCore[other] || find(parent, c) == find(parent, other)) {
          continue;
        }
        if (coresWithin(c, other, start, sx, sy, core, eps2)) {
          union(parent, c, other);
        }
      }
    }

    // 3. Number clusters in the order of their first core point (by the caller's index).
    int[] clusterOfRoot = new int[cells];
    java.util.Arrays.fill(clusterOfRoot, NOISE);
    int[] position = new int[n];
    for (int p = 0; p < n; p++) {
      position[order[p]] = p;
    }
    int[] labels = new int[n];
    boolean[] coreByIndex = new boolean[n];
    int clusters = 0;
    for (int i = 0; i < n; i++) {
      int p = position[i];
      if (core[p]) {
        coreByIndex[i] = true;
        int root = find(parent, grid.cellOf[i]);
        if (clusterOfRoot[root] == NOISE) {
          clusterOfRoot[root] = clusters++;
        }
        labels[i] = clusterOfRoot[root];
      } else {
        labels[i] = NOISE;
      }
    }

    // 4. Border points: the cluster of the nearest core point within eps.
    for (int c = 0; c < cells; c++) {
      int from = start[c];
      int to = start[c + 1];
      boolean anyBorderCandidate = false;
      for (int p = from; p < to && !anyBorderCandidate; p++) {
        anyBorderCandidate = !core[p];
      }
      if (!anyBorderCandidate) {
        continue;
      }
      int count = neighbourCells(grid, c, around);
      for (int p = from; p < to; p++) {
        if (core[p]) {
          continue;
        }
        double x = sx[p];
        double y = sy[p];
        double best = Double.POSITIVE_INFINITY;
        int bestIndex = Integer.MAX_VALUE;
        int bestCell = -1;
        for (int k = 0; k < count; k++) {
          int other = around[k];
          if (!cellHasCore[other]) {
            continue;
          }
          for (int q = start[other], end = start[other + 1]; q < end; q++) {
            if (!core[q]) {
              continue;
            }
            double dx = sx[q] - x;
            double dy = sy[q] - y;
            double d2 = dx * dx + dy * dy;
            if (d2 <= eps2 && (d2 < best || (d2 == best && order[q] < bestIndex))) {
              best = d2;
              bestIndex = order[q];
              bestCell = other;
            }
          }
        }
        if (bestCell >= 0) {
          labels[order[p]] = clusterOfRoot[find(parent, bestCell)];
        }
      }
    }
    return new Result(labels, clusters, coreByIndex);
  }

  /** The occupied cells in the 5 x 5 block around cell c (c included); returns how many. */
  private static int neighbourCells(GridIndex grid, int c, int[] around) {
    int count = 0;
    int cx = grid.cellX[c];
    int cy = grid.cellY[c];
    for (int dx = -REACH; dx <= REACH; dx++) {
      for (int dy = -REACH; dy <= REACH; dy++) {
        int other = grid.cell(cx + dx, cy + dy);
        if (other >= 0) {
          around[count++] = other;
        }
      }
    }
    return count;
  }

  private static boolean coresWithin(int a, int b, int[] start, double[] sx, double[] sy, boolean[] core,
      double eps2) {
    for (int p = start[a], endA = start[a + 1]; p < endA; p++) {
      if (!core[p]) {
        continue;
      }
      double x = sx[p];
      double y = sy[p];
      for (int q = start[b], endB = start[b + 1]; q < endB; q++) {
        if (core[q]) {
          double dx = sx[q] - x;
          double dy = sy[q] - y;
          if (dx * dx + dy * dy <= eps2) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static int find(int[] parent, int c) {
    while (parent[c] != c) {
      parent[c] = parent[parent[c]];
      c = parent[c];
    }
    return c;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      // The lower cell number becomes the root, which keeps the result independent of join order.
      if (ra < rb) {
        parent[rb] = ra;
      } else {
        parent[ra] = rb;
      }
    }
  }
}
