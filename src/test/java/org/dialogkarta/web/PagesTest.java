package org.dialogkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The page routes, the bundles the pages read, the site settings and the browser defences. */
@IntegrationTest
class PagesTest {

  @LocalServerPort int port;

  @Test
  void pageRoutesServeTheStaticPagesWithSecurityHeaders() {
    Api api = new Api(port);
    for (String path : new String[] {"/", "/dialoger/trygghetsvandring-navestad", "/kvitto"}) {
      Api.Response r = api.get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.contentType()).as(path).startsWith("text/html");
      String csp = r.raw().headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(csp).contains("script-src 'self'", "object-src 'none'");
      assertThat(r.raw().headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
    assertThat(api.get("/dialoger/Not_A_Slug").status()).isEqualTo(404);
  }

  @Test
  void leafletComesFromTheWebjarsNotACdn() {
    Api api = new Api(port);
    assertThat(api.get("/webjars/leaflet/1.9.4/dist/leaflet.js").status()).isEqualTo(200);
    assertThat(api.get("/webjars/leaflet-markercluster/1.4.1/leaflet.markercluster.js").status()).isEqualTo(200);
  }

  @Test
  void swedishIsTheBaseBundleAndEnglishOverridesIt() {
    Api api = new Api(port);
    JsonNode sv = api.get("/api/v1/messages/sv").json();
    JsonNode en = api.get("/api/v1/messages/en").json();
    assertThat(sv.propertyNames()).isNotEmpty();
    assertThat(en.propertyNames()).containsAll(sv.propertyNames());
    assertThat(api.get("/api/v1/messages/de").status()).isEqualTo(404);
  }

  @Test
  void theSiteSettingsCarryTheBasemap() {
    JsonNode site = new Api(port).get("/api/v1/site").json();
    assertThat(site.get("basemap").get("url").asString()).isEmpty(); // tests run with no tiles
    assertThat(site.get("basemap").get("attribution").asString()).isEqualTo("\u00a9 OpenStreetMap contributors");
    assertThat(site.get("languages").toString()).isEqualTo("[\"sv\",\"en\"]");
    assertThat(site.get("textMaxLength").asInt()).isEqualTo(2000);
  }
}
