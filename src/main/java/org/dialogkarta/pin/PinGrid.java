package org.dialogkarta.pin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public map's pins by tile: the counts of {@code pin_cell} (kept exact by the pin trigger,
 * V11) for the tile's cells, a cluster per cell, and the single pins of the cells that hold only a
 * few, so that a view reads a few hundred rows whatever the dialogue's size. Only published pins
 * not merged into another are ever counted or listed ({@link PublicPins}).
 */
@Repository
class PinGrid {

  /** Cells with at most this many pins are shown as the pins themselves. */
  static final int SINGLE_MAX = 5;
  /** At the deepest cell zoom a cell that small is shown pin by pin up to this many. */
  static final int SINGLE_MAX_DEEPEST = 60;

  /** A cell drawn as one marker with its count; {@code bbox} is where a click zooms to. */
  record Cluster(double lon, double lat, int count, Map<String, Integer> categories, double[] bbox) {}

  /** A single pin in a tile: just enough to draw it; its details come from {@code /pins/{id}}. */
  record TilePin(long id, double lon, double lat, String category) {}

  record Tile(int z, int x, int y, long version, int count, List<Cluster> clusters, List<TilePin> pins) {}

  private record CellRow(int cx, int cy, String category, int n, double sx, double sy) {}

  private final JdbcClient jdbc;

  PinGrid(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The version of the dialogue's published pins: a tile's answer is cached against it. */
  long version(long dialogueId) {
    return jdbc.sql("SELECT coalesce((SELECT version FROM dialogue_pin_count WHERE dialogue_id = :d), 0)")
        .param("d", dialogueId).query(Long.class).single();
  }

  Tile tile(long dialogueId, MapTile tile, List<Category> categories, long version) {
    int z = tile.cellZoom();
    int[] range = tile.cellRange();
    List<String> codes = categories.stream().map(Category::code).toList();
    List<CellRow> rows = jdbc.sql("""
            SELECT cx, cy, category, n, sx, sy FROM pin_cell
            WHERE dialogue_id = :d AND z = :z AND cx BETWEEN :x0 AND :x1 AND cy BETWEEN :y0 AND :y1 AND n > 0
              AND (cardinality(CAST(:categories AS text[])) = 0 OR category = ANY (CAST(:categories AS text[])))
            ORDER BY cy, cx""")
        .param("d", dialogueId).param("z", z).param("x0", range[0]).param("y0", range[1])
        .param("x1", range[2]).param("y1", range[3]).param("categories", codes.toArray(String[]::new))
        .query((rs, row) -> new CellRow(rs.getInt("cx"), rs.getInt("cy"), rs.getString("category"), rs.getInt("n"),
            rs.getDouble("sx"), rs.getDouble("sy")))
        .list();
    Map<Long, List<CellRow>> cells = new LinkedHashMap<>();
    for (CellRow r : rows) {
      cells.computeIfAbsent(((long) r.cx() << 32) | (r.cy() & 0xffffffffL), k -> new ArrayList<>()).add(r);
    }
    int singleMax = z == MapTile.MAX_CELL_ZOOM ? SINGLE_MAX_DEEPEST : SINGLE_MAX;
    List<Cluster> clusters = new ArrayList<>();
    List<int[]> small = new ArrayList<>();
    int total = 0;
    for (List<CellRow> cell : cells.values()) {
      int n = cell.stream().mapToInt(CellRow::n).sum();
      total += n;
      int cx = cell.getFirst().cx();
      int cy = cell.getFirst().cy();
      if (n <= singleMax) {
        small.add(new int[] {cx, cy});
        continue;
      }
      double sx = cell.stream().mapToDouble(CellRow::sx).sum();
      double sy = cell.stream().mapToDouble(CellRow::sy).sum();
      Map<String, Integer> byCategory = new LinkedHashMap<>();
      cell.forEach(r -> byCategory.merge(r.category(), r.n(), Integer::sum));
      clusters.add(new Cluster(round(MapTile.lon(sx / n)), round(MapTile.lat(sy / n)), n, byCategory,
          MapTile.cellBounds(z, cx, cy)));
    }
    return new Tile(tile.z(), tile.x(), tile.y(), version, total, clusters, pinsIn(dialogueId, z, small, codes));
  }

  /** The pins of the small cells, each found by its cell's envelope and checked to lie in that cell. */
  private List<TilePin> pinsIn(long dialogueId, int z, List<int[]> cells, List<String> codes) {
    if (cells.isEmpty()) {
      return List.of();
    }
    int k = cells.size();
    double[] w = new double[k];
    double[] s = new double[k];
    double[] e = new double[k];
    double[] n = new double[k];
    int[] cx = new int[k];
    int[] cy = new int[k];
    for (int i = 0; i < k; i++) {
      double[] b = MapTile.cellBounds(z, cells.get(i)[0], cells.get(i)[1]);
      double pad = 1e-9;
      w[i] = b[0] - pad;
      s[i] = b[1] - pad;
      e[i] = b[2] + pad;
      n[i] = b[3] + pad;
      cx[i] = cells.get(i)[0];
      cy[i] = cells.get(i)[1];
    }
    double size = MapTile.cellSize(z);
    return jdbc.sql("""
            SELECT p.id, ST_X(p.location) AS lon, ST_Y(p.location) AS lat, p.category
            FROM unnest(CAST(:w AS float8[]), CAST(:s AS float8[]), CAST(:e AS float8[]), CAST(:n AS float8[]),
                        CAST(:cx AS int[]), CAST(:cy AS int[])) AS c(w, s, e, n, cx, cy)
            JOIN LATERAL (
              SELECT pin.id, pin.location, pin.category FROM pin
              WHERE pin.dialogue_id = :d AND %s
                AND pin.location && ST_MakeEnvelope(c.w, c.s, c.e, c.n, 4326)
                AND (cardinality(CAST(:categories AS text[])) = 0 OR pin.category = ANY (CAST(:categories AS text[])))
            ) p ON true
            WHERE floor((ST_X(ST_Transform(p.location, 3857)) + :half) / :size) = c.cx
              AND floor((:half - ST_Y(ST_Transform(p.location, 3857))) / :size) = c.cy
            ORDER BY p.id""".formatted(PublicPins.condition("pin")))
        .param("w", w).param("s", s).param("e", e).param("n", n).param("cx", cx).param("cy", cy)
        .param("d", dialogueId).param("categories", codes.toArray(String[]::new))
        .param("half", MapTile.HALF_WORLD).param("size", size)
        .query((rs, row) -> new TilePin(rs.getLong("id"), rs.getDouble("lon"), rs.getDouble("lat"),
            rs.getString("category")))
        .list();
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e7) / 1e7;
  }
}
