package org.dialogkarta.page;

import org.dialogkarta.kernel.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The addresses of the pages. Each page is a template in web/pages rendered into the one shell
 * (web/pages/layout.html); the scripts read a dialogue's slug or a walk's id from the address,
 * and the receipt token travels after {@code #} so that it never reaches a server log.
 */
@Controller
class PageController {

  /** Whether {@code name} is a page's template name ("walk", "personal/walks"). */
  static boolean isPage(String name) {
    return Pages.named(name).isPresent();
  }

  @GetMapping("/")
  String start() {
    return "index";
  }

  @GetMapping("/{name:[a-z-]+}.html")
  String publicPage(@PathVariable String name) {
    return known(name);
  }

  @GetMapping("/personal/{name:[a-z-]+}.html")
  String staffPage(@PathVariable String name) {
    return known("personal/" + name);
  }

  private static String known(String name) {
    if (!isPage(name)) {
      throw new NotFoundException("No page " + name + ".html");
    }
    return name;
  }
  @GetMapping("/dialoger/{slug:[a-z0-9-]+}")
  String dialogue(@PathVariable String slug, org.springframework.ui.Model model) {
    model.addAttribute("atomFeed", "/feeds/dialogues/" + slug + ".atom"); // feed.FeedController
    return "dialogue";
  }

  /** The accessibility statement, with its "report a problem" form and the reporter's receipt. */
  @GetMapping("/tillganglighet")
  String accessibility() {
    return "accessibility";
  }

  @GetMapping("/kvitto")
  String receipt() {
    return "receipt";
  }

  /** A department's answer page (forwarding); its token travels after {@code #} like the receipt's. */
  @GetMapping("/svar")
  String answer() {
    return "answer";
  }

  /** Following by e-mail: area subscriptions, confirming, unsubscribing, the lost receipt link (follow). */
  @GetMapping("/folj")
  String follow() {
    return "follow";
  }

  /** Walk mode for the phones of a safety or community walk; works offline once opened. */
  @GetMapping("/vandring/{id:[0-9]+}")
  String walkMode(@PathVariable String id) {
    return "walk";
  }

  @GetMapping("/personal/vandring/{id:[0-9]+}/rapport")
  String walkReport(@PathVariable String id) {
    return "personal/walk-report";
  }

  /** The questionnaire builder of one dialogue (survey). */
  @GetMapping("/personal/dialoger/{id:[0-9]+}/fragor")
  String questions(@PathVariable String id) {
    return "personal/questions";
  }

  /** The planners' analysis map; its filters and layers travel in the query string. */
  @GetMapping("/personal/analys")
  String analysisMap() {
    return "personal/analysis";
  }

  /** File exports for GIS staff (layers as GeoPackage, Shapefile, GeoJSON, KML, CSV). */
  @GetMapping("/personal/exporter")
  String exports() {
    return "personal/exports";
  }

  /** The e-mail outbox for administrators (mail.OutboxAdminController). */
  @GetMapping("/personal/utskick")
  String outbox() {
    return "personal/outbox";
  }

  @GetMapping("/logga-in")
  String signIn() {
    return "login";
  }

  /** The staff workspace; Spring Security sends visitors who are not signed in to /logga-in. */
  @GetMapping({"/personal", "/personal/"})
  String staffStart() {
    return "personal/index";
  }
}
