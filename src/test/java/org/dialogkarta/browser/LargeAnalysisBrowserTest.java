package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The analysis map of a dialogue with 20,000 pins reads only the view: the pin layer shows
 * groups with exact counts (they add up to the pins in view), a group chosen by keyboard zooms
 * in until the pins are shown one by one, and the heat map is drawn from the view's grid.
 */
class LargeAnalysisBrowserTest extends BrowserTest {

  private static final int PINS = 20_000;

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private TestData.Dialogue dialogue;
  private String planner;

  @BeforeEach
  void data() {
    dialogue = new TestData(jdbc).openDialogue();
    // A lattice over the study area (16.14–16.22 E, 58.57–58.61 N), denser towards its middle.
    jdbc.sql("""
        INSERT INTO pin (dialogue_id, location, category, text, created_at)
        SELECT :d, ST_SetSRID(ST_MakePoint(16.18 + 0.038 * sin(g * 1.7) * sqrt((g % 997) / 997.0),
                                           58.59 + 0.018 * cos(g * 1.7) * sqrt((g % 991) / 991.0)), 4326),
               CASE WHEN g % 3 = 0 THEN 'safety_concern' ELSE 'suggestion' END, 'Många synpunkter',
               now() - make_interval(days => g % 20)
        FROM generate_series(1, :n) g""").param("d", dialogue.id()).param("n", PINS).update();
    planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
  }

  @Test
  void groupsWithExactCountsZoomInToSinglePinsAndTheHeatMapIsDrawn() {
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(planner);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.navigate(url("/personal/analys?dialogue=" + dialogue.slug() + "&layers=pins,heat"));

    Locator status = page.locator("#layer-pins-status");
    assertThat(status).containsText("grupper", new com.microsoft.playwright.assertions.LocatorAssertions
        .ContainsTextOptions().setTimeout(30_000));
    Locator groups = page.locator("#map .analysis-group");
    assertThat(groups.first()).isVisible();
    // The groups' counts add up to the pins in view, which here is the whole study area.
    Object sum = page.evaluate("() => [...document.querySelectorAll('#map .analysis-group span')]"
        + ".reduce((n, s) => n + Number(s.textContent.replace(/\\s/g, '')), 0)");
    assertThat(((Number) sum).intValue()).isEqualTo(PINS);
    assertThat(status).containsText("20");
    assertThat(page.locator("#map .analysis-pin")).hasCount(0);
    assertThat(page.locator("#layer-heat-status")).containsText("synpunkter i kartutsnittet");
    assertThat(AnalysisMapBrowserTest.inkedPixels(page, "canvas.analysis-heat")).isGreaterThan(1000);

    // By keyboard: a group is a button and Enter zooms in; a few steps down the view holds few
    // enough pins to show them one by one (grouped in the browser by markercluster).
    Pattern single = Pattern.compile("^\\d[\\d\\s\u00a0\u202f]* synpunkt(er)?\\.$");
    for (int step = 0; step < 8 && !single.matcher(status.textContent()).matches(); step++) {
      String scale = page.locator(".leaflet-control-scale-line").first().textContent();
      groups.first().focus();
      page.keyboard().press("Enter");
      assertThat(page.locator(".leaflet-control-scale-line").first()).not().hasText(scale);
      page.waitForTimeout(400); // the view is read again once the map has come to rest
      assertThat(page.locator("#map-wrap")).not().hasAttribute("aria-busy", "true",
          new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
    }
    assertThat(status).hasText(single);
    assertThat(groups).hasCount(0);
    assertThat(page.locator("#map .analysis-pin, #map .marker-cluster").first()).isAttached();
    assertThat(consoleErrors).isEmpty();
  }
}
