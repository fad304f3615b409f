package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The drawn lines and areas as OGC API collections ({@code pin-lines-<slug>},
 * {@code pin-areas-<slug>}): offered only for a dialogue that accepts them, one geometry type
 * each, the public rule of pins (a pending or hidden line never appears), CRS and filters as for
 * pins, and read by GDAL's OAPIF driver with the right geometry types.
 */
class OgcShapesTest extends OgcTest {

  private long line;
  private long area;
  private long pendingLine;
  private long hiddenArea;

  @BeforeEach
  void shapes() {
    jdbc.sql("UPDATE dialogue SET accepted_shapes = '{point,line,area}' WHERE id = :id").param("id", dialogue.id()).update();
    pin("En punkt", 16.18, 58.59);
    line = shape("Bussen borde gå här", "LINESTRING(16.16 58.58, 16.17 58.58, 16.18 58.585)", "published");
    area = shape("Mörkt kvarter", "POLYGON((16.16 58.59, 16.165 58.59, 16.165 58.595, 16.16 58.59))", "published");
    pendingLine = shape("Väntar", "LINESTRING(16.15 58.58, 16.155 58.58)", "pending");
    hiddenArea = shape("Dold", "POLYGON((16.17 58.59, 16.175 58.59, 16.175 58.595, 16.17 58.59))", "hidden");
  }

  @Test
  void aDialogueThatAcceptsLinesAndAreasHasACollectionOfEach() {
    JsonNode collections = api.get("/ogc/collections?f=json").json().get("collections");
    List<String> ids = collections.valueStream().map(c -> c.get("id").asString()).toList();
    assertThat(ids).contains("pin-lines-" + dialogue.slug(), "pin-areas-" + dialogue.slug());
    var pointsOnly = data.openDialogue();
    assertThat(ids).doesNotContain("pin-lines-" + pointsOnly.slug());
    assertThat(api.get("/ogc/collections/pin-lines-" + pointsOnly.slug() + "?f=json").status()).isEqualTo(404);
  }

  @Test
  void itemsAreOnlyThePublishedShapesOfTheirTypeWithThePinsProperties() {
    JsonNode lines = api.get("/ogc/collections/pin-lines-" + dialogue.slug() + "/items?f=json").json();
    assertThat(ids(lines)).containsExactly(line).doesNotContain(pendingLine);
    JsonNode first = lines.get("features").get(0);
    assertThat(first.at("/geometry/type").asString()).isEqualTo("LineString");
    assertThat(first.at("/geometry/coordinates").size()).isEqualTo(3);
    assertThat(first.at("/properties/text").asString()).isEqualTo("Bussen borde gå här");
    assertThat(first.at("/properties/category").asString()).isEqualTo("suggestion");

    JsonNode areas = api.get("/ogc/collections/pin-areas-" + dialogue.slug() + "/items?f=json").json();
    assertThat(ids(areas)).containsExactly(area).doesNotContain(hiddenArea);
    assertThat(areas.at("/features/0/geometry/type").asString()).isEqualTo("Polygon");

    assertThat(api.get("/ogc/collections/pin-lines-" + dialogue.slug() + "/items/" + pendingLine + "?f=json").status())
        .isEqualTo(404);
    assertThat(api.get("/ogc/collections/pin-areas-" + dialogue.slug() + "/items/" + line + "?f=json").status())
        .isEqualTo(404);
  }

  @Test
  void crsAndFiltersWorkAsForPins() {
    JsonNode sweref = api.get("/ogc/collections/pin-lines-" + dialogue.slug() + "/items?f=json&crs=" + EPSG + "3006")
        .json();
    Map<String, Object> expected = jdbc.sql("""
            SELECT ST_X(ST_StartPoint(g)) AS x, ST_Y(ST_StartPoint(g)) AS y
            FROM (SELECT ST_Transform(drawn_shape, 3006) AS g FROM pin WHERE id = :id) t""")
        .param("id", line).query().singleRow();
    JsonNode start = sweref.at("/features/0/geometry/coordinates/0");
    // EPSG:3006's axis order is northing, easting.
    assertThat(start.get(0).asDouble()).isCloseTo((Double) expected.get("y"), within(0.01));
    assertThat(start.get(1).asDouble()).isCloseTo((Double) expected.get("x"), within(0.01));

    assertThat(ids(api.get("/ogc/collections/pin-areas-" + dialogue.slug() + "/items?f=json&bbox=16.159,58.589,16.166,58.596")
        .json())).containsExactly(area);
    assertThat(ids(api.get("/ogc/collections/pin-areas-" + dialogue.slug() + "/items?f=json&bbox=16.19,58.60,16.20,58.61")
        .json())).isEmpty();
    assertThat(ids(api.get("/ogc/collections/pin-lines-" + dialogue.slug() + "/items?f=json&category=safety_concern")
        .json())).isEmpty();
  }

  @Test
  void gdalReadsTheLayersWithTheirGeometryTypes() {
    String lines = ogrinfo(List.of("-ro", "-al", "-so", "OAPIF:" + base(), "pin-lines-" + dialogue.slug()));
    assertThat(lines).contains("Geometry: Line String", "Feature Count: 1");
    String areas = ogrinfo(List.of("-ro", "-al", "-so", "OAPIF:" + base(), "pin-areas-" + dialogue.slug()));
    assertThat(areas).contains("Geometry: Polygon", "Feature Count: 1");
  }

  private long shape(String text, String wkt, String state) {
    return jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, drawn_shape, category, text, moderation_state, status, created_at)
            SELECT :d, CASE WHEN GeometryType(g) = 'POLYGON' THEN ST_PointOnSurface(g) ELSE ST_LineInterpolatePoint(g, 0.5) END,
                   g, 'suggestion', :text, :state, 'received', now()
            FROM (SELECT ST_GeomFromText(:wkt, 4326) AS g) s
            RETURNING id""")
        .param("d", dialogue.id()).param("text", text).param("state", state).param("wkt", wkt)
        .query(Long.class).single();
  }

  private static List<Long> ids(JsonNode collection) {
    return collection.get("features").valueStream().map(f -> f.get("id").asLong()).toList();
  }
}
