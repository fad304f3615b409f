package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A planner finds the neighbourhood page from the staff start page, imports a GeoJSON file with
 * the keyboard, sees what was imported and the list; a file with a bow-tie is refused with the
 * feature named, and nothing of it appears in the list.
 */
class NeighbourhoodsInBrowserTest extends BrowserTest {

  private static final String GOOD = """
      {"type":"FeatureCollection","features":[{"type":"Feature",
       "properties":{"code":"BRW-1","name":"Webbstaden","population":4200,"pop_25_44_woman":600,"pop_25_44_man":580},
       "geometry":{"type":"Polygon","coordinates":[[[17.6,58.0],[17.62,58.0],[17.62,58.02],[17.6,58.02],[17.6,58.0]]]}}]}""";
  private static final String BOW_TIE = """
      {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"BRW-2","name":"Flugan"},
       "geometry":{"type":"Polygon","coordinates":[[[17.6,58.0],[17.62,58.02],[17.62,58.0],[17.6,58.02],[17.6,58.0]]]}}]}""";

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @BeforeEach
  void clean() {
    jdbc.sql("DELETE FROM neighbourhood WHERE code LIKE 'BRW-%'").update();
  }

  @Test
  void aPlannerImportsNeighbourhoodsAndSeesARefusalExplained() {
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(planner);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.locator("#start-tools a[href='/personal/neighbourhoods.html']").click();
    page.waitForURL("**/personal/neighbourhoods.html");
    assertThat(page.locator("h1")).hasText("Stadsdelar");
    // The heading is in the page from the server; the form shows once the page knows who signed in.
    assertThat(page.locator("#neighbourhoods-content")).isVisible();

    page.locator("#area-file").setInputFiles(new FilePayload("stadsdelar.geojson", "application/geo+json",
        GOOD.getBytes(StandardCharsets.UTF_8)));
    page.locator("#area-file").focus();
    page.keyboard().press("Tab");
    assertThat(page.locator("#area-upload")).isFocused();
    page.keyboard().press("Enter");

    assertThat(page.locator("#area-result")).containsText("1 stadsdel inläst");
    assertThat(page.locator("#area-result")).isFocused();
    assertThat(page.locator("#area-rows tr[data-code='BRW-1']")).containsText("Webbstaden");
    assertThat(page.locator("#area-rows tr[data-code='BRW-1']")).containsText(java.util.regex.Pattern.compile("1.180 personer"));
    assertThat(consoleErrors).isEmpty();

    // On a phone the table scrolls in its own box; the page does not scroll sideways.
    page.setViewportSize(360, 740);
    assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    page.setViewportSize(1280, 800);

    page.locator("#area-file").setInputFiles(new FilePayload("fluga.geojson", "application/geo+json",
        BOW_TIE.getBytes(StandardCharsets.UTF_8)));
    page.locator("#area-upload").click();
    assertThat(page.locator("#area-result [role=alert]")).containsText("ingenting har sparats");
    assertThat(page.locator("#area-result")).containsText("BRW-2");
    assertThat(page.locator("#area-result")).containsText("korsar sig själv");
    assertThat(page.locator("#area-rows tr[data-code='BRW-2']")).hasCount(0);
    assertThat(consoleErrors).allSatisfy(e -> assertThat(e).contains("422"));
  }
}
