package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.net.URI;
import java.net.http.HttpRequest;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The analysis map on the demo municipality (its own database, loaded as {@code make run} loads
 * it): on the safety walk and the village dialogue the hotspot layer shows a handful of hot
 * places at most, every hexagon lies in the study area, and the legend says which scale was used
 * and why.
 */
@TestPropertySource(properties = {
    "spring.datasource.url=${DIALOGKARTA_DEMO_TEST_DB_URL:jdbc:postgresql://127.0.0.1:${DIALOGKARTA_PG_PORT:55432}/dialogkarta_demo_test}",
    "dialogkarta.demo-data=true"})
class DemoHotspotsBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private String planner;

  @BeforeEach
  void account() {
    planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"trygghetsvandring-navestad-2026", "service-pa-landsbygden"})
  void aHandfulOfHotPlacesInsideTheStudyAreaAndTheScaleExplained(String slug) throws Exception {
    signIn();
    long id = jdbc.sql("SELECT id FROM dialogue WHERE slug = :s").param("s", slug).query(Long.class).single();
    page.navigate(url("/personal/analys?dialogue=" + id + "&layers=hotspots"));

    Locator legend = page.locator("#legend-hotspots");
    assertThat(legend).isVisible();
    assertThat(page.locator("#legend-hotspots-scale")).containsText("Avståndsbandet");
    assertThat(page.locator("#legend-hotspots-scale")).containsText("Hexagonerna är");
    assertThat(page.locator("#legend-hotspots-meaning")).containsText("fler synpunkter än omgivningen");
    assertThat(page.locator("#layer-hotspots-status")).containsText("het");
    assertThat(page.locator("#map path.analysis-study-area").first()).isAttached();
    assertThat(page.locator("#map path.analysis-hex").first()).isAttached();
    int hotDrawn = page.locator("#map path[class*='analysis-hex--hot_']").count();
    // For a person to look at (target/ is not kept).
    page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
        .setPath(java.nio.file.Path.of("target", "demo-hotspots-" + slug + ".png")).setFullPage(true));

    // The same answer from the API: few hot places, and every hexagon in the study area.
    Api.Response r = new Api(port).send(HttpRequest.newBuilder(URI.create(url("/api/v1/analysis/hotspots?dialogue=" + id)))
        .header("Authorization", StaffAccounts.basic(planner)).GET());
    JsonNode body = r.json();
    assertThat(body.get("outcome").asString()).isEqualTo("tested");
    assertThat(body.get("hotPlaces").asInt()).isLessThanOrEqualTo(5);
    int hot = 0;
    GeoJsonReader reader = new GeoJsonReader();
    Geometry area = reader.read(body.get("studyArea").get("geometry").toString());
    double cellDegrees = body.get("scale").get("cellSize").asDouble() / 55_000;
    for (JsonNode f : body.get("features")) {
      hot += f.get("properties").get("class").asString().startsWith("hot") ? 1 : 0;
      Geometry hexagon = reader.read(f.get("geometry").toString());
      assertThat(area.buffer(cellDegrees).contains(hexagon.getCentroid())).as(f.get("id").asString()).isTrue();
    }
    assertThat(hotDrawn).isEqualTo(hot);
    assertThat(hot).isLessThan(body.get("cellCount").asInt() / 8);
    assertThat(consoleErrors).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void neighbourhoodsOutsideTheWalksStudyAreaAreNotPartOfIt() {
    signIn();
    long id = jdbc.sql("SELECT id FROM dialogue WHERE slug = 'trygghetsvandring-navestad-2026'").query(Long.class).single();
    page.navigate(url("/personal/analys?dialogue=" + id + "&layers=neighbourhoods"));
    Locator legend = page.locator("#legend-neighbourhoods");
    assertThat(legend).isVisible();
    assertThat(legend).containsText("Klasser efter kvantiler");
    assertThat(legend).containsText("Inte del av dialogen");
    assertThat(page.locator("#map path.analysis-neighbourhood--outside").first()).isAttached();
    // Navestad itself is shaded; the table says the others are not part of the dialogue.
    assertThat(page.locator("#map path.analysis-neighbourhood:not(.analysis-neighbourhood--outside)").first()).isAttached();
    assertThat(consoleErrors).isEmpty();
  }

  private void signIn() {
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(planner);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
  }
}
