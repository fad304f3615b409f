package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.Cookie;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.Axe;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A planner writes a walk's description in the walk form by keyboard (with a counter) and its
 * Finnish version in the walk's languages section; walk mode in Finnish shows the Finnish text,
 * in Arabic the Swedish one marked lang="sv" with the note; axe finds nothing on either page.
 */
class WalkDescriptionInBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  /** axe's script is added to the page as a script element, which the pages' CSP would refuse. */
  @Override
  protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
    return super.contextOptions().setBypassCSP(true);
  }

  @Test
  void aPlannerDescribesTheWalkAndWalkModeShowsItInThePagesLanguage() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Api.Response created = new Api(port).postJson("/api/v1/staff/walks", """
        {"dialogue": "%s", "kind": "safety_walk", "title": "Kvällsvandring vid torget", "startsAt": "%s", "endsAt": "%s",
         "meetingPoint": {"type": "Point", "coordinates": [16.18, 58.59]}, "meetingPointName": "Torget",
         "plannedRoute": {"type": "LineString", "coordinates": [[16.18, 58.59], [16.185, 58.592]]},
         "groups": ["residents"], "facilitator": "Trygghetssamordnaren", "light": "dark"}"""
        .formatted(d.slug(), start, start.plus(3, ChronoUnit.HOURS)), "Authorization", StaffAccounts.basic(planner));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long walk = created.json().get("id").asLong();

    page.navigate(url("/logga-in"));
    page.locator("#username").fill(planner);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.navigate(url("/personal/walks.html?dialogue=" + d.id()));
    page.locator("li[data-walk='" + walk + "'] button").filter(new Locator.FilterOptions().setHasText("Ändra")).click();
    // The form holds the walk before anything is typed into it.
    assertThat(page.locator("#wf-title")).hasValue("Kvällsvandring vid torget");
    assertThat(page.locator("#wf-description")).hasValue("");
    assertThat(page.locator("#wf-description-counter")).containsText("0 av");

    page.locator("#wf-description").focus();
    page.keyboard().type("Vi går runt torget.");
    page.keyboard().press("Enter");
    page.keyboard().type("Ta med ficklampa.");
    assertThat(page.locator("#wf-description-counter")).containsText("37 av");
    Axe.check(page, "the walk form with a description");
    page.locator("#wf-save").focus();
    page.keyboard().press("Enter");
    assertThat(page.locator("#walk-form")).isHidden();
    assertThat(jdbc.sql("SELECT description FROM walk WHERE id = :id").param("id", walk).query(String.class).single())
        .isEqualTo("Vi går runt torget.\nTa med ficklampa.");

    // The Finnish version, in the languages section under the form.
    page.locator("li[data-walk='" + walk + "'] button").filter(new Locator.FilterOptions().setHasText("Ändra")).click();
    assertThat(page.locator("#wf-description")).hasValue("Vi går runt torget.\nTa med ficklampa.");
    page.locator("#translation-description").waitFor();
    page.locator("#translation-language").selectOption("fi");
    assertThat(page.locator("#translation-description")).hasAttribute("lang", "fi");
    page.locator("#translation-description").fill("Kävelemme torin ympäri.\nOta taskulamppu mukaan.");
    page.locator("#translation-save").click();
    assertThat(page.locator("#translation-status")).containsText("Finska");
    assertThat(jdbc.sql("SELECT text FROM walk_translation WHERE walk_id = :w AND language = 'fi' AND field = 'description'")
        .param("w", walk).query(String.class).single()).isEqualTo("Kävelemme torin ympäri.\nOta taskulamppu mukaan.");

    context.addCookies(List.of(new Cookie("dk-lang", "fi").setUrl(url("/"))));
    page.navigate(url("/vandring/" + walk));
    Locator description = page.locator("#walk-description .walk-description");
    assertThat(description.locator("p")).hasText(new String[] {"Kävelemme torin ympäri.", "Ota taskulamppu mukaan."});
    assertThat(description).hasAttribute("dir", "auto");
    assertThat(description).not().hasAttribute("lang", "sv");
    assertThat(page.locator("#walk-description")).not().containsText("(ruotsiksi)");
    page.locator("#walk-map.leaflet-container").waitFor();
    Axe.check(page, "walk mode in Finnish with a description");

    context.addCookies(List.of(new Cookie("dk-lang", "ar").setUrl(url("/"))));
    page.navigate(url("/vandring/" + walk));
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(description.locator("p")).hasText(new String[] {"Vi går runt torget.", "Ta med ficklampa."});
    assertThat(description).hasAttribute("lang", "sv");
    assertThat(description).hasAttribute("dir", "auto");
    assertThat(page.locator("#walk-description")).containsText("(باللغة السويدية)");
    page.locator("#walk-map.leaflet-container").waitFor();
    Axe.check(page, "walk mode in Arabic with a Swedish description");
    assertThat(consoleErrors).isEmpty();
  }
}
