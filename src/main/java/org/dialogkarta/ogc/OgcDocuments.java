package org.dialogkarta.ogc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.dialogkarta.ogc.filter.Queryable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON documents of the OGC API, as Jackson trees: landing page, conformance, collections,
 * one collection, a page of items, one item. The HTML views ({@link OgcHtml}) are drawn from
 * these same trees, so both formats always say the same thing.
 */
@Component
class OgcDocuments {

  static final String JSON = "application/json";
  static final String GEOJSON = "application/geo+json";
  static final String HTML = "text/html";
  static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
  static final String SCHEMA = "application/schema+json";
  static final String QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

  static final List<String> CONFORMANCE = List.of(
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

  private final JsonMapper mapper;

  OgcDocuments(JsonMapper mapper) {
    this.mapper = mapper;
  }

  JsonMapper mapper() {
    return mapper;
  }

  ObjectNode landing(String base) {
    ObjectNode o = mapper.createObjectNode();
    o.put("title", "Dialogkarta");
    o.put("description", "Published pins of the municipality's citizen dialogues, with neighbourhoods,"
        + " study areas and walk routes, as OGC API – Features.");
    ArrayNode links = o.putArray("links");
    link(links, base, "self", JSON, "This document");
    link(links, base + "?f=html", "alternate", HTML, "This document as HTML");
    link(links, base + "/api", "service-desc", OPENAPI, "The API definition (OpenAPI 3.0)");
    link(links, base + "/api?f=html", "service-doc", HTML, "The API documentation");
    link(links, base + "/conformance", "conformance", JSON, "Conformance classes implemented");
    link(links, base + "/collections", "data", JSON, "The collections");
    return o;
  }

  ObjectNode conformance(String base) {
    ObjectNode o = mapper.createObjectNode();
    ArrayNode links = o.putArray("links");
    link(links, base + "/conformance", "self", JSON, "This document");
    link(links, base + "/conformance?f=html", "alternate", HTML, "This document as HTML");
    ArrayNode conformsTo = o.putArray("conformsTo");
    CONFORMANCE.forEach(conformsTo::add);
    return o;
  }

  ObjectNode collections(String base, List<OgcCollection> all) {
    ObjectNode o = mapper.createObjectNode();
    ArrayNode links = o.putArray("links");
    link(links, base + "/collections", "self", JSON, "This document");
    link(links, base + "/collections?f=html", "alternate", HTML, "This document as HTML");
    ArrayNode collections = o.putArray("collections");
    for (OgcCollection c : all) {
      collections.add(collection(base, c));
    }
    return o;
  }

  /**
   * The collection's queryables as a JSON Schema: each property with its type, its codes where it
   * has them, and its OGC role. Clusters and hotspots are computed and have none.
   */
  ObjectNode queryables(String base, OgcCollection c) {
    ObjectNode o = mapper.createObjectNode();
    o.put("$schema", "https://json-schema.org/draft/2019-09/schema");
    o.put("$id", base + "/collections/" + c.id() + "/queryables");
    o.put("type", "object");
    o.put("title", c.title());
    if (c.layer() == null) {
      o.put("description", "Computed from the pins: narrow it with category, status, datetime and bbox");
    }
    ObjectNode properties = o.putObject("properties");
    if (c.layer() != null) {
      for (Queryable q : c.layer().queryables().values()) {
        ObjectNode p = properties.putObject(q.name());
        p.put("title", q.title());
        switch (q.type()) {
          case STRING -> p.put("type", "string");
          case INTEGER -> p.put("type", "integer");
          case TIMESTAMP -> p.put("type", "string").put("format", "date-time");
          case DATE -> p.put("type", "string").put("format", "date");
          case GEOMETRY -> p.put("format", q.format());
        }
        if (!q.values().isEmpty()) {
          ArrayNode e = p.putArray("enum");
          q.values().forEach(e::add);
        }
        if (q.role() != null) {
          p.put("x-ogc-role", q.role());
        }
      }
    }
    o.put("additionalProperties", false);
    return o;
  }

  ObjectNode collection(String base, OgcCollection c) {
    String self = base + "/collections/" + c.id();
    ObjectNode o = mapper.createObjectNode();
    o.put("id", c.id());
    o.put("title", c.title());
    o.put("description", c.description());
    o.put("itemType", "feature");
    ArrayNode links = o.putArray("links");
    link(links, self, "self", JSON, "This collection");
    link(links, self + "?f=html", "alternate", HTML, "This collection as HTML");
    link(links, self + "/items", "items", GEOJSON, "The features");
    link(links, self + "/items?f=html", "items", HTML, "The features as HTML");
    link(links, self + "/queryables", QUERYABLES_REL, SCHEMA, "What filter and sortby may name");
    if (c.bbox() != null) {
      ObjectNode spatial = extent(o).putObject("spatial");
      ArrayNode box = spatial.putArray("bbox").addArray();
      for (double v : c.bbox()) {
        box.add(v);
      }
      spatial.put("crs", OgcCrs.CRS84.uri());
    }
    if (c.interval() != null) {
      // Pins have times (when they were made): the datetime parameter has something to narrow.
      ObjectNode temporal = extent(o).putObject("temporal");
      temporal.putArray("interval").addArray().add(c.interval()[0].toString()).add(c.interval()[1].toString());
      temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
    }
    ArrayNode crs = o.putArray("crs");
    OgcCrs.uris().forEach(crs::add);
    o.put("storageCrs", OgcCrs.CRS84.uri());
    return o;
  }

  /**
   * A page of items; {@code urls} gives the URL of the same request with other paging and format.
   * Stored layers page by key: "next" carries {@code after} = the last id, which stays fast at
   * any depth; computed analyses (a list in memory) and pages in a {@code sortby} order page by
   * offset.
   */
  ObjectNode items(String base, OgcCollection c, ItemsRequest request, FeatureQueries.Page page, PageUrls urls) {
    ObjectNode o = mapper.createObjectNode();
    o.put("type", "FeatureCollection");
    ArrayNode features = o.putArray("features");
    for (FeatureQueries.Feature f : page.features()) {
      features.add(feature(f));
    }
    ArrayNode links = o.putArray("links");
    link(links, urls.with(Map.of(), null), "self", GEOJSON, "This page");
    link(links, urls.with(Map.of(), "html"), "alternate", HTML, "This page as HTML");
    if (page.more()) {
      Map<String, Object> next = new java.util.HashMap<>();
      if (c.analysis() == null && request.sortby() == null) {
        next.put("after", page.lastId());
        next.put("offset", null);
      } else {
        next.put("offset", request.offset() + request.limit());
      }
      link(links, urls.with(next, null), "next", GEOJSON, "Next page");
    }
    if (request.offset() > 0) {
      long previous = Math.max(request.offset() - request.limit(), 0);
      if (page.numberMatched() != null) {
        previous = Math.min(previous, previousStart(request, page));
      }
      link(links, urls.with(Map.of("offset", previous), null), "prev", GEOJSON, "Previous page");
    }
    link(links, base + "/collections/" + c.id(), "collection", JSON, "The collection");
    if (page.numberMatched() != null) {
      o.put("numberMatched", page.numberMatched());
    }
    o.put("numberReturned", page.features().size());
    o.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    return o;
  }

  /** Past the end, "prev" leads to the last page that has features. */
  private static long previousStart(ItemsRequest request, FeatureQueries.Page page) {
    long last = page.numberMatched() == 0 ? 0 : (page.numberMatched() - 1) / request.limit() * request.limit();
    return Math.max(last, 0);
  }

  ObjectNode item(String base, OgcCollection c, FeatureQueries.Feature f, String self, String alternate) {
    ObjectNode o = feature(f);
    ArrayNode links = o.putArray("links");
    link(links, self, "self", GEOJSON, "This feature");
    link(links, alternate, "alternate", HTML, "This feature as HTML");
    link(links, base + "/collections/" + c.id(), "collection", JSON, "The collection");
    return o;
  }

  /**
   * A feature, its id also the first of its properties: QGIS numbers the features of an OGC API
   * layer itself, so the id a planner can look up again would otherwise be lost there.
   */
  private ObjectNode feature(FeatureQueries.Feature f) {
    ObjectNode o = mapper.createObjectNode();
    o.put("type", "Feature");
    ObjectNode properties = mapper.createObjectNode();
    if (!f.id().isEmpty() && f.id().chars().allMatch(Character::isDigit)) {
      o.put("id", Long.parseLong(f.id()));
      properties.put("id", Long.parseLong(f.id()));
    } else {
      o.put("id", f.id());
      properties.put("id", f.id());
    }
    o.set("geometry", mapper.readTree(f.geometry()));
    properties.setAll((ObjectNode) mapper.readTree(f.properties()));
    o.set("properties", properties);
    return o;
  }

  private static ObjectNode extent(ObjectNode collection) {
    return collection.has("extent") ? (ObjectNode) collection.get("extent") : collection.putObject("extent");
  }

  static void link(ArrayNode links, String href, String rel, String type, String title) {
    ObjectNode l = links.addObject();
    l.put("href", href);
    l.put("rel", rel);
    l.put("type", type);
    l.put("title", title);
  }

  /**
   * Builds the URL of the current items request with some parameters changed (a null value
   * removes one), in JSON or ({@code "html"}) HTML.
   */
  interface PageUrls {
    String with(Map<String, Object> changes, String format);
  }
}
