package org.dialogkarta.ogc;

import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * JSON or HTML, chosen by {@code f=json|html} first, else by the Accept header: HTML only when the
 * client prefers it (a browser), JSON for everything else (GDAL, QGIS, curl, scripts).
 */
enum Format {
  JSON, HTML;

  static Format of(String f, String accept) {
    if (f != null) {
      return switch (f.strip()) {
        case "json" -> JSON;
        case "html" -> HTML;
        default -> throw OgcBadRequest.of("f", "Unknown format '" + f + "'; use json or html");
      };
    }
    if (accept == null || accept.isBlank()) {
      return JSON;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return JSON;
    }
    double html = 0;
    double json = 0;
    for (MediaType t : types) {
      double q = t.getQualityValue();
      if (t.isWildcardType() || t.getSubtype().endsWith("json")) {
        json = Math.max(json, q);
      } else if (t.getSubtype().equals("html") || t.getSubtype().equals("xhtml+xml")) {
        html = Math.max(html, q);
      }
    }
    return html > json ? HTML : JSON;
  }
}
