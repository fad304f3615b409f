package org.dialogkarta.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The pages as a browser without JavaScript gets them: rendered from one layout, every text
 * already there in the chosen language, the messages for the scripts inside the page (only the
 * page's), Leaflet without a version in the address, and the browser defences on every page.
 */
@IntegrationTest
class PagesTest {

  private static final Pattern TEXT_ELEMENT = Pattern.compile("<([a-z0-9]+)[^>]*\\sdata-i18n=\"([^\"]+)\"[^>]*>([^<]*)<");

  @LocalServerPort int port;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api.Response get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return new Api(port).send(request);
  }

  @Test
  void pageRoutesServeTheRenderedPagesWithSecurityHeaders() {
    for (String path : new String[] {"/", "/index.html", "/dialoger/trygghetsvandring-navestad", "/kvitto",
        "/logga-in", "/vandring/1", "/walk.html"}) {
      Api.Response r = get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.contentType()).as(path).startsWith("text/html");
      String csp = r.raw().headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(csp).contains("script-src 'self'", "object-src 'none'");
      assertThat(r.raw().headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(r.body()).as(path).doesNotContain("th:", "data-th-");
    }
    assertThat(get("/dialoger/Not_A_Slug").status()).isEqualTo(404);
    assertThat(get("/layout.html").status()).isEqualTo(404);
    assertThat(get("/fragments.html").status()).isEqualTo(404);
    assertThat(get("/personal/moderation.html").status()).as("staff pages need a sign-in").isIn(302, 401);
  }

  @Test
  void everyPageShowsItsTextsBeforeAnyScriptRuns() {
    String planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN));
    for (Page page : Pages.ALL) {
      String path = "/" + page.name() + ".html";
      Api.Response r = get(path, "Authorization", planner);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertTextsFilled(path, r.body());
      assertThat(r.body()).as(path).contains("data-page=\"" + page.name() + "\"",
          "<script type=\"module\" src=\"/js/" + page.module() + ".js\"></script>");
      if (page.shell() == Page.Shell.STAFF) {
        assertThat(r.body()).as(path).contains("id=\"staff-nav\"", "id=\"logout-form\"", "name=\"robots\"");
      } else {
        assertThat(r.body()).as(path).doesNotContain("id=\"logout-form\"");
      }
    }
  }

  private static void assertTextsFilled(String page, String html) {
    Matcher m = TEXT_ELEMENT.matcher(html);
    int texts = 0;
    while (m.find()) {
      texts++;
      assertThat(m.group(3).strip()).as(page + ": text of " + m.group(2)).isNotEmpty();
    }
    assertThat(texts).as(page).isGreaterThan(2);
  }

  @Test
  void thePageArrivesInTheLanguageOfTheCookie() {
    String swedish = get("/").body();
    String english = get("/", "Cookie", "dk-lang=en").body();
    assertThat(swedish).contains("<html lang=\"sv\"", ">Hoppa till huvudinnehållet<", ">English<");
    assertThat(english).contains("<html lang=\"en\"", ">Svenska<").doesNotContain("Hoppa till huvudinnehållet");
    // More languages, Accept-Language and staff pages: LanguagePagesTest.
    assertThat(get("/", "Cookie", "dk-lang=de").body()).as("no German: Swedish").contains("<html lang=\"sv\"");
  }

  @Test
  void aPageCarriesOnlyTheMessagesItsScriptsUse() {
    JsonNode start = inlineMessages(get("/").body());
    JsonNode walk = inlineMessages(get("/walk.html").body());
    assertThat(start.has("dialogue.cta")).as("the scripts' own texts").isTrue();
    assertThat(start.has("staff.logout")).as("no staff texts on the start page").isFalse();
    assertThat(walk.has("walk.page.titleNamed")).isTrue();
    assertThat(walk.has("staff.logout")).isFalse();
    JsonNode full = new Api(port).get("/api/v1/messages/sv").json();
    assertThat(start.size()).isLessThan(full.size() / 4);
    JsonNode englishWalk = new Api(port).get("/api/v1/messages/en?page=walk").json();
    assertThat(englishWalk.propertyNames()).as("a switch also refills the static texts")
        .containsAll(walk.propertyNames()).contains("walk.skip", "walk.home");
    assertThat(englishWalk.get("walk.home").asString()).isNotEqualTo(walk.has("walk.home") ? walk.get("walk.home").asString() : "");
    assertThat(new Api(port).get("/api/v1/messages/en?page=no-such-page").status()).isEqualTo(404);
  }

  private static JsonNode inlineMessages(String html) {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"dk-messages\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).isTrue();
    return tools.jackson.databind.json.JsonMapper.builder().build().readTree(m.group(1));
  }

  @Test
  void leafletComesFromTheWebjarsWithoutAVersionInTheAddress() {
    Api api = new Api(port);
    assertThat(api.get("/webjars/leaflet/dist/leaflet.js").status()).isEqualTo(200);
    assertThat(api.get("/webjars/leaflet-markercluster/leaflet.markercluster.js").status()).isEqualTo(200);
    assertThat(api.get("/webjars/chart.js/dist/chart.umd.js").status()).isEqualTo(200);
    assertThat(get("/dialoger/x").body()).contains("src=\"/webjars/leaflet/dist/leaflet.js\"");
  }

  @Test
  void swedishIsTheBaseBundleAndEnglishOverridesIt() {
    Api api = new Api(port);
    JsonNode sv = api.get("/api/v1/messages/sv").json();
    JsonNode en = api.get("/api/v1/messages/en").json();
    assertThat(sv.propertyNames()).isNotEmpty();
    assertThat(en.propertyNames()).containsAll(sv.propertyNames());
    assertThat(api.get("/api/v1/messages/de").status()).isEqualTo(422);
  }

  @Test
  void theSiteSettingsCarryTheBasemap() {
    JsonNode site = new Api(port).get("/api/v1/site").json();
    assertThat(site.get("basemap").get("url").asString()).isEmpty(); // tests run with no tiles
    assertThat(site.get("basemap").get("attribution").asString()).isEqualTo("\u00a9 OpenStreetMap contributors");
    assertThat(site.get("languages").toString()).isEqualTo("[\"sv\",\"lattlast\",\"en\",\"fi\",\"ar\"]");
    assertThat(site.get("textMaxLength").asInt()).isEqualTo(2000);
  }
}
