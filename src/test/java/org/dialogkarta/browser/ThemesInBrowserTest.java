package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Random;
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
 * A planner finds the themes of a dialogue (lighting in one spot, buses spread out), narrows the
 * pin layer to one theme, and asks a cluster "what is said here"; a comment holding markup never
 * becomes an element. The panel also fits a phone.
 */
class ThemesInBrowserTest extends BrowserTest {

  private static final String[] LIGHTS = {
      "Lamporna vid gångvägen är trasiga och det är mörkt", "Gatlampan lyser inte, mörkt på kvällen",
      "Mer belysning, lamporna är släckta", "Mörkt i tunneln, lampan är trasig",
      "Belysningen vid skolan är trasig, mörkt", "Lamporna i parken släcks för tidigt, mörkt",
      "Trasig lampa och mörk gångväg <img src=x onerror=alert(1)>", "Det är mörkt, sätt upp fler lampor",
      "Lampan blinkar och det är mörkt", "Mörkt vid lamporna på parkeringen"};
  private static final String[] BUSES = {
      "Bussen går för sällan till centrum", "Busshållplatsen saknar väderskydd, bussen är sen",
      "Fler bussturer på kvällen, bussen är full", "Bussen stannar inte vid hållplatsen",
      "Sista bussen går för tidigt", "Hållplatsen behöver en bänk, bussen dröjer",
      "Bussen till sjukhuset går för sällan", "Busskuren vid hållplatsen är trasig, bussen sen",
      "Bussen kommer aldrig i tid", "Hållplatsen för bussen ligger för långt bort"};

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private TestData.Dialogue dialogue;
  private String planner;

  @BeforeEach
  void data() {
    dialogue = new TestData(jdbc).openDialogue();
    Random random = new Random(9);
    for (String text : LIGHTS) {
      pin(16.180 + random.nextGaussian() * 0.0001, 58.590 + random.nextGaussian() * 0.00006, text);
    }
    for (String text : BUSES) {
      pin(16.142 + random.nextDouble() * 0.076, 58.572 + random.nextDouble() * 0.01, text);
    }
    planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
  }

  @Test
  void themesListNarrowThePinLayerAndSayWhatIsSaidInACluster() {
    signIn(page);
    page.navigate(url("/personal/analys?dialogue=" + dialogue.slug() + "&layers=clusters"));
    assertThat(page.locator("#layer-clusters-status")).not().isEmpty();
    page.locator("#themes-load").click();
    Locator themes = page.locator("#themes-list li.theme");
    assertThat(themes.first()).isVisible();
    assertThat(page.locator("#themes-status")).containsText("20 synpunkter");
    assertThat(themes).not().hasCount(0);
    assertThat(page.locator("#themes-method")).containsText("TF-IDF");
    // Markup in a comment is text, not an element, wherever it is shown.
    assertThat(page.locator("img[src=x]")).hasCount(0);

    Locator lightTheme = themes.filter(new Locator.FilterOptions().setHasText("mörkt"));
    assertThat(lightTheme).hasCount(1);
    String count = lightTheme.locator("p.hint span").first().textContent().replaceAll("\\D", "");
    lightTheme.locator("button").press("Enter");
    assertThat(lightTheme.locator("button")).hasAttribute("aria-pressed", "true");
    // The pin layer was off: showing a theme switches it on.
    assertThat(page.locator("#layer-pins")).isChecked();
    assertThat(page.locator("#themes-map-status")).containsText(count + " synpunkter");
    assertThat(page.locator("#themes-show-all")).isVisible();
    page.waitForFunction("(n) => { let s = document.querySelectorAll('#map path.analysis-pin').length;"
        + " for (const c of document.querySelectorAll('#map .marker-cluster span')) s += Number(c.textContent);"
        + " return s === n; }", Integer.parseInt(count));
    page.locator("#themes-show-all").click();
    page.waitForFunction("() => { let s = document.querySelectorAll('#map path.analysis-pin').length;"
        + " for (const c of document.querySelectorAll('#map .marker-cluster span')) s += Number(c.textContent);"
        + " return s === 20; }");

    // What is said in the cluster of lighting comments.
    page.locator(".layer[data-layer=clusters] .layer__list summary").click();
    page.locator(".layer[data-layer=clusters] .layer__list button").first().click();
    assertThat(page.locator("#selection")).isVisible();
    page.locator("#selection-themes-ask").click();
    Locator here = page.locator("#selection-themes-result li.theme");
    assertThat(here.first()).isVisible();
    assertThat(here.first()).containsText("mörkt");
    assertThat(page.locator("img[src=x]")).hasCount(0);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void onAPhoneTheThemesFitTheScreen() {
    BrowserContext phone = newPhoneContext();
    try {
      Page p = phone.newPage();
      signIn(p);
      p.navigate(url("/personal/analys?dialogue=" + dialogue.slug() + "&layers=pins"));
      p.locator("#themes-load").tap();
      assertThat(p.locator("#themes-list li.theme").first()).isVisible();
      Object width = p.evaluate("document.documentElement.scrollWidth");
      assertThat(((Number) width).intValue()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
    } finally {
      phone.close();
    }
  }

  private void signIn(Page p) {
    p.navigate(url("/logga-in"));
    p.locator("#username").fill(planner);
    p.locator("#password").fill(StaffAccounts.PASSWORD);
    p.locator("#login-submit").click();
    p.waitForURL("**/personal/");
  }

  private void pin(double lon, double lat, String text) {
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, created_at)
            VALUES (:d, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'suggestion', :t, now())""")
        .param("d", dialogue.id()).param("lon", lon).param("lat", lat).param("t", text).update();
  }
}
