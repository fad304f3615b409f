package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Clusters and hotspot hexagons of a dialogue as OGC collections: computed from published pins
 * only, answered in the CRS asked for, and read by GDAL.
 */
class OgcAnalysisTest extends OgcTest {

  private static final Instant MAY = Instant.parse("2026-05-01T12:00:00Z");

  /** Six published pins within a few metres, a lone one, and six hidden ones elsewhere. */
  private List<Long> scene() {
    List<Long> cluster = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      cluster.add(pin("Trångt " + i, 16.1800 + i * 0.0001, 58.5900 + (i % 2) * 0.0001, "published",
          i < 3 ? "safety_concern" : "suggestion", "received", MAY));
    }
    pin("Ensam", 16.2100, 58.6050);
    for (int i = 0; i < 6; i++) {
      pin("Dold " + i, 16.1500 + i * 0.0001, 58.5750, "hidden", "suggestion", "received", MAY);
    }
    return cluster;
  }

  /** Thirty published pins about 700 m apart, so that a hot spot test has enough pins. */
  private void crowd() {
    for (int i = 0; i < 30; i++) {
      pin("Spridd " + i, 16.150 + (i % 6) * 0.012, 58.575 + (i / 6) * 0.006);
    }
  }

  @Test
  void clustersComeFromPublishedPinsOnlyInTheCrsAskedFor() {
    List<Long> cluster = scene();
    String items = "/ogc/collections/clusters-" + dialogue.slug() + "/items";
    JsonNode page = api.get(items).json();
    assertThat(page.get("numberMatched").asLong()).isEqualTo(1);
    JsonNode c = page.at("/features/0");
    assertThat(c.at("/properties/pinCount").asInt()).isEqualTo(6);
    List<Long> ids = new ArrayList<>();
    c.at("/properties/pinIds").forEach(id -> ids.add(id.asLong()));
    assertThat(ids).isEqualTo(cluster);
    assertThat(c.at("/geometry/type").asString()).isEqualTo("Polygon");

    // The same hull in SWEREF 99 TM: PostGIS's transform of the CRS84 answer agrees to 2 cm
    // (the CRS84 answer itself is rounded to about a centimetre).
    double lon = c.at("/geometry/coordinates/0/0/0").asDouble();
    double lat = c.at("/geometry/coordinates/0/0/1").asDouble();
    Api.Response sweref = api.get(items + "/1?crs=" + EPSG + "3006");
    assertThat(sweref.raw().headers().firstValue("Content-Crs")).hasValue("<" + EPSG + "3006>");
    JsonNode ring = sweref.json().at("/geometry/coordinates/0");
    Map<String, Object> expected = jdbc.sql("""
            SELECT ST_X(g) AS x, ST_Y(g) AS y
            FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 3006) AS g) t""")
        .param("lon", lon).param("lat", lat).query().singleRow();
    boolean found = false;
    for (JsonNode xy : ring) {
      // Northing first, as EPSG defines SWEREF 99 TM.
      found |= Math.abs(xy.get(1).asDouble() - (Double) expected.get("x")) < 0.02
          && Math.abs(xy.get(0).asDouble() - (Double) expected.get("y")) < 0.02;
    }
    assertThat(found).as("vertex %s,%s in %s", lon, lat, ring).isTrue();
    // Latitude first in EPSG:4326.
    JsonNode latLon = api.get(items + "/1?crs=" + EPSG + "4326").json().at("/geometry/coordinates/0/0");
    assertThat(latLon.get(0).asDouble()).isCloseTo(58.59, within(0.01));
    assertThat(latLon.get(1).asDouble()).isCloseTo(16.18, within(0.01));

    assertThat(api.get(items + "?category=safety_concern").json().get("numberMatched").asLong()).isZero();
    assertThat(api.get(items + "?bbox=16.20,58.60,16.22,58.61").json().get("numberMatched").asLong()).isZero();
    assertThat(api.get(items + "?datetime=2026-06-01T00:00:00Z/..").json().get("numberMatched").asLong()).isZero();
    assertThat(api.get(items + "?datetime=2026-05-01").json().get("numberMatched").asLong()).isOne();
    assertThat(api.get(items + "/2").status()).isEqualTo(404);
  }

  @Test
  void aPinHiddenAfterTheFirstPageIsGoneFromTheNextAnswer() {
    List<Long> cluster = scene();
    String items = "/ogc/collections/clusters-" + dialogue.slug() + "/items";
    assertThat(api.get(items).json().at("/features/0/properties/pinCount").asInt()).isEqualTo(6);

    long hidden = cluster.getFirst();
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden' WHERE id = :id").param("id", hidden).update();

    JsonNode c = api.get(items).json().at("/features/0");
    assertThat(c.at("/properties/pinCount").asInt()).isEqualTo(5);
    List<Long> ids = new ArrayList<>();
    c.at("/properties/pinIds").forEach(id -> ids.add(id.asLong()));
    assertThat(ids).doesNotContain(hidden).hasSize(5);
  }

  @Test
  void hotspotHexagonsCountPublishedPinsAndHaveTextIds() {
    List<Long> cluster = scene();
    crowd();
    String items = "/ogc/collections/hotspots-" + dialogue.slug() + "/items";
    JsonNode page = api.get(items + "?limit=10000").json();
    long pins = 0;
    for (JsonNode cell : page.get("features")) {
      pins += cell.at("/properties/count").asLong();
      assertThat(cell.get("id").isString()).isTrue();
      assertThat(cell.at("/geometry/type").asString()).isEqualTo("Polygon");
      assertThat(cell.at("/properties/class").asString()).isNotBlank();
    }
    assertThat(pins).isEqualTo(cluster.size() + 1 + 30);
    String first = page.at("/features/0/id").asString();
    Api.Response one = api.get(items + "/" + first);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("id").asString()).isEqualTo(first);
    assertThat(api.get(items + "/c999999_999999").status()).isEqualTo(404);
  }

  @Test
  void theDeclaredExtentHoldsEveryComputedFeature() {
    scene();
    crowd();
    double[] area = jdbc.sql("SELECT ST_XMin(study_area), ST_YMin(study_area), ST_XMax(study_area), ST_YMax(study_area)"
        + " FROM dialogue WHERE id = :id").param("id", dialogue.id())
        .query((rs, row) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).single();
    boolean pastTheArea = false;
    for (String collection : List.of("clusters-" + dialogue.slug(), "hotspots-" + dialogue.slug())) {
      JsonNode box = api.get("/ogc/collections/" + collection).json().at("/extent/spatial/bbox/0");
      assertThat(box.size()).as(collection).isEqualTo(4);
      JsonNode features = api.get("/ogc/collections/" + collection + "/items?limit=10000").json().get("features");
      assertThat(features.size()).as(collection).isPositive();
      double[] seen = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
      for (JsonNode f : features) {
        for (JsonNode xy : f.at("/geometry/coordinates/0")) {
          double x = xy.get(0).asDouble();
          double y = xy.get(1).asDouble();
          assertThat(x).as(collection + " " + f.get("id")).isBetween(box.get(0).asDouble(), box.get(2).asDouble());
          assertThat(y).as(collection + " " + f.get("id")).isBetween(box.get(1).asDouble(), box.get(3).asDouble());
          seen = new double[] {Math.min(seen[0], x), Math.min(seen[1], y), Math.max(seen[2], x), Math.max(seen[3], y)};
        }
        pastTheArea |= seen[0] < area[0] || seen[1] < area[1] || seen[2] > area[2] || seen[3] > area[3];
      }
      // Tight: the box is the features' own, with a margin of about a metre.
      for (int i = 0; i < 4; i++) {
        assertThat(box.get(i).asDouble()).as(collection + " side " + i).isCloseTo(seen[i], within(2e-5));
      }
    }
    // Hexagons across the area's edge: the study area's box would not have held them.
    assertThat(pastTheArea).isTrue();
  }

  @Test
  void anEmptyAnalysisDeclaresTheStudyAreaAndAVeryLargeOneNothing() {
    JsonNode empty = api.get("/ogc/collections/hotspots-" + dialogue.slug()).json();
    JsonNode area = api.get("/ogc/collections/pins-" + dialogue.slug()).json();
    assertThat(empty.at("/extent/spatial/bbox/0")).isEqualTo(area.at("/extent/spatial/bbox/0"));
    assertThat(area.at("/extent/spatial/bbox/0").size()).isEqualTo(4);

    jdbc.sql("""
        INSERT INTO pin (dialogue_id, location, category, text)
        SELECT :dialogue, ST_SetSRID(ST_MakePoint(16.15 + (g % 100) * 0.0007, 58.575 + (g / 100) * 0.0003), 4326),
               'suggestion', 'Många ' || g
        FROM generate_series(0, :n) g""")
        .param("dialogue", dialogue.id()).param("n", OgcCollections.EXTENT_MAX_PINS).update();
    assertThat(api.get("/ogc/collections/hotspots-" + dialogue.slug()).json().at("/extent/spatial").isMissingNode())
        .isTrue();
    assertThat(api.get("/ogc/collections/clusters-" + dialogue.slug()).json().at("/extent/spatial").isMissingNode())
        .isTrue();
  }

  @Test
  void everyAnalysisCollectionRendersAsHtml() {
    scene();
    crowd();
    for (String collection : List.of("clusters-" + dialogue.slug(), "hotspots-" + dialogue.slug())) {
      String items = "/ogc/collections/" + collection + "/items";
      Api.Response list = api.get(items + "?f=html");
      assertThat(list.status()).as(collection + ": " + list.body()).isEqualTo(200);
      assertThat(list.body()).contains("<table");
      String first = api.get(items).json().at("/features/0/id").asString();
      Api.Response one = api.get(items + "/" + first + "?f=html");
      assertThat(one.status()).as(collection + " item").isEqualTo(200);
    }
    // A cluster's categories (an object) read as "name: count".
    assertThat(api.get("/ogc/collections/clusters-" + dialogue.slug() + "/items?f=html").body())
        .containsPattern("safety_concern: 3|suggestion: 3");
  }

  @Test
  void collectionsListTheAnalysesAndGdalReadsThem() {
    scene();
    crowd();
    JsonNode collection = api.get("/ogc/collections/hotspots-" + dialogue.slug()).json();
    assertThat(collection.get("title").asString()).startsWith("Hotspots: ");
    String list = ogrinfo(List.of("-ro", "OAPIF:" + base()));
    assertThat(list).contains("clusters-" + dialogue.slug(), "hotspots-" + dialogue.slug());
    String clusters = ogrinfo(List.of("-ro", "-al", "OAPIF:" + base(), "clusters-" + dialogue.slug()));
    assertThat(clusters).contains("Feature Count: 1", "pinCount (Integer) = 6", "POLYGON ((");
    String hexagons = ogrinfo(List.of("-ro", "-al", "-oo", "PAGE_SIZE=2", "OAPIF:" + base(), "hotspots-" + dialogue.slug()));
    assertThat(hexagons).contains("class (String) = ", "POLYGON ((");
  }
}
