package org.dialogkarta.ogc;

import java.nio.charset.StandardCharsets;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features at {@code /ogc}: public and read-only, for QGIS, ArcGIS and GDAL. Each
 * resource answers as JSON (GeoJSON for features) or HTML ({@link Format}); the documents are
 * built by {@link OgcDocuments}, the features read by {@link FeatureQueries} with the same
 * visibility as the public map. Any web page may read it (CORS for GET): it is public data, and
 * browser-based GIS viewers need that to add a layer by URL.
 */
@RestController
@CrossOrigin(origins = "*", methods = RequestMethod.GET, exposedHeaders = "Content-Crs")
@RequestMapping("/ogc")
class OgcController {

  private final OgcLinks links;
  private final OgcCollections collections;
  private final FeatureQueries features;
  private final AnalysisFeatures analyses;
  private final OgcDocuments documents;

  OgcController(OgcCollections collections, FeatureQueries features, AnalysisFeatures analyses,
      OgcDocuments documents, OgcLinks links) {
    this.links = links;
    this.collections = collections;
    this.features = features;
    this.analyses = analyses;
    this.documents = documents;
  }

  @GetMapping({"", "/"})
  ResponseEntity<byte[]> landing(@RequestParam MultiValueMap<String, String> query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    JsonNode doc = documents.landing(base());
    return answer(format(query, accept), doc, OgcDocuments.JSON, OgcHtml::landing, null);
  }

  @GetMapping("/conformance")
  ResponseEntity<byte[]> conformance(@RequestParam MultiValueMap<String, String> query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return answer(format(query, accept), documents.conformance(base()), OgcDocuments.JSON, OgcHtml::conformance, null);
  }

  @GetMapping("/api")
  ResponseEntity<byte[]> api(@RequestParam MultiValueMap<String, String> query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return answer(format(query, accept), OpenApiDocument.of(documents.mapper(), base()), OgcDocuments.OPENAPI,
        OgcHtml::api, null);
  }

  @GetMapping("/collections")
  ResponseEntity<byte[]> collections(@RequestParam MultiValueMap<String, String> query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return answer(format(query, accept), documents.collections(base(), collections.all()), OgcDocuments.JSON,
        OgcHtml::collections, null);
  }

  @GetMapping("/collections/{collectionId}")
  ResponseEntity<byte[]> collection(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    Format format = format(query, accept);
    return answer(format, documents.collection(base(), collections.get(collectionId)), OgcDocuments.JSON,
        OgcHtml::collection, null);
  }

  @GetMapping("/collections/{collectionId}/items")
  ResponseEntity<byte[]> items(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    Format format = format(query, accept);
    ItemsRequest request = ItemsRequest.parse(query);
    OgcCollection c = collections.get(collectionId);
    if (c.analysis() != null && request.after() != null) {
      throw OgcBadRequest.of("after", "'after' pages stored layers; an analysis pages by 'offset'");
    }
    if (c.analysis() != null && (request.filter() != null || request.sortby() != null)) {
      throw OgcBadRequest.of(request.filter() != null ? "filter" : "sortby", "Clusters and hotspots are computed,"
          + " not stored: narrow them with category, status, datetime and bbox; filter and sortby are offered on"
          + " the pin, neighbourhood, study area and walk route collections");
    }
    FeatureQueries.Page page = c.analysis() != null ? analyses.page(c.analysis(), request)
        : features.page(c.layer(), request);
    JsonNode doc = documents.items(base(), c, request, page, (changes, f) -> {
      var url = links.current();
      changes.forEach((name, value) -> {
        if (value == null) {
          url.replaceQueryParam(name);
        } else {
          url.replaceQueryParam(name, value);
        }
      });
      return url.replaceQueryParam("f", f == null ? "json" : f).build().toUriString();
    });
    return answer(format, doc, OgcDocuments.GEOJSON, d -> OgcHtml.items(c.title(), d), request.crs());
  }

  /** The properties a filter and sortby may name, as a JSON Schema (Part 3, Queryables). */
  @GetMapping("/collections/{collectionId}/queryables")
  ResponseEntity<byte[]> queryables(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    Format format = format(query, accept);
    for (String name : query.keySet()) {
      if (!name.equals("f")) {
        throw OgcBadRequest.of(name, "Unknown parameter '" + name + "'; queryables take f");
      }
    }
    OgcCollection c = collections.get(collectionId);
    return answer(format, documents.queryables(base(), c), OgcDocuments.SCHEMA,
        d -> OgcHtml.queryables(c.title(), d), null);
  }

  @GetMapping("/collections/{collectionId}/items/{featureId}")
  ResponseEntity<byte[]> item(@PathVariable String collectionId, @PathVariable String featureId,
      @RequestParam MultiValueMap<String, String> query,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    Format format = format(query, accept);
    for (String name : query.keySet()) {
      if (!name.equals("f") && !name.equals("crs")) {
        throw OgcBadRequest.of(name, "Unknown parameter '" + name + "'; one feature takes f and crs");
      }
    }
    OgcCrs crs = OgcCrs.parse("crs", ItemsRequest.single(query, "crs"));
    OgcCollection c = collections.get(collectionId);
    FeatureQueries.Feature feature = c.analysis() != null ? analyses.one(c.analysis(), featureId, crs).orElse(null)
        : id(featureId) == null ? null : features.one(c.layer(), id(featureId), crs).orElse(null);
    if (feature == null) {
      throw new NotFoundException("No feature '" + featureId + "' in collection '" + collectionId + "'");
    }
    var self = links.current();
    JsonNode doc = documents.item(base(), c, feature, self.replaceQueryParam("f", "json").build().toUriString(),
        self.replaceQueryParam("f", "html").build().toUriString());
    return answer(format, doc, OgcDocuments.GEOJSON, d -> OgcHtml.item(c.title() + ": " + featureId, d), crs);
  }

  private static Long id(String featureId) {
    try {
      return Long.parseLong(featureId);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Format format(MultiValueMap<String, String> query, String accept) {
    return Format.of(ItemsRequest.single(query, "f"), accept);
  }

  private String base() {
    return links.base();
  }

  private ResponseEntity<byte[]> answer(Format format, JsonNode doc, String jsonType,
      java.util.function.Function<JsonNode, String> html, OgcCrs crs) {
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if (crs != null) {
      response.header("Content-Crs", "<" + crs.uri() + ">");
    }
    response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    if (format == Format.HTML) {
      return response.header(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
          .body(html.apply(doc).getBytes(StandardCharsets.UTF_8));
    }
    return response.header(HttpHeaders.CONTENT_TYPE, jsonType).body(documents.mapper().writeValueAsBytes(doc));
  }
}
