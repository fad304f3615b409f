package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The documents of the OGC API and the items' parameters, read as a client reads them. */
class OgcApiTest extends OgcTest {

  @Test
  void landingPageLinksEveryPartOfTheApi() {
    Api.Response r = api.get("/ogc");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    Map<String, String> byRel = new java.util.HashMap<>();
    for (JsonNode l : r.json().get("links")) {
      byRel.putIfAbsent(l.get("rel").asString(), l.get("href").asString() + " " + l.get("type").asString());
    }
    assertThat(byRel).containsOnlyKeys("self", "alternate", "service-desc", "service-doc", "conformance", "data");
    assertThat(byRel.get("service-desc")).endsWith("/ogc/api application/vnd.oai.openapi+json;version=3.0");
    assertThat(byRel.get("service-doc")).contains("text/html");
    assertThat(byRel.get("data")).contains("/ogc/collections ");
    assertThat(api.get("/ogc/").status()).isEqualTo(200);
  }

  @Test
  void webPagesOfOtherSitesMayReadTheLayers() {
    Api.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base() + items()))
        .header("Origin", "https://karta.example.se").GET());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(r.raw().headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("Content-Crs");
  }

  @Test
  void conformanceListsTheClassesImplemented() {
    List<String> classes = new ArrayList<>();
    api.get("/ogc/conformance").json().get("conformsTo").forEach(c -> classes.add(c.asString()));
    assertThat(classes).containsExactlyInAnyOrder(
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
        "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
        "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
        "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/property-property");
  }

  @Test
  void openApiDocumentParsesAndListsThePaths() {
    Api.Response r = api.get("/ogc/api");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/vnd.oai.openapi+json");
    JsonNode doc = r.json();
    assertThat(doc.get("openapi").asString()).startsWith("3.0");
    List<String> paths = new ArrayList<>(doc.get("paths").propertyNames());
    assertThat(paths).contains("/", "/conformance", "/api", "/collections", "/collections/{collectionId}",
        "/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}");
    JsonNode limit = doc.at("/components/parameters/limit/schema");
    assertThat(limit.get("maximum").asInt()).isEqualTo(10_000);
    assertThat(limit.get("default").asInt()).isEqualTo(10);
    // Every $ref points at a parameter that exists.
    for (JsonNode path : doc.get("paths")) {
      for (JsonNode p : path.get("get").get("parameters")) {
        String name = p.get("$ref").asString().replace("#/components/parameters/", "");
        assertThat(doc.at("/components/parameters/" + name).isObject()).as(name).isTrue();
      }
    }
    Api.Response html = api.get("/ogc/api?f=html");
    assertThat(html.contentType()).startsWith("text/html");
    assertThat(html.body()).contains("/collections/{collectionId}/items");
  }

  @Test
  void collectionsOfferPinsPerDialogueAndTheOtherLayersWithTheirCrs() {
    JsonNode doc = api.get("/ogc/collections").json();
    List<String> ids = new ArrayList<>();
    doc.get("collections").forEach(c -> ids.add(c.get("id").asString()));
    assertThat(ids).contains("pins", "pins-" + dialogue.slug(), "neighbourhoods", "study-areas", "walk-routes");

    JsonNode c = api.get("/ogc/collections/pins-" + dialogue.slug()).json();
    assertThat(c.get("title").asString()).contains("Testdialog");
    assertThat(c.get("storageCrs").asString()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
    List<String> crs = new ArrayList<>();
    c.get("crs").forEach(x -> crs.add(x.asString()));
    assertThat(crs).contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84", EPSG + "3006", EPSG + "3018",
        EPSG + "4326", EPSG + "3857");
    // The dialogue's study area bounds its pins: 16.14–16.22 E, 58.57–58.61 N.
    JsonNode bbox = c.at("/extent/spatial/bbox/0");
    assertThat(bbox.get(0).asDouble()).isCloseTo(16.14, within(1e-9));
    assertThat(bbox.get(3).asDouble()).isCloseTo(58.61, within(1e-9));
    assertThat(api.get("/ogc/collections/pins-no-such-dialogue").status()).isEqualTo(404);
  }

  @Test
  void pagesFollowIdOrderWithNextAndPrevLinksAndAnEmptyPagePastTheEnd() {
    List<Long> ids = pins(25);
    List<Long> seen = new ArrayList<>();
    String url = items() + "?limit=10";
    int pages = 0;
    while (url != null) {
      JsonNode page = api.get(url).json();
      pages++;
      // Unfiltered: the exact number from the pin counter, not from counting.
      assertThat(page.get("numberMatched").asLong()).isEqualTo(25);
      assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("features").size());
      assertThat(Instant.parse(page.get("timeStamp").asString())).isBeforeOrEqualTo(Instant.now());
      page.get("features").forEach(f -> seen.add(f.get("id").asLong()));
      url = link(page, "next");
      if (url != null) {
        // Keyset: the next page starts after this page's last id, whatever the depth.
        assertThat(url).contains("after=" + seen.getLast()).doesNotContain("offset=");
      }
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).isEqualTo(ids);

    // Filtered, a selection this small is counted exactly, and the pages are still complete.
    List<Long> filtered = new ArrayList<>();
    url = items() + "?limit=10&category=suggestion";
    while (url != null) {
      JsonNode page = api.get(url).json();
      assertThat(page.get("numberMatched").asLong()).isEqualTo(25);
      page.get("features").forEach(f -> filtered.add(f.get("id").asLong()));
      url = link(page, "next");
    }
    assertThat(filtered).isEqualTo(ids);

    JsonNode second = api.get(items() + "?limit=10&offset=10").json();
    assertThat(link(second, "prev")).contains("offset=0");
    assertThat(link(second, "next")).contains("after=" + ids.get(19));
    assertThat(api.get(items() + "?after=" + ids.get(9) + "&offset=10").status()).isEqualTo(400);
    assertThat(api.get(items() + "?after=abc").status()).isEqualTo(400);

    JsonNode past = api.get(items() + "?limit=10&offset=100").json();
    assertThat(past.get("features")).isEmpty();
    assertThat(past.get("numberReturned").asInt()).isZero();
    assertThat(link(past, "next")).isNull();
    assertThat(link(past, "prev")).contains("offset=20");
  }

  @Test
  void crsTransformsInPostgisAndSaysSoInContentCrs() {
    long id = pin("Här", 16.1834567, 58.5912345);
    Api.Response r = api.get(items() + "?crs=" + EPSG + "3006");
    assertThat(r.raw().headers().firstValue("Content-Crs")).hasValue("<" + EPSG + "3006>");
    JsonNode xy = r.json().at("/features/0/geometry/coordinates");
    Map<String, Object> expected = jdbc.sql("""
            SELECT ST_X(g) AS x, ST_Y(g) AS y FROM (SELECT ST_Transform(location, 3006) AS g FROM pin WHERE id = :id) t""")
        .param("id", id).query().singleRow();
    // In the axis order EPSG defines for SWEREF 99 TM: northing first, then easting.
    assertThat(xy.get(0).asDouble()).isCloseTo((Double) expected.get("y"), within(0.01));
    assertThat(xy.get(1).asDouble()).isCloseTo((Double) expected.get("x"), within(0.01));
    assertThat(xy.get(1).asDouble()).isBetween(560_000.0, 580_000.0); // SWEREF 99 TM easting near Norrköping
    // Web Mercator is easting first.
    JsonNode mercator = api.get(items() + "/" + id + "?crs=" + EPSG + "3857").json().at("/geometry/coordinates");
    assertThat(mercator.get(0).asDouble()).isBetween(1_790_000.0, 1_810_000.0);

    // EPSG:4326 in EPSG's own axis order: latitude first.
    Api.Response latLon = api.get(items() + "/" + id + "?crs=" + EPSG + "4326");
    assertThat(latLon.raw().headers().firstValue("Content-Crs")).hasValue("<" + EPSG + "4326>");
    assertThat(latLon.json().at("/geometry/coordinates/0").asDouble()).isCloseTo(58.5912345, within(1e-7));
    assertThat(latLon.json().at("/geometry/coordinates/1").asDouble()).isCloseTo(16.1834567, within(1e-7));
    // The default is CRS84: longitude first.
    Api.Response lonLat = api.get(items() + "/" + id);
    assertThat(lonLat.raw().headers().firstValue("Content-Crs")).hasValue("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
    assertThat(lonLat.contentType()).startsWith("application/geo+json");
    assertThat(lonLat.json().at("/geometry/coordinates/0").asDouble()).isCloseTo(16.1834567, within(1e-7));
  }

  @Test
  void bboxFiltersInCrs84AndInAnyOfferedCrs() {
    long west = pin("Väst", 16.15, 58.58);
    long east = pin("Öst", 16.21, 58.60);
    assertThat(ids(items() + "?bbox=16.14,58.57,16.17,58.59")).containsExactly(west);
    assertThat(ids(items() + "?bbox=58.59,16.19,58.61,16.22&bbox-crs=" + EPSG + "4326")).containsExactly(east);
    Map<String, Object> sweref = jdbc.sql("""
            SELECT ST_X(g) AS x, ST_Y(g) AS y FROM (SELECT ST_Transform(location, 3006) AS g FROM pin WHERE id = :id) t""")
        .param("id", east).query().singleRow();
    double x = (Double) sweref.get("x");
    double y = (Double) sweref.get("y");
    // Northing first, as EPSG defines SWEREF 99 TM; the same numbers easting first find nothing.
    assertThat(ids(items() + "?bbox=%s,%s,%s,%s&bbox-crs=%s3006".formatted(y - 50, x - 50, y + 50, x + 50, EPSG)))
        .containsExactly(east);
    assertThat(ids(items() + "?bbox=%s,%s,%s,%s&bbox-crs=%s3006".formatted(x - 50, y - 50, x + 50, y + 50, EPSG)))
        .isEmpty();
  }

  @Test
  void datetimeCategoryAndStatusFilterPins() {
    long may = pin("Maj", 16.16, 58.58, "published", "suggestion", "received", Instant.parse("2026-05-10T08:00:00Z"));
    long june = pin("Juni", 16.16, 58.58, "published", "safety_concern", "planned", Instant.parse("2026-06-10T08:00:00Z"));
    assertThat(ids(items() + "?datetime=2026-06-01T00:00:00Z/..")).containsExactly(june);
    assertThat(ids(items() + "?datetime=../2026-05-31T23:59:59Z")).containsExactly(may);
    assertThat(ids(items() + "?datetime=2026-05-10T08:00:00Z")).containsExactly(may);
    assertThat(ids(items() + "?datetime=2026-06-10")).containsExactly(june);
    assertThat(ids(items() + "?category=safety_concern")).containsExactly(june);
    assertThat(ids(items() + "?status=received,planned")).containsExactly(may, june);
    assertThat(ids(items() + "?status=done")).isEmpty();
  }

  @Test
  void htmlViewsEscapePinTextAndFollowAccept() {
    long id = pin("<script>alert('x')</script> & \"citat\"", 16.18, 58.59);
    for (String path : List.of(items() + "?f=html", items() + "/" + id + "?f=html")) {
      Api.Response r = api.get(path);
      assertThat(r.contentType()).startsWith("text/html");
      assertThat(r.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;citat&quot;");
    }
    Api.Response browser = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/ogc/collections"))
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET());
    assertThat(browser.contentType()).startsWith("text/html");
    assertThat(browser.body()).contains("pins-" + dialogue.slug());
    Api.Response gdal = api.send(HttpRequest.newBuilder(URI.create(api.base() + items()))
        .header("Accept", "application/geo+json, application/json").GET());
    assertThat(gdal.contentType()).startsWith("application/geo+json");
    for (String page : List.of("/ogc?f=html", "/ogc/conformance?f=html", "/ogc/collections/pins-" + dialogue.slug() + "?f=html")) {
      assertThat(api.get(page).contentType()).as(page).startsWith("text/html");
    }
  }

  @Test
  void otherLayersAnswerWithTheirOwnProperties() {
    JsonNode areas = api.get("/ogc/collections/study-areas/items?limit=10000").json();
    JsonNode mine = null;
    for (JsonNode f : areas.get("features")) {
      if (f.get("id").asLong() == dialogue.id()) {
        mine = f;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.at("/properties/slug").asString()).isEqualTo(dialogue.slug());
    assertThat(mine.at("/geometry/type").asString()).isEqualTo("MultiPolygon");
    String code = "t" + dialogue.slug();
    long neighbourhood = jdbc.sql("""
            INSERT INTO neighbourhood (code, name, population, boundary)
            VALUES (:code, 'Lilla Åkern', 123, ST_Multi(ST_GeomFromText(
              'POLYGON((16.2001 58.6001, 16.2003 58.6001, 16.2003 58.6003, 16.2001 58.6003, 16.2001 58.6001))', 4326)))
            RETURNING id""").param("code", code).query(Long.class).single();
    long pin = pin("I Lilla Åkern", 16.2002, 58.6002);
    assertThat(api.get(items() + "/" + pin).json().at("/properties/neighbourhood").asString()).isEqualTo("Lilla Åkern");
    JsonNode n = api.get("/ogc/collections/neighbourhoods/items/" + neighbourhood).json();
    assertThat(n.at("/properties/code").asString()).isEqualTo(code);
    assertThat(n.at("/properties/population").asInt()).isEqualTo(123);
    assertThat(n.at("/geometry/type").asString()).isEqualTo("MultiPolygon");
    assertThat(api.get("/ogc/collections/walk-routes/items?datetime=2026-01-01T00:00:00Z/..").status()).isEqualTo(200);
  }

  @Test
  void aPinCollectionDeclaresWhenItsFirstAndLastPinWereMade() {
    assertThat(api.get("/ogc/collections/pins-" + dialogue.slug()).json().at("/extent/temporal").isMissingNode())
        .as("no pins, no times").isTrue();
    pin("Först", 16.18, 58.59, "published", "suggestion", "received", Instant.parse("2026-03-02T08:00:00Z"));
    pin("Sist", 16.18, 58.59, "published", "suggestion", "received", Instant.parse("2026-09-30T17:45:00Z"));
    pin("Dold och senare", 16.18, 58.59, "hidden", "suggestion", "received", Instant.parse("2026-11-01T00:00:00Z"));
    JsonNode temporal = api.get("/ogc/collections/pins-" + dialogue.slug()).json().at("/extent/temporal");
    assertThat(temporal.get("interval").toString()).isEqualTo("[[\"2026-03-02T08:00:00Z\",\"2026-09-30T17:45:00Z\"]]");
    assertThat(temporal.get("trs").asString()).isEqualTo("http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
    // Every pin inside that interval is found by it.
    assertThat(ids(items() + "?datetime=2026-03-02T08:00:00Z/2026-09-30T17:45:00Z")).hasSize(2);
  }

  @Test
  void aBoxAcrossTheAntimeridianAndABoxWithHeightsAreAnswered() {
    long east = pin("Öster om datumlinjen", 179.5, 67.0);
    long west = pin("Väster om datumlinjen", -179.5, 67.0);
    long home = pin("Hemma", 16.18, 58.59);
    // Six degrees wide, across the antimeridian (OGC API – Features Core, bbox).
    assertThat(ids(items() + "?bbox=177,65,-177,70")).containsExactlyInAnyOrder(east, west);
    assertThat(ids(items() + "?bbox=65,177,70,-177&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326"))
        .containsExactlyInAnyOrder(east, west);
    assertThat(ids(items() + "?bbox=16.17,58.58,-10,16.19,58.60,120")).containsExactly(home);
    assertThat(api.get(items() + "?bbox=16.17,58.58,16.19,58.60,120").status()).isEqualTo(400);
    assertThat(api.get(items() + "?bbox=16.17,58.58,120,16.19,58.60,-10").status()).isEqualTo(400);
    assertThat(api.get(items() + "?bbox=16.17,58.60,16.19,58.58").status()).as("latitudes reversed").isEqualTo(400);
    assertThat(api.get(items() + "?bbox=6490000,570000,6500000,560000&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3006")
        .status()).as("a projected box has no antimeridian").isEqualTo(400);
  }

  private List<Long> ids(String url) {
    Api.Response r = api.get(url);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    r.json().get("features").forEach(f -> ids.add(f.get("id").asLong()));
    return ids;
  }

  /** A link's path and query, for the test client. */
  private String link(JsonNode doc, String rel) {
    for (JsonNode l : doc.get("links")) {
      if (l.get("rel").asString().equals(rel)) {
        URI uri = URI.create(l.get("href").asString());
        return uri.getRawPath() + "?" + uri.getRawQuery();
      }
    }
    return null;
  }
}
