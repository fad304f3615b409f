package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The "areas drawn" layer: each cell's count is the number of published area pins whose polygon
 * covers the cell centre, as a direct PostGIS query over every centre of the same grid counts
 * them; hidden areas, lines and other categories (when filtered) are not counted.
 */
class DrawnAreaDensityTest extends AnalysisApiTestBase {

  private static final String BOX = "16.15,58.575,16.21,58.605";

  @BeforeEach
  void areas() {
    area(-400, -300, 400, 300, "suggestion", "published");   // big, around the reference point
    area(-100, -100, 600, 200, "suggestion", "published");   // overlaps it to the east
    area(-50, -50, 50, 50, "safety_concern", "published");   // small, in the middle of both
    area(-1000, -1000, 1000, 1000, "suggestion", "hidden");   // never counted
    jdbc.sql("""
        INSERT INTO pin (dialogue_id, location, drawn_shape, category, text)
        SELECT :d, ST_LineInterpolatePoint(g, 0.5), g, 'suggestion', 'En linje'
        FROM (SELECT ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(:x - 500, :y), ST_MakePoint(:x + 500, :y)), 3006), 4326) AS g) s""")
        .param("d", dialogue.id()).param("x", X0).param("y", Y0).update();
    pin(0, 0, "suggestion"); // a point is no area either
  }

  @Test
  void countsAgreeWithPostgisAtEveryCellCentre() {
    JsonNode answer = density("&bbox=" + BOX + "&columns=40");
    assertThat(answer.get("areas").asLong()).isEqualTo(3);
    Map<String, Long> got = cells(answer);
    Map<String, Long> expected = reference(answer, "");
    assertThat(got).isEqualTo(expected);
    assertThat(got.values()).contains(3L); // the small one is inside both big ones
    assertThat(answer.get("max").asLong()).isEqualTo(3);
  }

  @Test
  void theAnalysisFilterNarrowsTheAreas() {
    JsonNode answer = density("&bbox=" + BOX + "&columns=40&category=safety_concern");
    assertThat(answer.get("areas").asLong()).isEqualTo(1);
    assertThat(cells(answer)).isEqualTo(reference(answer, " AND category = 'safety_concern'"));
    assertThat(cells(answer).values()).containsOnly(1L);
  }

  @Test
  void withoutABoxTheStudyAreaIsTheGridAndBadInputIsNamed() {
    JsonNode answer = density("");
    assertThat(answer.get("bbox").get(0).asDouble()).isEqualTo(16.14);
    assertThat(cells(answer)).isEqualTo(reference(answer, ""));
    Problems.assertProblem(get(planner, "/api/v1/analysis/drawn-areas?dialogue=" + dialogue.id() + "&columns=2"),
        422, "columns.range", "columns");
    assertThat(get(planner, "/api/v1/analysis/drawn-areas?dialogue=" + dialogue.id() + "&sorting=1").status()).isEqualTo(422);
  }

  private JsonNode density(String query) {
    Api.Response r = get(planner, "/api/v1/analysis/drawn-areas?dialogue=" + dialogue.id() + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static Map<String, Long> cells(JsonNode answer) {
    Map<String, Long> out = new HashMap<>();
    answer.get("cells").forEach(c -> out.put(key(c.get(0).asDouble(), c.get(1).asDouble()), c.get(2).asLong()));
    return out;
  }

  private static String key(double lon, double lat) {
    return String.format(java.util.Locale.ROOT, "%.5f %.5f", lon, lat);
  }

  /** Every centre of the answer's grid, counted directly; cells with none left out. */
  private Map<String, Long> reference(JsonNode answer, String extra) {
    double w = answer.get("bbox").get(0).asDouble();
    double s = answer.get("bbox").get(1).asDouble();
    double dx = answer.get("cellSize").get(0).asDouble();
    double dy = answer.get("cellSize").get(1).asDouble();
    Map<String, Long> out = new HashMap<>();
    jdbc.sql("""
            SELECT ST_X(c) AS lon, ST_Y(c) AS lat,
                   (SELECT count(*) FROM pin WHERE dialogue_id = :d AND moderation_state = 'published'
                      AND merged_into IS NULL AND GeometryType(drawn_shape) = 'POLYGON'""" + extra + """
                      AND ST_Covers(drawn_shape, c)) AS n
            FROM (SELECT ST_SetSRID(ST_MakePoint(:w + (i + 0.5) * :dx, :s + (j + 0.5) * :dy), 4326) AS c
                  FROM generate_series(0, :cols - 1) i, generate_series(0, :rows - 1) j) g""")
        .param("d", dialogue.id()).param("w", w).param("s", s).param("dx", dx).param("dy", dy)
        .param("cols", answer.get("columns").asInt()).param("rows", answer.get("rows").asInt())
        .query(rs -> {
          long n = rs.getLong("n");
          if (n > 0) {
            out.put(key(rs.getDouble("lon"), rs.getDouble("lat")), n);
          }
        });
    return out;
  }

  private void area(double x0, double y0, double x1, double y1, String category, String state) {
    jdbc.sql("""
        INSERT INTO pin (dialogue_id, location, drawn_shape, category, text, moderation_state)
        SELECT :d, ST_PointOnSurface(g), g, :c, 'Ett område', :state
        FROM (SELECT ST_Transform(ST_MakeEnvelope(:x0, :y0, :x1, :y1, 3006), 4326) AS g) s""")
        .param("d", dialogue.id()).param("x0", X0 + x0).param("y0", Y0 + y0).param("x1", X0 + x1).param("y1", Y0 + y1)
        .param("c", category).param("state", state).update();
  }
}
