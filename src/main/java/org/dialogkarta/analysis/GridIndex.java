package org.dialogkarta.analysis;

import java.util.Arrays;

/**
 * Points bucketed into square cells of a given size, for neighbour searches in the cells around a
 * point. Built once in linear time: a cell key per point, an open-addressing table from key to
 * cell (cells numbered in order of their first point, so the index is deterministic), then a
 * counting sort of the points by cell. Primitive arrays only, so a million points cost a few
 * tens of megabytes and no boxing.
 */
final class GridIndex {

  private static final long EMPTY = Long.MIN_VALUE;
  /** Cells per axis stay below 2^31 so that a key packs both into one long. */
  static final double MAX_CELLS_PER_AXIS = 2_000_000_000d;

  final double cellSize;
  final double minX;
  final double minY;
  /** Point indices (into the caller's arrays) in cell order; ascending within a cell. */
  final int[] order;
  /** Points of cell c are order[cellStart[c] .. cellStart[c + 1]). */
  final int[] cellStart;
  /** Cell column and row of cell c. */
  final int[] cellX;
  final int[] cellY;
  /** Cell of each point (by the caller's index). */
  final int[] cellOf;
  final int cellCount;

  private final long[] tableKeys;
  private final int[] tableCells;
  private final int mask;

  GridIndex(double[] xs, double[] ys, int n, double cellSize) {
    if (!(cellSize > 0) || !Double.isFinite(cellSize)) {
      throw new IllegalArgumentException("cell size must be a positive number, not " + cellSize);
    }
    this.cellSize = cellSize;
    double lowX = Double.POSITIVE_INFINITY;
    double lowY = Double.POSITIVE_INFINITY;
    double highX = Double.NEGATIVE_INFINITY;
    double highY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      lowX = Math.min(lowX, xs[i]);
      lowY = Math.min(lowY, ys[i]);
      highX = Math.max(highX, xs[i]);
      highY = Math.max(highY, ys[i]);
    }
    this.minX = n == 0 ? 0 : lowX;
    this.minY = n == 0 ? 0 : lowY;
    if (n > 0 && ((highX - lowX) / cellSize >= MAX_CELLS_PER_AXIS || (highY - lowY) / cellSize >= MAX_CELLS_PER_AXIS)) {
      throw new IllegalArgumentException("cell size " + cellSize + " is too small for an extent of "
          + Math.max(highX - lowX, highY - lowY) + " m");
    }
    int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    tableKeys = new long[capacity];
    Arrays.fill(tableKeys, EMPTY);
    tableCells = new int[capacity];
    mask = capacity - 1;

    cellOf = new int[n];
    int[] xOfCell = new int[Math.max(16, n / 4)];
    int[] yOfCell = new int[xOfCell.length];
    int[] counts = new int[xOfCell.length];
    int cells = 0;
    for (int i = 0; i < n; i++) {
      int cx = (int) ((xs[i] - minX) / cellSize);
      int cy = (int) ((ys[i] - minY) / cellSize);
      long key = key(cx, cy);
      int slot = slot(key);
      int cell;
      if (tableKeys[slot] == EMPTY) {
        if (cells == xOfCell.length) {
          int grown = cells + (cells >> 1) + 1;
          xOfCell = Arrays.copyOf(xOfCell, grown);
          yOfCell = Arrays.copyOf(yOfCell, grown);
          counts = Arrays.copyOf(counts, grown);
        }
        cell = cells++;
        tableKeys[slot] = key;
        tableCells[slot] = cell;
        xOfCell[cell] = cx;
        yOfCell[cell] = cy;
      } else {
        cell = tableCells[slot];
      }
      cellOf[i] = cell;
      counts[cell]++;
    }
    cellCount = cells;
    cellX = Arrays.copyOf(xOfCell, cells);
    cellY = Arrays.copyOf(yOfCell, cells);
    cellStart = new int[cells + 1];
    for (int c = 0; c < cells; c++) {
      cellStart[c + 1] = cellStart[c] + counts[c];
    }
    int[] next = Arrays.copyOf(cellStart, cells);
    order = new int[n];
    for (int i = 0; i < n; i++) {
      order[next[cellOf[i]]++] = i;
    }
  }

  /** The cell at column cx, row cy, or -1 when no point falls in it. */
  int cell(int cx, int cy) {
    if (cx < 0 || cy < 0) {
      return -1;
    }
    long key = key(cx, cy);
    int slot = slot(key);
    return tableKeys[slot] == EMPTY ? -1 : tableCells[slot];
  }

  /** The slot holding {@code key}, or the empty slot where it would go (linear probing). */
  private int slot(long key) {
    int slot = (int) mix(key) & mask;
    while (tableKeys[slot] != EMPTY && tableKeys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long key(int cx, int cy) {
    return ((long) cx << 32) | (cy & 0xffffffffL);
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
