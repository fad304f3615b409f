package org.dialogkarta.analysis;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * The hexagons of a study area, in {@link HexGrid}'s convention (pointy-top, axial (q, r) from the
 * CRS origin, so a cell keeps its id {@code c<q>_<r>} whatever the selection): every cell whose
 * centre lies in the area, plus every cell that holds a pin lying in the area ({@link #admit}), so
 * that no pin inside the area is lost at its edge. Only these cells are counted, tested and
 * coloured; a study area of six villages is six patches of cells, not the land between them.
 */
public final class AreaHexagons {

  private static final long EMPTY = Long.MIN_VALUE;
  private static final double ROW_HEIGHT = Math.sqrt(3) / 2;

  private final double size;
  private int[] qs = new int[64];
  private int[] rs = new int[64];
  private int count;
  private long[] keys = new long[128];
  private int[] slots = new int[128];

  private AreaHexagons(double size) {
    this.size = size;
    Arrays.fill(keys, EMPTY);
  }

  /** About how many cells an area of {@code squareMetres} holds at this size. */
  public static double estimateCells(double squareMetres, double size) {
    return squareMetres / (size * size * ROW_HEIGHT);
  }

  /** The cells whose centre lies in the area; refuses (TooManyCells) more than {@link HexGrid#MAX_CELLS}. */
  public static AreaHexagons of(StudyArea area, double size) {
    if (!(size > 0) || !Double.isFinite(size)) {
      throw new IllegalArgumentException("hexagon size must be a positive number, not " + size);
    }
    double scanned = 0;
    for (StudyArea.Part part : area.parts()) {
      Envelope e = part.envelope();
      scanned += HexGrid.estimateCells(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), size);
    }
    double estimate = Math.max(estimateCells(area.area(), size), scanned / 8);
    if (estimate > HexGrid.MAX_CELLS) {
      throw new HexGrid.TooManyCells(estimate);
    }
    AreaHexagons cells = new AreaHexagons(size);
    double rowHeight = size * ROW_HEIGHT;
    Coordinate probe = new Coordinate();
    for (StudyArea.Part part : area.parts()) {
      Envelope e = part.envelope();
      int rowMin = (int) Math.ceil(e.getMinY() / rowHeight);
      int rowMax = (int) Math.floor(e.getMaxY() / rowHeight);
      for (int r = rowMin; r <= rowMax; r++) {
        int qMin = (int) Math.ceil(e.getMinX() / size - r / 2.0);
        int qMax = (int) Math.floor(e.getMaxX() / size - r / 2.0);
        for (int q = qMin; q <= qMax; q++) {
          probe.x = HexGrid.centreX(q, r, size);
          probe.y = HexGrid.centreY(r, size);
          if (part.locator().locate(probe) != Location.EXTERIOR) {
            cells.add(HexGrid.pack(q, r));
          }
        }
      }
    }
    return cells;
  }

  public double size() {
    return size;
  }

  public int count() {
    return count;
  }

  /** The cell holding the point, or -1 when that cell is not one of the area's. */
  public int cellOf(double x, double y) {
    return find(HexGrid.axial(x, y, size));
  }

  /** The cell holding the point, made one of the area's if it was not (for a pin in the area). */
  public int admit(double x, double y) {
    long key = HexGrid.axial(x, y, size);
    int found = find(key);
    return found >= 0 ? found : add(key);
  }

  private static final int[][] NEIGHBOURS = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, -1}, {-1, 1}};

  /** The area's cells that share an edge with {@code cell} (up to six). */
  public int[] neighbours(int cell) {
    int[] out = new int[6];
    int found = 0;
    for (int[] step : NEIGHBOURS) {
      int other = find(HexGrid.pack((long) qs[cell] + step[0], (long) rs[cell] + step[1]));
      if (other >= 0) {
        out[found++] = other;
      }
    }
    return Arrays.copyOf(out, found);
  }

  public String id(int cell) {
    return HexGrid.id(qs[cell], rs[cell]);
  }

  public double centreX(int cell) {
    return HexGrid.centreX(qs[cell], rs[cell], size);
  }

  public double centreY(int cell) {
    return HexGrid.centreY(rs[cell], size);
  }

  public Polygon polygon(int cell, GeometryFactory factory) {
    return HexGrid.hexagon(centreX(cell), centreY(cell), size, factory);
  }

  private int find(long key) {
    int slot = slot(key);
    return keys[slot] == EMPTY ? -1 : slots[slot];
  }

  private int add(long key) {
    int slot = slot(key);
    if (keys[slot] != EMPTY) {
      return slots[slot];
    }
    if (count == qs.length) {
      qs = Arrays.copyOf(qs, count * 2);
      rs = Arrays.copyOf(rs, count * 2);
    }
    qs[count] = HexGrid.axialQ(key);
    rs[count] = HexGrid.axialR(key);
    keys[slot] = key;
    slots[slot] = count;
    count++;
    if (count * 2 > keys.length) {
      rehash();
    }
    return count - 1;
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new long[oldKeys.length * 2];
    slots = new int[keys.length];
    Arrays.fill(keys, EMPTY);
    for (int k = 0; k < oldKeys.length; k++) {
      if (oldKeys[k] != EMPTY) {
        int slot = slot(oldKeys[k]);
        keys[slot] = oldKeys[k];
        slots[slot] = oldSlots[k];
      }
    }
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    long h = key * 0x9E3779B97F4A7C15L;
    int slot = (int) (h ^ (h >>> 29)) & mask;
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
