package org.dialogkarta.analysis.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.geo.BoundingBox;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Areas drawn": how many of the filtered, published area pins cover each place. A regular grid
 * of {@code columns} columns (8–128, default 48) over the view ({@code bbox}) or, without one, the
 * dialogue's study area, with rows of about square cells; each cell counts the area pins whose
 * polygon covers its centre ({@code ST_Covers}). Only cells with a count come back. Lines and
 * points are not counted here (they have their own layers). A profile group smaller than five is
 * masked like every other count.
 */
@RestController
class DrawnAreaDensityController {

  static final int MAX_CELLS = 20_000;
  private static final Set<String> OWN = Set.of("bbox", "columns");

  private final JdbcClient jdbc;
  private final AnalysisPins pins;
  private final ProfileDisclosure disclosure;

  DrawnAreaDensityController(JdbcClient jdbc, AnalysisPins pins, ProfileDisclosure disclosure) {
    this.jdbc = jdbc;
    this.pins = pins;
    this.disclosure = disclosure;
  }

  @GetMapping("/api/v1/analysis/drawn-areas")
  Map<String, Object> density(@RequestParam MultiValueMap<String, String> params) {
    AnalysisFilter filter = AnalysisFilter.from(params, OWN);
    ProfileDisclosure.Decision profile = disclosure.of(filter).requirePinLevel();
    pins.requireKnownDialogue(filter);
    int columns = Parameters.integerIn(params, "columns", 48, 8, 128);
    double[] box = box(filter, BoundingBox.parse(Parameters.single(params, "bbox")));
    double midLat = Math.toRadians((box[1] + box[3]) / 2);
    double dx = (box[2] - box[0]) / columns;
    int rows = (int) Math.max(1, Math.ceil((box[3] - box[1]) / (dx * Math.max(Math.cos(midLat), 0.05))));
    double dy = (box[3] - box[1]) / rows;
    if ((long) rows * columns > MAX_CELLS) {
      throw InvalidInputException.of("bbox", "bbox.tooTall", "The box gives more than " + MAX_CELLS
          + " cells: ask with fewer columns or a wider box");
    }
    AnalysisFilter.SqlCondition where = filter.toSql();
    Map<String, Object> values = new HashMap<>(where.params());
    values.putAll(Map.of("w", box[0], "s", box[1], "e", box[2], "n", box[3], "dx", dx, "dy", dy,
        "cols", columns, "rows", rows));
    long areas = jdbc.sql("""
            SELECT count(*) FROM pin WHERE %s AND pin.drawn_shape IS NOT NULL
              AND GeometryType(pin.drawn_shape) = 'POLYGON'
              AND pin.drawn_shape && ST_MakeEnvelope(:w, :s, :e, :n, 4326)""".formatted(where.sql()))
        .params(values).query(Long.class).single();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bbox", List.of(box[0], box[1], box[2], box[3]));
    out.put("cellSize", List.of(dx, dy));
    out.put("columns", columns);
    out.put("rows", rows);
    if (profile.masks(areas)) {
      profile.putCount(out, "areas", areas);
      out.put("cells", List.of());
      return out;
    }
    out.put("areas", areas);
    List<List<Number>> cells = jdbc.sql("""
            WITH areas AS (
                   SELECT pin.drawn_shape AS g FROM pin WHERE %s AND pin.drawn_shape IS NOT NULL
                     AND GeometryType(pin.drawn_shape) = 'POLYGON'
                     AND pin.drawn_shape && ST_MakeEnvelope(:w, :s, :e, :n, 4326)),
                 centres AS (
                   SELECT i, j, ST_SetSRID(ST_MakePoint(:w + (i + 0.5) * :dx, :s + (j + 0.5) * :dy), 4326) AS c
                   FROM generate_series(0, :cols - 1) i, generate_series(0, :rows - 1) j)
            SELECT i, j, ST_X(c) AS lon, ST_Y(c) AS lat, count(*) AS n
            FROM centres JOIN areas ON areas.g && centres.c AND ST_Covers(areas.g, centres.c)
            GROUP BY i, j, c ORDER BY j, i""".formatted(where.sql()))
        .params(values)
        .query((rs, row) -> List.<Number>of(round(rs.getDouble("lon")), round(rs.getDouble("lat")), rs.getLong("n")))
        .list();
    out.put("max", cells.stream().mapToLong(c -> c.get(2).longValue()).max().orElse(0));
    out.put("cells", cells);
    return out;
  }

  /** The view, or the dialogue's study area's box; one of them is needed. */
  private double[] box(AnalysisFilter filter, BoundingBox bbox) {
    if (bbox != null) {
      return new double[] {bbox.minLon(), bbox.minLat(), bbox.maxLon(), bbox.maxLat()};
    }
    if (filter.dialogue() != null) {
      List<double[]> area = jdbc.sql("""
              SELECT ST_XMin(study_area), ST_YMin(study_area), ST_XMax(study_area), ST_YMax(study_area)
              FROM dialogue WHERE (id::text = :ref OR slug = :ref) AND study_area IS NOT NULL""")
          .param("ref", filter.dialogue())
          .query((rs, row) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
          .list();
      if (!area.isEmpty()) {
        return area.getFirst();
      }
    }
    throw InvalidInputException.of("bbox", "bbox.required", "'bbox' (minLon,minLat,maxLon,maxLat of the view) is"
        + " needed when the dialogue has no study area");
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e7) / 1e7;
  }
}
