package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.pin.CellCounts;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The analysis map's grid of the pins in view: at every zoom the cells' counts add up to the
 * number of the filter's pins in the box (PostGIS counts the same pins as the reference), hidden,
 * pending and merged pins are never counted, a pin hidden now is gone from the next answer, and a
 * profile group follows the pin list's rules.
 */
class AnalysisGridTest extends AnalysisApiTestBase {

  private static final String BOX = "16.10,58.55,16.26,58.63";
  /** About a screen at zoom 17 around the reference point X0, Y0 (deeper views are that small). */
  private static final String NEAR = "16.175,58.590,16.185,58.596";

  @BeforeEach
  void pins() {
    // 1,200 pins on a 40 x 30 lattice 25 m apart, a quarter of them safety concerns.
    jdbc.sql("""
        INSERT INTO pin (dialogue_id, location, category, text, created_at)
        SELECT :d, ST_Transform(ST_SetSRID(ST_MakePoint(:x + (g % 40) * 25, :y + (g / 40) * 25), 3006), 4326),
               CASE WHEN g % 4 = 0 THEN 'safety_concern' ELSE 'suggestion' END, 'Rutnät', '2026-04-01T12:00:00Z'
        FROM generate_series(0, 1199) g""").param("d", dialogue.id()).param("x", X0 - 500).param("y", Y0 - 375).update();
  }

  /** The grid answer, with the bbox asked for kept beside it for the reference. */
  private JsonNode grid(String query) {
    Api.Response r = get(planner, "/api/v1/analysis/pins/grid?dialogue=" + dialogue.id() + "&" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    tools.jackson.databind.node.ObjectNode doc = (tools.jackson.databind.node.ObjectNode) r.json();
    doc.put("bbox", query.replaceAll(".*bbox=([^&]*).*", "$1"));
    return doc;
  }

  /**
   * The reference: PostGIS places every published pin of the dialogue in its Web Mercator cell
   * (ST_Transform to EPSG:3857, the formula of pin_cell_keys) and counts those in the cells the
   * answer covers.
   */
  private long reference(String extra, JsonNode answer) {
    int cellZoom = answer.get("zoom").asInt() + 6 - Integer.numberOfTrailingZeros(answer.get("cell").asInt());
    String[] b = answer.get("bbox").asString().split(",");
    CellCounts.Range r = CellCounts.range(cellZoom, Double.parseDouble(b[0]), Double.parseDouble(b[1]),
        Double.parseDouble(b[2]), Double.parseDouble(b[3]));
    return jdbc.sql("""
            SELECT count(*) FROM (
              SELECT floor((ST_X(m) + 20037508.342789244) / (40075016.685578488 / (4 * 2 ^ :z))) AS cx,
                     floor((20037508.342789244 - ST_Y(m)) / (40075016.685578488 / (4 * 2 ^ :z))) AS cy
              FROM (SELECT ST_Transform(location, 3857) AS m FROM pin
                    WHERE dialogue_id = :d AND moderation_state = 'published' AND merged_into IS NULL""" + extra + """
                   ) p) c
            WHERE cx BETWEEN :x0 AND :x1 AND cy BETWEEN :y0 AND :y1""")
        .param("d", dialogue.id()).param("z", cellZoom).param("x0", r.x0()).param("x1", r.x1())
        .param("y0", r.y0()).param("y1", r.y1()).query(Long.class).single();
  }

  private static long sum(JsonNode doc) {
    long n = 0;
    for (JsonNode c : doc.get("cells")) {
      n += c.get(2).asLong();
    }
    return n;
  }

  @Test
  void cellsAddUpToTheFiltersPinsInViewAtEveryZoom() {
    String half = "16.10,58.55,16.18,58.63";
    for (int zoom : new int[] {8, 11, 13, 15}) {
      JsonNode all = grid("bbox=" + BOX + "&zoom=" + zoom);
      assertThat(sum(all)).as("zoom " + zoom).isEqualTo(all.get("total").asLong()).isEqualTo(reference("", all))
          .isEqualTo(1200);
      JsonNode safety = grid("bbox=" + half + "&zoom=" + zoom + "&category=safety_concern");
      assertThat(sum(safety)).as("zoom " + zoom).isEqualTo(reference(" AND category = 'safety_concern'", safety))
          .isPositive();
    }
    for (int zoom : new int[] {17, 19, 21}) {
      JsonNode near = grid("bbox=" + NEAR + "&zoom=" + zoom);
      assertThat(sum(near)).as("zoom " + zoom).isEqualTo(reference("", near)).isPositive();
    }
    // Coarse cells hold many pins, fine ones few: the grid follows the zoom.
    assertThat(grid("bbox=" + BOX + "&zoom=8").get("cells").size()).isLessThan(5);
    assertThat(grid("bbox=" + NEAR + "&zoom=18").get("cells").size()).isGreaterThan(50);
    // A box far too large for the zoom is refused, not computed.
    assertThat(get(planner, "/api/v1/analysis/pins/grid?dialogue=" + dialogue.id() + "&bbox=10,55,24,69&zoom=18")
        .status()).isEqualTo(422);
  }

  @Test
  void theKeptCountsAndTheGroupedPinsGiveTheSameCells() {
    // A dialogue with categories only reads pin_cell; a date filter that keeps every pin groups
    // the pins themselves. The cells must be the same, place and count.
    for (int zoom : new int[] {10, 14, 16}) {
      for (int cell : new int[] {16, 64}) {
        String q = "bbox=" + (zoom > 14 ? NEAR : BOX) + "&zoom=" + zoom + "&cell=" + cell
            + "&category=suggestion,safety_concern";
        JsonNode kept = grid(q);
        JsonNode grouped = grid(q + "&from=2020-01-01");
        assertThat(grouped.get("cells").size()).as("zoom %d cell %d", zoom, cell).isEqualTo(kept.get("cells").size());
        for (int i = 0; i < kept.get("cells").size(); i++) {
          JsonNode a = kept.get("cells").get(i);
          JsonNode b = grouped.get("cells").get(i);
          assertThat(b.get(2).asLong()).isEqualTo(a.get(2).asLong());
          assertThat(b.get(0).asDouble()).isCloseTo(a.get(0).asDouble(), org.assertj.core.data.Offset.offset(1e-6));
          assertThat(b.get(1).asDouble()).isCloseTo(a.get(1).asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        }
      }
    }
  }

  @Test
  void hiddenPendingAndMergedPinsAreNeverCountedAndAHiddenPinLeavesAtOnce() {
    long kept = pin(0, 0, "service_gap");
    long hidden = pin(0, 0, "service_gap");
    long pending = pin(0, 0, "service_gap");
    long merged = pin(0, 0, "service_gap");
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden' WHERE id = :id").param("id", hidden).update();
    jdbc.sql("UPDATE pin SET moderation_state = 'pending' WHERE id = :id").param("id", pending).update();
    jdbc.sql("UPDATE pin SET merged_into = :k WHERE id = :id").param("k", kept).param("id", merged).update();
    for (int zoom : new int[] {9, 14, 18}) {
      String box = zoom > 15 ? NEAR : BOX;
      assertThat(grid("bbox=" + box + "&zoom=" + zoom + "&category=service_gap").get("total").asLong()).isOne();
      assertThat(grid("bbox=" + box + "&zoom=" + zoom + "&category=service_gap&from=2020-01-01").get("total")
          .asLong()).isOne();
    }
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden' WHERE id = :id").param("id", kept).update();
    for (int zoom : new int[] {9, 14, 18}) {
      String box = zoom > 15 ? NEAR : BOX;
      assertThat(grid("bbox=" + box + "&zoom=" + zoom + "&category=service_gap").get("cells").size()).isZero();
    }
  }

  @Test
  void theViewBoundsThePinListToo() {
    Api.Response r = get(planner, "/api/v1/analysis/pins?dialogue=" + dialogue.id() + "&bbox=16.10,58.55,16.18,58.63");
    assertThat(r.status()).isEqualTo(200);
    long inBox = jdbc.sql("SELECT count(*) FROM pin WHERE dialogue_id = :d"
        + " AND location && ST_MakeEnvelope(16.10, 58.55, 16.18, 58.63, 4326)").param("d", dialogue.id())
        .query(Long.class).single();
    assertThat(r.json().get("total").asLong()).isEqualTo(inBox).isLessThan(1200).isPositive();
  }

  @Test
  void aProfileGroupIsForPlannersAndMaskedWhenSmall() {
    jdbc.sql("UPDATE pin SET age_band = '80_plus' WHERE id IN (SELECT id FROM pin WHERE dialogue_id = :d LIMIT 3)")
        .param("d", dialogue.id()).update();
    Api.Response refused = get(gis, "/api/v1/analysis/pins/grid?dialogue=" + dialogue.id() + "&bbox=" + BOX
        + "&zoom=12&ageBand=80_plus");
    assertThat(refused.status()).isEqualTo(403);
    JsonNode masked = grid("bbox=" + BOX + "&zoom=12&ageBand=80_plus");
    assertThat(masked.get("total").isNull()).isTrue();
    assertThat(masked.get("cells").size()).isZero();
    assertThat(masked.get("masked").asString()).isNotBlank();
  }

  @Test
  void badInputNamesTheField() {
    String base = "/api/v1/analysis/pins/grid?dialogue=" + dialogue.id();
    Problems.assertProblem(get(planner, base + "&zoom=10"), 422, "bbox.required", "bbox");
    Problems.assertProblem(get(planner, base + "&bbox=" + BOX), 422, "zoom.required", "zoom");
    Problems.assertProblem(get(planner, base + "&bbox=" + BOX + "&zoom=30"), 422, "zoom.range", "zoom");
    Problems.assertProblem(get(planner, base + "&bbox=" + BOX + "&zoom=10&cell=2"), 422, "cell.range", "cell");
    Problems.assertProblem(get(planner, base + "&bbox=" + BOX + "&zoom=10&cell=48"), 422, "cell.range", "cell");
    Problems.assertProblem(get(planner, base + "&bbox=16.3,58.6,16.2,58.7&zoom=10"), 422, "bbox.invalid", "bbox");
    Problems.assertProblem(get(planner, base + "&bbox=" + BOX + "&zoom=10&eps=5"), 422, "parameter.unknown", "eps");
  }
}
