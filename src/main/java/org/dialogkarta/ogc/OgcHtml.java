package org.dialogkarta.ogc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * HTML views of the OGC API documents, drawn from the same JSON trees the JSON answers carry: a
 * person in a browser sees the same links and values as QGIS reads. All text is escaped by
 * {@link HtmlPage}.
 */
final class OgcHtml {

  private OgcHtml() {}

  static String landing(JsonNode doc) {
    HtmlPage page = new HtmlPage(doc.get("title").asString()).heading(doc.get("title").asString())
        .paragraph(doc.get("description").asString());
    return links(page, doc).render();
  }

  static String conformance(JsonNode doc) {
    HtmlPage page = new HtmlPage("Conformance").heading("Conformance classes").startList();
    for (JsonNode c : doc.get("conformsTo")) {
      page.item(c.asString());
    }
    return page.endList().render();
  }

  static String collections(JsonNode doc) {
    HtmlPage page = new HtmlPage("Collections").heading("Collections")
        .startTable("id", "title", "description");
    for (JsonNode c : doc.get("collections")) {
      page.row(new HtmlPage.Cell(href(c, "alternate"), c.get("id").asString()), c.get("title").asString(),
          c.get("description").asString());
    }
    return page.endTable().render();
  }

  static String collection(JsonNode doc) {
    HtmlPage page = new HtmlPage(doc.get("title").asString()).heading(doc.get("title").asString())
        .paragraph(doc.get("description").asString())
        .link(href(doc, "items", OgcDocuments.HTML), "Features");
    JsonNode extent = doc.path("extent").path("spatial").path("bbox").path(0);
    if (extent.isArray()) {
      page.paragraph("Extent (CRS84): " + extent);
    }
    page.subheading("Coordinate reference systems").startList();
    for (JsonNode crs : doc.get("crs")) {
      page.item(crs.asString());
    }
    page.endList().paragraph("Storage CRS: " + doc.get("storageCrs").asString());
    return page.render();
  }

  static String queryables(String title, JsonNode doc) {
    HtmlPage page = new HtmlPage(title + ": queryables").heading(title + ": queryables")
        .paragraph("Properties that filter (CQL2 text or JSON) and sortby may name.")
        .startTable("name", "title", "type", "values");
    for (var p : doc.get("properties").properties()) {
      JsonNode q = p.getValue();
      String type = q.path("type").asString("") + (q.has("format") ? " (" + q.get("format").asString() + ")" : "");
      List<String> values = new ArrayList<>();
      q.path("enum").forEach(v -> values.add(v.asString()));
      page.row(p.getKey(), q.path("title").asString(""), type.strip(), String.join(", ", values));
    }
    return page.endTable().render();
  }

  static String items(String title, JsonNode doc) {
    HtmlPage page = new HtmlPage(title).heading(title).paragraph(doc.get("numberReturned").asLong()
        + (doc.has("numberMatched") ? " of " + doc.get("numberMatched").asLong() : "") + " features");
    List<String> names = propertyNames(doc.get("features"));
    List<String> headers = new ArrayList<>(List.of("id", "geometry"));
    headers.addAll(names);
    page.startTable(headers.toArray(String[]::new));
    String self = href(doc, "alternate");
    String itemsBase = self.substring(0, self.indexOf("/items") + "/items".length());
    for (JsonNode f : doc.get("features")) {
      List<Object> cells = new ArrayList<>();
      cells.add(new HtmlPage.Cell(itemsBase + "/" + f.get("id").asString() + "?f=html", f.get("id").asString()));
      cells.add(f.get("geometry").path("type").asString());
      for (String name : names) {
        cells.add(text(f.get("properties").get(name)));
      }
      page.row(cells.toArray());
    }
    page.endTable();
    return links(page, doc).render();
  }

  static String item(String title, JsonNode doc) {
    HtmlPage page = new HtmlPage(title).heading(title).startTable("property", "value");
    page.row("id", doc.get("id").asString());
    for (var p : doc.get("properties").properties()) {
      page.row(p.getKey(), text(p.getValue()));
    }
    page.endTable().subheading("Geometry").code(doc.get("geometry").toString());
    return links(page, doc).render();
  }

  static String api(JsonNode openapi) {
    HtmlPage page = new HtmlPage("API").heading(openapi.path("info").path("title").asString())
        .paragraph(openapi.path("info").path("description").asString())
        .link("?f=json", "OpenAPI 3.0 definition (JSON)")
        .startTable("path", "summary");
    for (var p : openapi.get("paths").properties()) {
      page.row(p.getKey(), p.getValue().path("get").path("summary").asString());
    }
    return page.endTable().render();
  }

  private static HtmlPage links(HtmlPage page, JsonNode doc) {
    page.subheading("Links").startList();
    for (JsonNode l : doc.get("links")) {
      String rel = l.get("rel").asString();
      String href = l.get("href").asString();
      if ((rel.equals("next") || rel.equals("prev")) && href.contains("f=json")) {
        // Paging in the browser stays in HTML; the JSON link follows for scripts.
        page.linkItem(href.replace("f=json", "f=html"), l.get("title").asString(), rel + ", " + OgcDocuments.HTML);
      }
      page.linkItem(href, l.get("title").asString(), rel + ", " + l.get("type").asString());
    }
    return page.endList();
  }

  private static List<String> propertyNames(JsonNode features) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode f : features) {
      for (var p : f.get("properties").properties()) {
        names.add(p.getKey());
      }
    }
    return new ArrayList<>(names);
  }

  /** A property as text: lists joined with "; ", objects (a cluster's categories) as "name: value". */
  private static String text(JsonNode value) {
    if (value == null || value.isNull()) {
      return "";
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(text(v)));
      return String.join("; ", parts);
    }
    if (value.isObject()) {
      List<String> parts = new ArrayList<>();
      for (var p : value.properties()) {
        parts.add(p.getKey() + ": " + text(p.getValue()));
      }
      return String.join(", ", parts);
    }
    return value.asString();
  }

  private static String href(JsonNode doc, String rel) {
    return href(doc, rel, null);
  }

  private static String href(JsonNode doc, String rel, String type) {
    for (JsonNode l : doc.get("links")) {
      if (l.get("rel").asString().equals(rel) && (type == null || l.get("type").asString().equals(type))) {
        return l.get("href").asString();
      }
    }
    return "";
  }
}
