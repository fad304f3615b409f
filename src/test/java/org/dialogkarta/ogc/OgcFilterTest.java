package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * CQL2 filters (Part 3) and sortby against the real PostGIS: each filter's answer is compared with
 * the same question written by hand in SQL over the pin table (PostGIS as the reference), in both
 * encodings; hidden, pending and merged pins stay out whatever the filter says; and every fault is
 * a 400 that names the parameter.
 */
class OgcFilterTest extends OgcTest {

  private final List<Long> pins = new ArrayList<>();
  private long hidden;
  private long pending;
  private long merged;

  @BeforeEach
  void aSmallTown() {
    String[] categories = {"suggestion", "safety_concern", "service_gap", "valued_place"};
    String[] statuses = {"received", "planned", "done"};
    String[] texts = {"Tänd lampan vid skolan", "Mörk gångtunnel", "LAMPA saknas", "Fin park", "Bänkar behövs",
        "Skolans 'genväg' är mörk"};
    for (int i = 0; i < 18; i++) {
      long id = pin(texts[i % texts.length], 16.15 + (i % 6) * 0.004, 58.58 + (i / 6) * 0.003, "published",
          categories[i % 4], statuses[i % 3], Instant.parse("2026-05-01T06:00:00Z").plusSeconds(i * 43_200L));
      jdbc.sql("UPDATE pin SET supports = :s WHERE id = :id").param("s", i % 7).param("id", id).update();
      pins.add(id);
    }
    hidden = pin("Tänd lampan – dold", 16.151, 58.581, "hidden", "suggestion", "received",
        Instant.parse("2026-05-02T00:00:00Z"));
    pending = pin("Tänd lampan – väntar", 16.151, 58.581, "pending", "suggestion", "received",
        Instant.parse("2026-05-02T00:00:00Z"));
    merged = pin("Tänd lampan – dubblett", 16.151, 58.581);
    jdbc.sql("UPDATE pin SET merged_into = :kept WHERE id = :merged").param("kept", pins.getFirst())
        .param("merged", merged).update();
  }

  /** The ids a filter returns, all pages read. */
  private List<Long> filtered(String filter, String lang, String extra) {
    String url = items() + "?limit=7&filter=" + enc(filter) + (lang == null ? "" : "&filter-lang=" + lang) + extra;
    List<Long> out = new ArrayList<>();
    while (url != null) {
      Api.Response r = api.get(url);
      assertThat(r.status()).as(url + "\n" + r.body()).isEqualTo(200);
      JsonNode doc = r.json();
      doc.get("features").forEach(f -> out.add(f.get("id").asLong()));
      url = null;
      for (JsonNode link : doc.get("links")) {
        if (link.get("rel").asString().equals("next")) {
          url = link.get("href").asString().replaceFirst("^https?://[^/]+", "");
        }
      }
    }
    return out;
  }

  /** The reference: the same question over the published pins of the dialogue, in SQL by hand. */
  private List<Long> reference(String where) {
    return jdbc.sql("SELECT id FROM pin WHERE dialogue_id = :d AND moderation_state = 'published'"
        + " AND merged_into IS NULL AND (" + where + ") ORDER BY id").param("d", dialogue.id()).query(Long.class).list();
  }

  private void same(String text, String json, String sql) {
    List<Long> expected = reference(sql);
    assertThat(filtered(text, null, "")).as(text).containsExactlyElementsOf(expected);
    assertThat(filtered(json, "cql2-json", "")).as(json).containsExactlyElementsOf(expected);
  }

  @Test
  void filtersAnswerWhatPostgisAnswersForTheSameQuestion() {
    same("category = 'safety_concern'",
        "{\"op\":\"=\",\"args\":[{\"property\":\"category\"},\"safety_concern\"]}",
        "category = 'safety_concern'");
    same("category IN ('suggestion', 'service_gap') AND NOT status = 'done'",
        "{\"op\":\"and\",\"args\":[{\"op\":\"in\",\"args\":[{\"property\":\"category\"},[\"suggestion\",\"service_gap\"]]},"
            + "{\"op\":\"not\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"status\"},\"done\"]}]}]}",
        "category IN ('suggestion', 'service_gap') AND status <> 'done'");
    same("CASEI(text) LIKE '%lamp%'",
        "{\"op\":\"like\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"text\"}]},\"%lamp%\"]}",
        "lower(text) LIKE '%lamp%'");
    same("text LIKE '%lamp%' OR supports BETWEEN 5 AND 6",
        "{\"op\":\"or\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"text\"},\"%lamp%\"]},"
            + "{\"op\":\"between\",\"args\":[{\"property\":\"supports\"},5,6]}]}",
        "text LIKE '%lamp%' OR supports BETWEEN 5 AND 6");
    same("createdAt > TIMESTAMP('2026-05-04T12:00:00Z')",
        "{\"op\":\">\",\"args\":[{\"property\":\"createdAt\"},{\"timestamp\":\"2026-05-04T12:00:00Z\"}]}",
        "created_at > '2026-05-04T12:00:00Z'");
    same("T_INTERSECTS(createdAt, INTERVAL('2026-05-02', '2026-05-03'))",
        "{\"op\":\"t_intersects\",\"args\":[{\"property\":\"createdAt\"},{\"interval\":[\"2026-05-02\",\"2026-05-03\"]}]}",
        "created_at >= '2026-05-02T00:00:00Z' AND created_at < '2026-05-04T00:00:00Z'");
    same("T_BEFORE(createdAt, DATE('2026-05-03'))",
        "{\"op\":\"t_before\",\"args\":[{\"property\":\"createdAt\"},{\"date\":\"2026-05-03\"}]}",
        "created_at < '2026-05-03T00:00:00Z'");
    same("T_AFTER(createdAt, INTERVAL('..', TIMESTAMP('2026-05-06T06:00:00Z')))",
        "{\"op\":\"t_after\",\"args\":[{\"property\":\"createdAt\"},{\"interval\":[\"..\",\"2026-05-06T06:00:00Z\"]}]}",
        "created_at > '2026-05-06T06:00:00Z'");
    same("S_INTERSECTS(geometry, BBOX(16.149, 58.579, 16.159, 58.584))",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[16.149,58.579,16.159,58.584]}]}",
        "ST_Intersects(location, ST_MakeEnvelope(16.149, 58.579, 16.159, 58.584, 4326))");
    same("S_WITHIN(geometry, POLYGON((16.15 58.578, 16.17 58.578, 16.16 58.59, 16.15 58.578))) AND supports >= 1",
        "{\"op\":\"and\",\"args\":[{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\","
            + "\"coordinates\":[[[16.15,58.578],[16.17,58.578],[16.16,58.59],[16.15,58.578]]]}]},"
            + "{\"op\":\">=\",\"args\":[{\"property\":\"supports\"},1]}]}",
        "ST_Within(location, ST_GeomFromText('POLYGON((16.15 58.578, 16.17 58.578, 16.16 58.59, 16.15 58.578))', 4326))"
            + " AND supports >= 1");
    same("neighbourhood IS NULL AND id > " + pins.get(10),
        "{\"op\":\"and\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"neighbourhood\"}]},"
            + "{\"op\":\">\",\"args\":[{\"property\":\"id\"}," + pins.get(10) + "]}]}",
        "neighbourhood_id IS NULL AND id > " + pins.get(10));
    same("text = 'Skolans ''genväg'' är mörk'",
        "{\"op\":\"=\",\"args\":[{\"property\":\"text\"},\"Skolans 'genväg' är mörk\"]}",
        "text = 'Skolans ''genväg'' är mörk'");
    assertThat(reference("lower(text) LIKE '%lamp%'")).as("the fixture has something to find").hasSizeGreaterThan(3);
  }

  @Test
  void aGeometryInSwerefIsReadInTheFilterCrs() {
    // The box around the first row of pins, in SWEREF 99 TM by PostGIS itself: x/y for PostGIS,
    // northing first (EPSG's axis order) for the filter.
    String sql = "SELECT concat_ws(',', round(ST_%sMin(b)::numeric, 1), round(ST_%sMin(b)::numeric, 1),"
        + " round(ST_%sMax(b)::numeric, 1), round(ST_%sMax(b)::numeric, 1)) FROM (SELECT ST_Transform("
        + "ST_MakeEnvelope(16.149, 58.579, 16.165, 58.5815, 4326), 3006) AS b) x";
    String xy = jdbc.sql(sql.formatted("X", "Y", "X", "Y")).query(String.class).single();
    String ne = jdbc.sql(sql.formatted("Y", "X", "Y", "X")).query(String.class).single();
    List<Long> answer = filtered("S_INTERSECTS(geometry, BBOX(" + ne + "))", null, "&filter-crs=" + EPSG + "3006");
    assertThat(answer).isNotEmpty().containsExactlyElementsOf(reference("ST_Intersects(ST_Transform(location, 3006),"
        + " ST_MakeEnvelope(" + xy + ", 3006))"));
    // EPSG:4326 is latitude first: the same box with its axes swapped finds the same pins.
    assertThat(filtered("S_INTERSECTS(geometry, BBOX(58.579, 16.149, 58.5815, 16.165))", null,
        "&filter-crs=" + EPSG + "4326")).containsExactlyElementsOf(reference(
        "ST_Intersects(location, ST_MakeEnvelope(16.149, 58.579, 16.165, 58.5815, 4326))"));
  }

  @Test
  void noFilterReachesAHiddenPendingOrMergedPin() {
    String ids = hidden + ", " + pending + ", " + merged + ", " + pins.getFirst();
    assertThat(filtered("id IN (" + ids + ")", null, "")).containsExactly(pins.getFirst());
    assertThat(filtered("text LIKE '%dold%' OR text LIKE '%väntar%' OR text LIKE '%dubblett%' OR true", null, ""))
        .containsExactlyElementsOf(pins).doesNotContain(hidden, pending, merged);
    assertThat(api.get("/ogc/collections/pins/items?limit=100&filter=" + enc("id IN (" + ids + ")")).body())
        .doesNotContain("dold", "väntar", "dubblett");
    Api.Response state = api.get(items() + "?filter=" + enc("moderation_state = 'hidden'"));
    assertThat(state.status()).isEqualTo(400);
    assertThat(state.body()).contains("Unknown property 'moderation_state'");
  }

  @Test
  void aQuoteInAFilterIsDataNotSql() {
    List<Long> none = filtered("text = 'x''; DELETE FROM pin; --'", null, "");
    assertThat(none).isEmpty();
    assertThat(filtered("\"text\" LIKE '%'' OR ''1''=''1%'", null, "")).isEmpty();
    assertThat(reference("true")).hasSize(pins.size());
  }

  @Test
  void sortbyOrdersEveryPageAndNextLinksKeepTheOrderAndFilter() {
    List<Long> sorted = filtered("supports >= 0", null, "&sortby=-supports,%2Bid");
    List<Long> expected = jdbc.sql("SELECT id FROM pin WHERE dialogue_id = :d AND moderation_state = 'published'"
        + " AND merged_into IS NULL ORDER BY supports DESC, id").param("d", dialogue.id()).query(Long.class).list();
    assertThat(sorted).containsExactlyElementsOf(expected);
    JsonNode first = api.get(items() + "?limit=3&sortby=createdAt&filter=" + enc("category = 'suggestion'")).json();
    String next = null;
    for (JsonNode link : first.get("links")) {
      if (link.get("rel").asString().equals("next")) {
        next = link.get("href").asString();
      }
    }
    assertThat(next).contains("sortby=createdAt", "offset=3", "filter=").doesNotContain("after=");
    assertThat(first.get("numberMatched").asLong()).isEqualTo(reference("category = 'suggestion'").size());
  }

  @Test
  void filteredSelectionsAreCountedOnlyWhileTheCountIsCheap() {
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, moderation_state, created_at)
            SELECT :d, ST_SetSRID(ST_MakePoint(16.30 + (g % 100) * 0.0001, 58.70 + (g / 100) * 0.0001), 4326),
                   'service_gap', 'Många', 'published', '2026-06-01T00:00:00Z'
            FROM generate_series(1, :n) g""").param("d", dialogue.id()).param("n", FeatureQueries.COUNT_CAP + 1).update();
    JsonNode many = api.get(items() + "?limit=1&category=service_gap").json();
    assertThat(many.has("numberMatched")).as("more than the cap: not counted").isFalse();
    assertThat(many.get("numberReturned").asLong()).isOne();
    JsonNode few = api.get(items() + "?limit=1&filter=" + enc("category = 'service_gap' AND id < 0")).json();
    assertThat(few.get("numberMatched").asLong()).isZero();
    JsonNode box = api.get(items() + "?limit=1&bbox=16.2999,58.6999,16.3005,58.7005").json();
    assertThat(box.get("numberMatched").asLong()).isEqualTo(jdbc.sql("SELECT count(*) FROM pin WHERE dialogue_id = :d"
        + " AND ST_Intersects(location, ST_MakeEnvelope(16.2999, 58.6999, 16.3005, 58.7005, 4326))")
        .param("d", dialogue.id()).query(Long.class).single()).isPositive();
  }

  @Test
  void everyFaultIsA400NamingItsParameter() {
    record Case(String query, String parameter, String message) {}
    for (Case c : List.of(
        new Case("filter=" + enc("category = "), "filter", "Expected a value"),
        new Case("filter=" + enc("supports = 'many'"), "filter", "not a number with a text"),
        new Case("filter=" + enc("createdAt > '2026-05-01'"), "filter", "TIMESTAMP('"),
        new Case("filter=" + enc("S_INTERSECTS(geometry, POLYGON((16 58, 17 59, 17 58, 16 59, 16 58)))"), "filter",
            "not valid: Self-intersection"),
        new Case("filter=" + enc("S_INTERSECTS(geometry, POLYGON((16 58, 17)))"), "filter", "cannot be read as WKT"),
        new Case("filter=" + enc("S_INTERSECTS(geometry, POINT(16 58))") + "&filter-crs=EPSG:3006", "filter-crs",
            "Unsupported CRS"),
        new Case("filter=" + enc("T_INTERSECTS(text, DATE('2026-05-01'))"), "filter", "takes times"),
        new Case("filter=" + enc("S_INTERSECTS(text, POINT(16 58))"), "filter", "takes two geometries"),
        new Case("filter=" + enc("category = 'a'") + "&filter-lang=ecql", "filter-lang", "cql2-text or cql2-json"),
        new Case("filter=" + enc("{\"op\":\"=\"}") + "&filter-lang=cql2-json", "filter", "args"),
        new Case("sortby=geometry", "sortby", "Cannot sort by 'geometry'"),
        new Case("sortby=createdAt&after=5", "after", "offset"),
        new Case("filter=" + enc("NOT ".repeat(200) + "true"), "filter", "nests deeper"))) {
      Api.Response r = api.get(items() + "?" + c.query());
      assertThat(r.status()).as(c.query() + "\n" + r.body()).isEqualTo(400);
      JsonNode body = r.json();
      assertThat(body.at("/errors/0/field").asString()).as(c.query()).isEqualTo(c.parameter());
      assertThat(body.get("detail").asString()).as(c.query()).contains(c.message());
    }
    Api.Response analysis = api.get("/ogc/collections/clusters-" + dialogue.slug() + "/items?filter="
        + enc("category = 'suggestion'"));
    assertThat(analysis.status()).isEqualTo(400);
    assertThat(analysis.body()).contains("computed");
  }

  @Test
  void queryablesDescribeWhatAFilterMayName() {
    Api.Response r = api.get("/ogc/collections/pins-" + dialogue.slug() + "/queryables");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/schema+json");
    JsonNode schema = r.json();
    assertThat(schema.get("$id").asString()).endsWith("/collections/pins-" + dialogue.slug() + "/queryables");
    assertThat(schema.get("properties").propertyNames()).containsExactly("id", "dialogue", "category", "status",
        "text", "source", "neighbourhood", "supports", "createdAt", "geometry");
    assertThat(schema.at("/properties/category/enum").toString()).contains("safety_concern", "valued_place");
    assertThat(schema.at("/properties/createdAt/format").asString()).isEqualTo("date-time");
    assertThat(schema.at("/properties/geometry/format").asString()).isEqualTo("geometry-point");
    assertThat(schema.at("/properties/geometry/x-ogc-role").asString()).isEqualTo("primary-geometry");
    assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    assertThat(api.get("/ogc/collections/study-areas/queryables").json().at("/properties/startsOn/format").asString())
        .isEqualTo("date");
    assertThat(api.get("/ogc/collections/clusters-" + dialogue.slug() + "/queryables").json().get("properties")
        .isEmpty()).isTrue();
    assertThat(api.get("/ogc/collections/pins/queryables?f=html").body()).contains("<td>category</td>", "safety_concern");
    assertThat(api.get("/ogc/collections/no-such/queryables").status()).isEqualTo(404);
    assertThat(api.get("/ogc/collections/pins").body()).contains("http://www.opengis.net/def/rel/ogc/1.0/queryables");
    assertThat(api.get("/ogc/conformance").body()).contains("conf/features-filter", "conf/cql2-text",
        "conf/cql2-json", "conf/temporal-functions");
  }

  @Test
  void otherLayersAreFilteredByTheirOwnQueryables() {
    long walk = jdbc.sql("""
            INSERT INTO walk (dialogue_id, kind, title, starts_at, ends_at, planned_route, facilitator,
                              meeting_point_name)
            VALUES (:d, 'safety_walk', 'Filtrerad kvällsvandring', '2026-10-01T17:00:00Z', '2026-10-01T19:00:00Z',
                    ST_GeomFromText('LINESTRING(16.17 58.58, 16.18 58.59)', 4326), 'Facilitator', 'Vid torget')
            RETURNING id""").param("d", dialogue.id()).query(Long.class).single();
    JsonNode during = api.get("/ogc/collections/walk-routes/items?limit=1000&filter=" + enc(
        "T_DURING(INTERVAL(startsAt, endsAt), INTERVAL('2026-10-01', '2026-10-01')) AND dialogue = '"
            + dialogue.slug() + "'")).json();
    assertThat(during.get("features")).hasSize(1);
    assertThat(during.at("/features/0/id").asLong()).isEqualTo(walk);
    Api.Response dates = api.get("/ogc/collections/study-areas/items?filter=" + enc("startsOn <= DATE('2100-01-01')"));
    assertThat(dates.status()).isEqualTo(200);
    assertThat(api.get("/ogc/collections/neighbourhoods/items?filter=" + enc("population > 'x'")).status())
        .isEqualTo(400);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
