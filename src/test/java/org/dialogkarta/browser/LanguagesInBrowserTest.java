package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.dialogkarta.kernel.Messages;
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
 * Every citizen page in every shipped language and every staff page in Swedish and English,
 * checked by axe-core (WCAG 2.1 A/AA); Arabic pages right to left with the header mirrored
 * (screenshots under target/screenshots); a right-to-left override in a pin's text stays inside
 * the pin's text; the switch changes language and direction in place.
 */
class LanguagesInBrowserTest extends BrowserTest {

  private static final List<String> CITIZEN_LANGUAGES = List.of("sv", "lattlast", "en", "fi", "ar");
  private static final Path SCREENSHOTS = Path.of("target/screenshots");

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  /** axe's script is added to the page as a script element, which the pages' CSP would refuse. */
  @Override
  protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
    return super.contextOptions().setBypassCSP(true);
  }

  private void language(BrowserContext c, String lang) {
    c.addCookies(List.of(new Cookie("dk-lang", lang).setDomain("localhost").setPath("/")));
  }

  private String pin(TestData.Dialogue dialogue, String text) {
    Api.Response r = new Api(port).postJson("/api/v1/dialogues/" + dialogue.id() + "/pins",
        Api.pinJson("safety_concern", text, 16.19, 58.59), "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("receipt").asString();
  }

  private long walk(TestData.Dialogue dialogue) {
    String planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Api.Response r = new Api(port).postJson("/api/v1/staff/walks", """
        {"dialogue": "%s", "kind": "safety_walk", "title": "Kvällsvandring", "startsAt": "%s", "endsAt": "%s",
         "meetingPoint": {"type": "Point", "coordinates": [16.18, 58.59]}, "meetingPointName": "Torget",
         "plannedRoute": {"type": "LineString", "coordinates": [[16.18, 58.59], [16.185, 58.592]]},
         "groups": ["residents", "police"], "facilitator": "Trygghetssamordnaren", "light": "dark"}"""
        .formatted(dialogue.slug(), start, start.plus(3, ChronoUnit.HOURS)), "Authorization", planner);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  @Test
  void everyCitizenPageInEveryLanguagePassesAxe() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    String receipt = pin(dialogue, "Mörkt vid busshållplatsen på kvällarna");
    long walk = walk(dialogue);
    for (String lang : CITIZEN_LANGUAGES) {
      language(context, lang);
      String htmlLang = "lattlast".equals(lang) ? "sv" : lang;

      page.navigate(url("/"));
      page.locator("#dialogues-ongoing article.dialogue-card").first().waitFor();
      assertThat(page.locator("html")).hasAttribute("lang", htmlLang);
      Axe.check(page, lang + " start page");

      page.navigate(url("/dialoger/" + dialogue.slug()));
      page.locator("#map.leaflet-container").waitFor();
      page.locator("#map").click();
      page.locator("input[name=category][value=safety_concern]").waitFor();
      Axe.check(page, lang + " dialogue with the form open");

      page.navigate(url("/dialoger/" + dialogue.slug()));
      page.locator("#list-toggle").click();
      page.locator("#pin-list").waitFor();
      Axe.check(page, lang + " dialogue's list");

      page.navigate(url("/kvitto#" + receipt));
      page.locator("#receipt-pins .receipt-pin").first().waitFor();
      Axe.check(page, lang + " receipt");

      page.navigate(url("/vandring/" + walk));
      page.locator("#walk-map.leaflet-container").waitFor();
      Axe.check(page, lang + " walk mode");

      page.navigate(url("/folj"));
      page.locator("#follow-form").waitFor();
      page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
      Axe.check(page, lang + " following by e-mail");

      page.navigate(url("/tillganglighet"));
      page.locator("#a11y-report-text").waitFor();
      page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
      Axe.check(page, lang + " accessibility statement");
    }
    assertThat(consoleErrors).isEmpty();
  }

  /** The department's answer page (/svar, reached by the link in a forwarding's message) in every language. */
  @Test
  void theDepartmentsAnswerPagePassesAxe() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    String link = SvarLink.forwarded(port, jdbc, dialogue, new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    for (String lang : CITIZEN_LANGUAGES) {
      language(context, lang);
      page.navigate(url(link));
      page.locator("li.answer-pin").first().waitFor();
      page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
      Axe.check(page, lang + " department's answer page");
    }
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void everyStaffPageInSwedishAndEnglishPassesAxe() {
    String admin = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);
    page.navigate(url("/logga-in"));
    Axe.check(page, "sv sign-in");
    page.locator("#username").fill(admin);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    long walk = walk(dialogue);
    List<String> pages = List.of("/personal/", "/personal/accounts.html", "/personal/audit.html",
        "/personal/departments.html", "/personal/dialogues.html", "/personal/moderation.html", "/personal/analys",
        "/personal/exporter", "/personal/neighbourhoods.html", "/personal/views.html", "/personal/report.html",
        "/personal/walks.html", "/personal/meeting.html", "/personal/dialoger/" + dialogue.id() + "/fragor",
        "/personal/vandring/" + walk + "/rapport", "/personal/walk-method.html?walk=" + walk,
        "/personal/walk-actions.html", "/personal/languages.html", "/personal/utskick", "/personal/api-clients.html",
        "/personal/accessibility.html");
    for (String lang : List.of("sv", "en")) {
      language(context, lang);
      for (String path : pages) {
        page.navigate(url(path));
        assertThat(page.locator("html")).hasAttribute("lang", lang);
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        Axe.check(page, lang + " " + path);
      }
    }
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void arabicPagesRunRightToLeftWithTheHeaderMirrored() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    pin(dialogue, "\u202Eباب مكسور\u202C and then some Latin words");
    language(context, "ar");
    page.navigate(url("/"));
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(page.locator("html")).hasAttribute("lang", "ar");
    page.locator("#dialogues-ongoing article.dialogue-card").first().waitFor();
    var brand = page.locator(".site-header .brand").boundingBox();
    assertThat(brand.x).as("the logo is at the right edge").isGreaterThan(1280 / 2.0);
    var select = page.locator("#lang-switch").boundingBox();
    assertThat(select.x).as("the language switch is at the left").isLessThan(1280 / 2.0);
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ar-start.png")));

    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#map.leaflet-container").waitFor();
    assertThat(page.locator("#map")).hasAttribute("dir", "ltr");
    page.locator("#list-toggle").click();
    var text = page.locator("#pin-list .pin-text").first();
    assertThat(text).hasAttribute("dir", "auto");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ar-dialogue-list.png")).setFullPage(true));

    language(context, "sv");
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#list-toggle").click();
    assertThat(page.locator("html")).hasAttribute("dir", "ltr");
    assertThat(page.locator("#pin-list .pin-text").first()).hasAttribute("dir", "auto");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sv-dialogue-list-rlo.png")).setFullPage(true));
    var sv = page.locator(".site-header .brand").boundingBox();
    assertThat(sv.x).as("Swedish: the logo at the left, whatever a pin says").isLessThan(1280 / 2.0);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void theSwitchChangesLanguageAndDirectionInPlaceAndIsRemembered() {
    new TestData(jdbc).openDialogue();
    page.navigate(url("/"));
    assertThat(page.locator("html")).hasAttribute("lang", "sv");
    page.locator("#lang-switch").selectOption("ar");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(page.locator("html")).hasAttribute("lang", "ar");
    assertThat(page.locator(".skip-link").first()).hasText(Messages.get("ar", "nav.skip"));
    page.locator("#lang-switch").selectOption("lattlast");
    assertThat(page.locator("html")).hasAttribute("lang", "sv");
    assertThat(page.locator("html")).hasAttribute("dir", "ltr");
    assertThat(page.locator("html")).hasAttribute("data-lang", "lattlast");
    page.reload();
    assertThat(page.locator("html")).hasAttribute("data-lang", "lattlast");
    assertThat(page.locator("#lang-switch")).hasValue("lattlast");
    assertThat(page.evaluate("() => localStorage.getItem('dialogkarta.lang')")).isEqualTo("lattlast");
    assertThat(consoleErrors).isEmpty();
  }
}
