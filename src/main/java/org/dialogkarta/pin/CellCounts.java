package org.dialogkarta.pin;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The published pins of a dialogue counted per map cell, read from the counts the pin trigger
 * keeps ({@code pin_cell}, V11) instead of the pins: the cells of one zoom that a box touches,
 * with their exact counts for some categories and the mean place of their pins. For maps that
 * need a grid of a large dialogue with no other filter (the analysis map's default view).
 */
@Repository
public class CellCounts {

  /** A cell of {@code pin_cell} zoom {@code z}: its pins' mean place and their number. */
  public record Cell(double lon, double lat, long pins) {}

  /** The cells (column and row range, inclusive) a WGS84 box touches at a cell zoom. */
  public record Range(int z, int x0, int y0, int x1, int y1) {

    /** A cell's side in Web Mercator metres. */
    public double cellSize() {
      return MapTile.cellSize(z);
    }

    /** The box the whole cells cover: west, south, east, north in degrees. */
    public double[] bounds() {
      double[] nw = MapTile.cellBounds(z, x0, y0);
      double[] se = MapTile.cellBounds(z, x1, y1);
      return new double[] {nw[0], se[1], se[2], nw[3]};
    }
  }

  public static final int MAX_ZOOM = MapTile.MAX_CELL_ZOOM;
  /** Half the Web Mercator plane's width, and the sphere's radius, in metres (pin_cell_keys, V11). */
  public static final double HALF_WORLD = MapTile.HALF_WORLD;
  public static final double EARTH_RADIUS = MapTile.EARTH_RADIUS;

  private final JdbcClient jdbc;

  CellCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The range of cells of zoom {@code z} (0–18) that the box touches. */
  public static Range range(int z, double west, double south, double east, double north) {
    double size = MapTile.cellSize(z);
    int max = (int) (MapTile.CELLS_PER_TILE * Math.pow(2, z)) - 1;
    return new Range(z, clamp(floor((x(west) + MapTile.HALF_WORLD) / size), max),
        clamp(floor((MapTile.HALF_WORLD - y(north)) / size), max),
        clamp(floor((x(east) + MapTile.HALF_WORLD) / size), max),
        clamp(floor((MapTile.HALF_WORLD - y(south)) / size), max));
  }

  public List<Cell> cells(long dialogueId, Range r, List<String> categories) {
    return jdbc.sql("""
            SELECT sum(n) AS n, sum(sx) / sum(n) AS mx, sum(sy) / sum(n) AS my FROM pin_cell
            WHERE dialogue_id = :d AND z = :z AND cx BETWEEN :x0 AND :x1 AND cy BETWEEN :y0 AND :y1 AND n > 0
              AND (cardinality(CAST(:categories AS text[])) = 0 OR category = ANY (CAST(:categories AS text[])))
            GROUP BY cx, cy ORDER BY cy, cx""")
        .param("d", dialogueId).param("z", r.z()).param("x0", r.x0()).param("y0", r.y0()).param("x1", r.x1())
        .param("y1", r.y1()).param("categories", categories.toArray(String[]::new))
        .query((rs, row) -> new Cell(MapTile.lon(rs.getDouble("mx")), MapTile.lat(rs.getDouble("my")), rs.getLong("n")))
        .list();
  }

  private static double x(double lon) {
    return Math.toRadians(lon) * MapTile.EARTH_RADIUS;
  }

  private static double y(double lat) {
    double clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
    return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * MapTile.EARTH_RADIUS;
  }

  private static int floor(double v) {
    return (int) Math.floor(v);
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
