package org.dialogkarta.analysis.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.dialogue.DialogueIdOrSlug;
import org.dialogkarta.geo.BoundingBox;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.pin.CellCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The filtered pins in view counted on a grid, for the analysis map's pin and heat layers when
 * the view holds more pins than a browser should draw one by one: Web Mercator cells of
 * {@code cell} screen pixels (16, 32, 64 or 128) at the map's {@code zoom}, the same cells as the
 * public map's {@code pin_cell} counts, each with its exact count and the mean place of its pins.
 * The grid covers the whole cells the view touches ({@code covers}). A dialogue with no filter but
 * categories reads the counts the pin trigger keeps ({@link CellCounts}); any other filter groups
 * the pins in that box in one query (the GiST index), so the answer is as small as the screen
 * whatever the dialogue's size. The same rules as the pin list: published, unmerged pins only, and
 * a profile group's cells for planners only, masked like a count when the group in view is
 * smaller than five.
 */
@RestController
class AnalysisGridController {

  static final int MAX_CELLS = 40_000;
  private static final Set<String> OWN = Set.of("bbox", "zoom", "cell");
  private static final List<Integer> CELLS = List.of(16, 32, 64, 128);

  private final JdbcClient jdbc;
  private final AnalysisPins pins;
  private final ProfileDisclosure disclosure;
  private final CellCounts counts;

  AnalysisGridController(JdbcClient jdbc, AnalysisPins pins, ProfileDisclosure disclosure, CellCounts counts) {
    this.jdbc = jdbc;
    this.pins = pins;
    this.disclosure = disclosure;
    this.counts = counts;
  }

  @GetMapping("/api/v1/analysis/pins/grid")
  Map<String, Object> grid(@RequestParam MultiValueMap<String, String> params) {
    AnalysisFilter filter = AnalysisFilter.from(params, OWN);
    BoundingBox box = BoundingBox.parse(Parameters.single(params, "bbox"));
    if (box == null) {
      throw InvalidInputException.of("bbox", "bbox.required", "'bbox' (minLon,minLat,maxLon,maxLat of the view) is needed");
    }
    int zoom = Parameters.integerIn(params, "zoom", null, 0, 22);
    int cell = Parameters.integerIn(params, "cell", 64, 16, 128);
    if (!CELLS.contains(cell)) {
      throw InvalidInputException.of("cell", "cell.range", "'cell' is one of " + CELLS + " pixels");
    }
    ProfileDisclosure.Decision profile = disclosure.of(filter).requirePinLevel();
    pins.requireKnownDialogue(filter);
    // 64 px cells at a map zoom are pin_cell's cells of that zoom; 16 px ones those two zooms deeper.
    int cellZoom = zoom + 6 - Integer.numberOfTrailingZeros(cell);
    CellCounts.Range range = CellCounts.range(cellZoom, box.minLon(), box.minLat(), box.maxLon(), box.maxLat());
    if ((long) (range.x1() - range.x0() + 1) * (range.y1() - range.y0() + 1) > 4L * MAX_CELLS) {
      throw InvalidInputException.of("cell", "cell.tooSmall", "Too many cells in view: ask with a larger 'cell' or a"
          + " smaller 'bbox'");
    }
    List<CellCounts.Cell> cells = cellZoom >= 0 && cellZoom <= CellCounts.MAX_ZOOM && filter.onlyDialogueAndCategories()
        ? counts.cells(dialogueId(filter), range, filter.categories())
        : grouped(filter, range);
    long total = cells.stream().mapToLong(CellCounts.Cell::pins).sum();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("zoom", zoom);
    out.put("cell", cell);
    out.put("covers", range.bounds());
    if (profile.masks(total)) {
      profile.putCount(out, "total", total);
      out.put("cells", List.of());
      return out;
    }
    out.put("total", total);
    out.put("cells", cells.stream().map(c -> List.of(round(c.lon()), round(c.lat()), c.pins())).toList());
    return out;
  }

  /** The filter's pins in the range's cells, grouped by cell with the formula of pin_cell_keys (V11). */
  private List<CellCounts.Cell> grouped(AnalysisFilter filter, CellCounts.Range range) {
    AnalysisFilter.SqlCondition where = filter.toSql();
    Map<String, Object> values = new HashMap<>(where.params());
    double[] b = range.bounds();
    values.putAll(Map.of("w", b[0], "s", b[1], "e", b[2], "n", b[3], "size", range.cellSize(),
        "half", CellCounts.HALF_WORLD, "radius", CellCounts.EARTH_RADIUS));
    values.putAll(Map.of("x0", range.x0(), "y0", range.y0(), "x1", range.x1(), "y1", range.y1()));
    values.put("limit", MAX_CELLS + 1);
    List<CellCounts.Cell> cells = jdbc.sql("""
        SELECT count(*) AS n, avg(lon) AS lon, avg(lat) AS lat FROM (
          SELECT ST_X(pin.location) AS lon, ST_Y(pin.location) AS lat,
                 floor((radians(ST_X(pin.location)) * :radius + :half) / :size) AS cx,
                 floor((:half - ln(tan(pi() / 4 + radians(ST_Y(pin.location)) / 2)) * :radius) / :size) AS cy
          FROM pin WHERE %s AND pin.location && ST_MakeEnvelope(:w, :s, :e, :n, 4326)) x
        GROUP BY cx, cy HAVING cx BETWEEN :x0 AND :x1 AND cy BETWEEN :y0 AND :y1
        ORDER BY cy, cx LIMIT :limit""".formatted(where.sql()))
        .params(values)
        .query((rs, row) -> new CellCounts.Cell(rs.getDouble("lon"), rs.getDouble("lat"), rs.getLong("n")))
        .list();
    if (cells.size() > MAX_CELLS) {
      throw InvalidInputException.of("cell", "cell.tooSmall", "More than " + MAX_CELLS
          + " cells in view: ask with a larger 'cell' or a smaller 'bbox'");
    }
    return cells;
  }

  private long dialogueId(AnalysisFilter filter) {
    DialogueIdOrSlug ref = new DialogueIdOrSlug(filter.dialogue());
    return ref.isId() ? (Long) ref.value()
        : jdbc.sql("SELECT id FROM dialogue WHERE slug = :s").param("s", ref.value()).query(Long.class).single();
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e7) / 1e7;
  }
}
