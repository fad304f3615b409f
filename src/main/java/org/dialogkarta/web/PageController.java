package org.dialogkarta.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Readable addresses for the static pages in web/. The pages read the slug from their own URL;
 * the receipt token travels after {@code #} so that it never reaches a server log.
 */
@Controller
class PageController {

  @GetMapping("/dialoger/{slug:[a-z0-9-]+}")
  String dialogue(@PathVariable String slug) {
    return "forward:/dialogue.html";
  }

  @GetMapping("/kvitto")
  String receipt() {
    return "forward:/receipt.html";
  }

  /** Walk mode for the phones of a safety or community walk; works offline once opened. */
  @GetMapping("/vandring/{id:[0-9]+}")
  String walkMode(@PathVariable String id) {
    return "forward:/walk.html";
  }

  @GetMapping("/personal/vandring/{id:[0-9]+}/rapport")
  String walkReport(@PathVariable String id) {
    return "forward:/personal/walk-report.html";
  }

  /** The planners' analysis map; its filters and layers travel in the query string. */
  @GetMapping("/personal/analys")
  String analysisMap() {
    return "forward:/personal/analysis.html";
  }

  /** File exports for GIS staff (layers as GeoPackage, Shapefile, GeoJSON, KML, CSV). */
  @GetMapping("/personal/exporter")
  String exports() {
    return "forward:/personal/exports.html";
  }

  @GetMapping("/logga-in")
  String signIn() {
    return "forward:/login.html";
  }

  /** The staff workspace; Spring Security sends visitors who are not signed in to /logga-in. */
  @GetMapping({"/personal", "/personal/"})
  String staffStart() {
    return "forward:/personal/index.html";
  }
}
