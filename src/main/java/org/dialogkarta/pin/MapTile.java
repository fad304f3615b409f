package org.dialogkarta.pin;

import org.dialogkarta.kernel.InvalidInputException;

/**
 * A map tile (z, x, y) in the Web Mercator scheme that Leaflet and every slippy map use, and the
 * grid cells of {@code pin_cell} inside it: four by four, at the tile's zoom up to
 * {@link #MAX_CELL_ZOOM}; a tile deeper than that reads the cells of its zoom-18 ancestor that
 * it overlaps. The arithmetic is the same as the SQL function {@code pin_cell_keys} (V11).
 */
public record MapTile(int z, int x, int y) {

  public static final int MAX_ZOOM = 22;
  public static final int MAX_CELL_ZOOM = 18;
  static final int CELLS_PER_TILE = 4;
  static final double HALF_WORLD = 20037508.342789244;
  static final double EARTH_RADIUS = 6378137.0;

  public MapTile {
    if (z < 0 || z > MAX_ZOOM) {
      throw InvalidInputException.of("z", "tile.zoom", "Zoom must be 0 to " + MAX_ZOOM + ", not " + z);
    }
    long size = 1L << z;
    if (x < 0 || x >= size || y < 0 || y >= size) {
      throw InvalidInputException.of(x < 0 || x >= size ? "x" : "y", "tile.range",
          "At zoom " + z + " x and y are 0 to " + (size - 1));
    }
  }

  /** The zoom whose cells this tile reads. */
  int cellZoom() {
    return Math.min(z, MAX_CELL_ZOOM);
  }

  /** A cell's side in Web Mercator metres at zoom {@code z}. */
  static double cellSize(int z) {
    return 2 * HALF_WORLD / (CELLS_PER_TILE * Math.pow(2, z));
  }

  /** The first and last cell column and row (inclusive) this tile covers at {@link #cellZoom()}. */
  int[] cellRange() {
    if (z <= MAX_CELL_ZOOM) {
      int cx = x * CELLS_PER_TILE;
      int cy = y * CELLS_PER_TILE;
      return new int[] {cx, cy, cx + CELLS_PER_TILE - 1, cy + CELLS_PER_TILE - 1};
    }
    // Deeper tiles: the zoom-18 cells this tile overlaps (two by two at zoom 19, one deeper).
    int shift = z - MAX_CELL_ZOOM;
    int span = Math.max(1, CELLS_PER_TILE >> shift);
    int cx = (x >> shift) * CELLS_PER_TILE + ((x % (1 << shift)) * CELLS_PER_TILE >> shift);
    int cy = (y >> shift) * CELLS_PER_TILE + ((y % (1 << shift)) * CELLS_PER_TILE >> shift);
    return new int[] {cx, cy, cx + span - 1, cy + span - 1};
  }

  /** A cell's bounds as WGS84 degrees: west, south, east, north. */
  static double[] cellBounds(int z, int cx, int cy) {
    double size = cellSize(z);
    double west = cx * size - HALF_WORLD;
    double north = HALF_WORLD - cy * size;
    return new double[] {lon(west), lat(north - size), lon(west + size), lat(north)};
  }

  static double lon(double mercatorX) {
    return Math.toDegrees(mercatorX / EARTH_RADIUS);
  }

  static double lat(double mercatorY) {
    return Math.toDegrees(Math.atan(Math.sinh(mercatorY / EARTH_RADIUS)));
  }
}
