package org.dialogkarta.ogc;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.0 definition of {@code /ogc} (conformance class oas30): every path, its
 * parameters with their limits, and the media types each answers in. Built as a tree here rather
 * than generated, because the OGC paths are answered by hand-written negotiation that a generator
 * would not see.
 */
final class OpenApiDocument {

  private OpenApiDocument() {}

  static ObjectNode of(JsonMapper mapper, String base) {
    ObjectNode o = mapper.createObjectNode();
    o.put("openapi", "3.0.3");
    ObjectNode info = o.putObject("info");
    info.put("title", "Dialogkarta OGC API – Features");
    info.put("version", "1.0.0");
    info.put("description", "Published pins of citizen dialogues, neighbourhoods, study areas and walk"
        + " routes. Read-only and public. Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0), Part 2 (CRS by reference) and"
        + " Part 3 (queryables and CQL2 filters, text and JSON), and sortby.");
    o.putArray("servers").addObject().put("url", base);
    ObjectNode paths = o.putObject("paths");
    path(mapper, paths, "/", "Landing page", List.of("f"), OgcDocuments.JSON, false);
    path(mapper, paths, "/conformance", "Conformance classes", List.of("f"), OgcDocuments.JSON, false);
    path(mapper, paths, "/api", "This API definition", List.of("f"), "application/vnd.oai.openapi+json;version=3.0", false);
    path(mapper, paths, "/collections", "The collections", List.of("f"), OgcDocuments.JSON, false);
    path(mapper, paths, "/collections/{collectionId}", "One collection", List.of("collectionId", "f"),
        OgcDocuments.JSON, true);
    path(mapper, paths, "/collections/{collectionId}/items", "Features of a collection",
        List.of("collectionId", "f", "limit", "offset", "after", "bbox", "bbox-crs", "crs", "datetime", "category", "status",
            "filter", "filter-lang", "filter-crs", "sortby"),
        OgcDocuments.GEOJSON, true);
    path(mapper, paths, "/collections/{collectionId}/queryables", "What filter and sortby may name (JSON Schema)",
        List.of("collectionId", "f"), OgcDocuments.SCHEMA, true);
    path(mapper, paths, "/collections/{collectionId}/items/{featureId}", "One feature",
        List.of("collectionId", "featureId", "f", "crs"), OgcDocuments.GEOJSON, true);
    o.putObject("components").set("parameters", parameters(mapper));
    return o;
  }

  private static void path(JsonMapper mapper, ObjectNode paths, String path, String summary, List<String> params,
      String jsonType, boolean canBeMissing) {
    ObjectNode get = paths.putObject(path).putObject("get");
    get.put("summary", summary);
    get.put("operationId", "get" + path.replaceAll("[^A-Za-z]", "_"));
    ArrayNode ps = get.putArray("parameters");
    params.forEach(p -> ps.addObject().put("$ref", "#/components/parameters/" + p));
    ObjectNode responses = get.putObject("responses");
    ObjectNode ok = responses.putObject("200");
    ok.put("description", summary);
    ObjectNode content = ok.putObject("content");
    content.putObject(jsonType).putObject("schema").put("type", "object");
    content.putObject(OgcDocuments.HTML).putObject("schema").put("type", "string");
    problem(responses, "400", "A parameter cannot be used");
    if (canBeMissing) {
      problem(responses, "404", "No such collection or feature");
    }
  }

  private static void problem(ObjectNode responses, String status, String description) {
    ObjectNode r = responses.putObject(status);
    r.put("description", description);
    r.putObject("content").putObject("application/problem+json").putObject("schema").put("type", "object");
  }

  private static ObjectNode parameters(JsonMapper mapper) {
    ObjectNode ps = mapper.createObjectNode();
    param(ps, "collectionId", "path", "A collection id from /collections").put("type", "string");
    param(ps, "featureId", "path", "A feature id").put("type", "string");
    ObjectNode f = param(ps, "f", "query", "The format of the answer (else the Accept header decides)");
    f.put("type", "string");
    f.putArray("enum").add("json").add("html");
    ObjectNode limit = param(ps, "limit", "query", "The most features on a page");
    limit.put("type", "integer").put("minimum", 1).put("maximum", ItemsRequest.MAX_LIMIT)
        .put("default", ItemsRequest.DEFAULT_LIMIT);
    param(ps, "offset", "query", "How many features to skip (analysis layers' next links set it)")
        .put("type", "integer").put("minimum", 0).put("default", 0);
    param(ps, "after", "query", "The features after this id, in id order (stored layers' next links set it;"
        + " fast at any depth)").put("type", "integer").put("minimum", 0);
    ObjectNode bbox = param(ps, "bbox", "query", "Lower left and upper right corner, in the axis order of"
        + " bbox-crs, with or without heights; in degrees a west edge east of the east edge crosses the antimeridian");
    list(ps, "bbox", bbox).put("minItems", 4).put("maxItems", 6).putObject("items").put("type", "number");
    crsParam(param(ps, "bbox-crs", "query", "The CRS of bbox (default CRS84)"));
    crsParam(param(ps, "crs", "query", "The CRS of the answer's geometries (default CRS84)"));
    param(ps, "datetime", "query", "An RFC 3339 instant or interval (start/end, either may be ..)")
        .put("type", "string");
    param(ps, "filter", "query", "A CQL2 filter over the collection's queryables, e.g."
        + " category = 'safety_concern' AND S_INTERSECTS(geometry, BBOX(15.5,58.3,15.7,58.5))").put("type", "string");
    ObjectNode lang = param(ps, "filter-lang", "query", "The filter's encoding");
    lang.put("type", "string").put("default", "cql2-text");
    lang.putArray("enum").add("cql2-text").add("cql2-json");
    crsParam(param(ps, "filter-crs", "query", "The CRS of the filter's geometries (default CRS84)"));
    list(ps, "sortby", param(ps, "sortby", "query", "Queryables to sort by, each optionally preceded by + or -"
        + " (descending), e.g. -createdAt; pages then go by offset"))
        .putObject("items").put("type", "string").put("pattern", "^[+-]?[A-Za-z_][A-Za-z0-9_]*$");
    // As OGC API – Features Core declares them.
    for (String name : List.of("limit", "datetime")) {
      ((ObjectNode) ps.get(name)).put("style", "form").put("explode", false);
    }
    codes(list(ps, "category", param(ps, "category", "query", "Pin categories (pin collections only)")),
        "suggestion", "safety_concern", "service_gap", "valued_place");
    codes(list(ps, "status", param(ps, "status", "query", "Pin statuses (pin collections only)")),
        "received", "in_review", "forwarded", "planned", "done", "not_feasible", "out_of_scope");
    return ps;
  }

  /** Adds a parameter and answers its schema, for the caller to describe. */
  private static ObjectNode param(ObjectNode ps, String name, String in, String description) {
    ObjectNode p = ps.putObject(name);
    p.put("name", name);
    p.put("in", in);
    p.put("description", description);
    p.put("required", in.equals("path"));
    return p.putObject("schema");
  }

  /** A comma-separated list parameter: an array schema in form style, not exploded. */
  private static ObjectNode list(ObjectNode ps, String name, ObjectNode schema) {
    ((ObjectNode) ps.get(name)).put("style", "form").put("explode", false);
    return schema.put("type", "array");
  }

  private static void crsParam(ObjectNode schema) {
    schema.put("type", "string").put("format", "uri");
    ArrayNode values = schema.putArray("enum");
    OgcCrs.uris().forEach(values::add);
  }

  private static void codes(ObjectNode arraySchema, String... values) {
    ArrayNode e = arraySchema.putObject("items").put("type", "string").putArray("enum");
    for (String v : values) {
      e.add(v);
    }
  }
}
