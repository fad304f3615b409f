package org.dialogkarta.analysis;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Pointy-top hexagons covering an extent in metres, with {@code size} the distance between the
 * centres of neighbouring cells. Cells are addressed by axial coordinates (q, r) counted from
 * the CRS origin, so a cell keeps its id ({@code c<q>_<r>}) whatever pins are selected: the
 * centre of (q, r) is x = size (q + r/2), y = size (sqrt(3)/2) r. The grid holds every cell whose
 * centre lies within one circumradius of the extent, which covers every point of the extent.
 */
public final class HexGrid {

  public static final long MAX_CELLS = 2_000_000;
  private static final double ROW_FACTOR = Math.sqrt(3) / 2;

  private final double size;
  private final int rowMin;
  private final int[] rowQMin;
  private final int[] rowStart;
  private final int cellCount;

  private HexGrid(double size, int rowMin, int[] rowQMin, int[] rowStart) {
    this.size = size;
    this.rowMin = rowMin;
    this.rowQMin = rowQMin;
    this.rowStart = rowStart;
    this.cellCount = rowStart[rowStart.length - 1];
  }

  /** How many cells {@link #covering} would make, without making them (for refusing early). */
  public static double estimateCells(double minX, double minY, double maxX, double maxY, double size) {
    double radius = size / Math.sqrt(3);
    double rows = (maxY - minY + 2 * radius) / (size * ROW_FACTOR) + 2;
    double columns = (maxX - minX + 2 * radius) / size + 2;
    return rows * columns;
  }

  /** The grid over the extent; refuses (IllegalArgumentException) more than {@link #MAX_CELLS} cells. */
  public static HexGrid covering(double minX, double minY, double maxX, double maxY, double size) {
    if (!(size > 0) || !Double.isFinite(size)) {
      throw new IllegalArgumentException("hexagon size must be a positive number, not " + size);
    }
    if (!(maxX >= minX) || !(maxY >= minY)) {
      throw new IllegalArgumentException("empty extent");
    }
    if (estimateCells(minX, minY, maxX, maxY, size) > MAX_CELLS) {
      throw new TooManyCells(estimateCells(minX, minY, maxX, maxY, size));
    }
    double radius = size / Math.sqrt(3);
    double rowHeight = size * ROW_FACTOR;
    int rowMin = (int) Math.ceil((minY - radius) / rowHeight);
    int rowMax = (int) Math.floor((maxY + radius) / rowHeight);
    int rows = Math.max(0, rowMax - rowMin + 1);
    int[] rowQMin = new int[rows];
    int[] rowStart = new int[rows + 1];
    for (int k = 0; k < rows; k++) {
      int r = rowMin + k;
      int qMin = (int) Math.ceil((minX - radius) / size - r / 2.0);
      int qMax = (int) Math.floor((maxX + radius) / size - r / 2.0);
      rowQMin[k] = qMin;
      rowStart[k + 1] = rowStart[k] + Math.max(0, qMax - qMin + 1);
    }
    return new HexGrid(size, rowMin, rowQMin, rowStart);
  }

  /** Thrown when the grid would hold more than {@link #MAX_CELLS} cells. */
  public static final class TooManyCells extends IllegalArgumentException {
    private final double cells;

    TooManyCells(double cells) {
      super("a grid of about " + Math.round(cells) + " cells is more than " + MAX_CELLS);
      this.cells = cells;
    }

    public double cells() {
      return cells;
    }
  }

  public double size() {
    return size;
  }

  public int cellCount() {
    return cellCount;
  }

  public int q(int cell) {
    int k = row(cell);
    return rowQMin[k] + cell - rowStart[k];
  }

  public int r(int cell) {
    return rowMin + row(cell);
  }

  public String id(int cell) {
    return id(q(cell), r(cell));
  }

  public double centreX(int cell) {
    return size * (q(cell) + r(cell) / 2.0);
  }

  public double centreY(int cell) {
    return size * ROW_FACTOR * r(cell);
  }

  /** The cell holding the point, or -1 outside the grid. */
  public int cellOf(double x, double y) {
    long axial = axial(x, y, size);
    return cell(axialQ(axial), axialR(axial));
  }

  /**
   * The axial coordinates (q, r) of the hexagon of size {@code size} holding the point, packed
   * into one long (see {@link #axialQ} and {@link #axialR}); the same cells as every HexGrid.
   */
  public static long axial(double x, double y, double size) {
    double rf = y / (size * ROW_FACTOR);
    double qf = x / size - rf / 2;
    double sf = -qf - rf;
    long q = Math.round(qf);
    long r = Math.round(rf);
    long s = Math.round(sf);
    double dq = Math.abs(q - qf);
    double dr = Math.abs(r - rf);
    double ds = Math.abs(s - sf);
    if (dq > dr && dq > ds) {
      q = -r - s;
    } else if (dr > ds) {
      r = -q - s;
    }
    return pack(q, r);
  }

  static long pack(long q, long r) {
    return (q << 32) | (r & 0xffffffffL);
  }

  public static int axialQ(long axial) {
    return (int) (axial >> 32);
  }

  public static int axialR(long axial) {
    return (int) axial;
  }

  /** The id of cell (q, r): {@code c<q>_<r>}, the same whatever grid or area it belongs to. */
  public static String id(int q, int r) {
    return "c" + q + "_" + r;
  }

  static double centreX(int q, int r, double size) {
    return size * (q + r / 2.0);
  }

  static double centreY(int r, double size) {
    return size * ROW_FACTOR * r;
  }

  /** The hexagon around a centre, in the grid's metres. */
  static Polygon hexagon(double cx, double cy, double size, GeometryFactory factory) {
    double radius = size / Math.sqrt(3);
    Coordinate[] ring = new Coordinate[7];
    for (int k = 0; k < 6; k++) {
      double angle = Math.toRadians(30 + 60 * k);
      ring[k] = new Coordinate(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
    }
    ring[6] = ring[0].copy();
    return factory.createPolygon(ring);
  }

  /** The cell at axial (q, r), or -1 outside the grid. */
  public int cell(long q, long r) {
    long k = r - rowMin;
    if (k < 0 || k >= rowQMin.length) {
      return -1;
    }
    long offset = q - rowQMin[(int) k];
    int width = rowStart[(int) k + 1] - rowStart[(int) k];
    return offset < 0 || offset >= width ? -1 : rowStart[(int) k] + (int) offset;
  }

  /** Pins per cell. */
  public int[] count(PinSample sample) {
    int[] counts = new int[cellCount];
    for (int i = 0; i < sample.size(); i++) {
      int cell = cellOf(sample.x(i), sample.y(i));
      if (cell < 0) {
        throw new IllegalArgumentException("pin " + sample.id(i) + " lies outside the grid");
      }
      counts[cell]++;
    }
    return counts;
  }

  /** The hexagon of a cell, in the grid's metres. */
  public Polygon polygon(int cell, GeometryFactory factory) {
    return hexagon(centreX(cell), centreY(cell), size, factory);
  }

  private int row(int cell) {
    if (cell < 0 || cell >= cellCount) {
      throw new IndexOutOfBoundsException(cell);
    }
    int k = java.util.Arrays.binarySearch(rowStart, cell);
    if (k < 0) {
      return -k - 2;
    }
    // Rows can be empty (same start twice): take the last row starting at this cell.
    while (k + 1 < rowStart.length - 1 && rowStart[k + 1] == cell) {
      k++;
    }
    return k;
  }
}
