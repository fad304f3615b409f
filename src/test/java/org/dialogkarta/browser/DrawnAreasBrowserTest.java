package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A planner switches on "Ritade områden" on the analysis map and sees the shaded grid and its legend. */
class DrawnAreasBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void theAreasDrawnLayerShowsWhereAreasOverlap() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    for (String wkt : new String[] {"POLYGON((16.16 58.58, 16.19 58.58, 16.19 58.60, 16.16 58.60, 16.16 58.58))",
        "POLYGON((16.17 58.585, 16.20 58.585, 16.20 58.605, 16.17 58.605, 16.17 58.585))"}) {
      jdbc.sql("""
          INSERT INTO pin (dialogue_id, location, drawn_shape, category, text)
          SELECT :d, ST_PointOnSurface(g), g, 'suggestion', 'Område' FROM (SELECT ST_GeomFromText(:wkt, 4326) AS g) s""")
          .param("d", dialogue.id()).param("wkt", wkt).update();
    }
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(planner);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");

    page.navigate(url("/personal/analys?dialogue=" + dialogue.slug() + "&layers=drawnAreas"));
    assertThat(page.locator("#layer-drawnAreas")).isChecked();
    assertThat(page.locator("#layer-drawnAreas-status")).hasText("2 ritade områden i vyn");
    assertThat(page.locator("#legend-drawnAreas")).isVisible();
    assertThat(page.locator("#legend-drawnAreas-list")).containsText("upp till 2 områden");
    assertThat(page.locator("#map path.analysis-drawn-area").count()).isGreaterThan(10);
    assertThat(consoleErrors).isEmpty();
  }
}
