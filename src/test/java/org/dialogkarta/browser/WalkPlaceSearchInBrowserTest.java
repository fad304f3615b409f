package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.Axe;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The place search in walk mode, on a phone: a participant finds a named stop by typing, picks it
 * with the keyboard, the map is centred there (the next Enter on the map takes the place, and the
 * pin saved is stored there); without a connection the search says it needs one and the rest of
 * walk mode goes on working. Axe finds nothing in Swedish and Arabic. Its gazetteer rows carry
 * the district {@value #MARK}.
 */
class WalkPlaceSearchInBrowserTest extends BrowserTest {

  private static final String MARK = "WALKSEARCH-B";
  /** Inside TestData's study area, away from the walk's meeting point (16.18, 58.59). */
  private static final double STOP_LON = 16.2031;
  private static final double STOP_LAT = 58.6012;

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  /** Axe is injected as a script element, which the page's policy would refuse. */
  @Override
  protected Browser.NewContextOptions contextOptions() {
    return super.contextOptions().setBypassCSP(true);
  }

  @BeforeEach
  void seedGazetteer() {
    removeGazetteer();
    place("Vandringsgläntan", "landmark", STOP_LON, STOP_LAT);
    place("Vandringsgatan 3", "address", 16.1501, 58.5801);
  }

  @AfterEach
  void removeGazetteer() {
    jdbc.sql("DELETE FROM place WHERE district = :m").param("m", MARK).update();
  }

  @Test
  void findANamedStopWithTheKeyboardAndThePinIsMadeThere() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    long walk = planWalk(dialogue);
    BrowserContext phone = newPhoneContext(); // no position: the map stays where the search puts it
    phone.setDefaultTimeout(15_000);
    List<String> errors = new ArrayList<>();
    try {
      Page p = phone.newPage();
      p.onConsoleMessage(m -> {
        if ("error".equals(m.type())) {
          errors.add(m.text());
        }
      });
      p.navigate(url("/vandring/" + walk));
      p.locator("#walk-map.leaflet-container").waitFor();
      Locator box = p.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Sök adress eller ort"));
      assertThat(box).isVisible();
      assertThat(box).hasAttribute("aria-expanded", "false");

      box.focus();
      p.keyboard().type("vandringsglant");
      Locator list = p.getByRole(AriaRole.LISTBOX);
      Locator first = list.getByRole(AriaRole.OPTION).first();
      assertThat(first).containsText("Vandringsgläntan");
      assertThat(first).containsText("Plats");
      // For a person to look at (target/ is not kept): the search above the walk map on a phone.
      p.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "walk-place-search.png")));
      p.keyboard().press("ArrowDown");
      assertThat(first).hasAttribute("aria-selected", "true");
      p.keyboard().press("Enter");

      assertThat(list).isHidden();
      assertThat(box).hasValue("Vandringsgläntan, " + MARK);
      assertThat(p.locator("#walk-map")).isFocused();
      assertThat(p.locator("#walk-place-search [role=status]")).containsText("Kartan visar nu Vandringsgläntan");

      // The map is centred on the stop: Enter takes the crosshair's place, and a pin goes there.
      p.keyboard().press("Enter");
      assertThat(p.locator("#walk-position")).containsText("Plats vald");
      p.locator("button.walk-category[data-category=safety_concern]").click();
      p.locator("#walk-text").fill("Vid gläntan: mörkt");
      p.locator("#walk-save").click();
      eventually(() -> jdbc.sql("SELECT count(*) FROM pin WHERE walk_id = :w").param("w", walk)
          .query(Long.class).single() == 1, "the pin at the stop");
      double[] at = jdbc.sql("SELECT ST_X(location) AS lon, ST_Y(location) AS lat FROM pin WHERE walk_id = :w")
          .param("w", walk).query((rs, i) -> new double[] {rs.getDouble("lon"), rs.getDouble("lat")}).single();
      assertThat(at[0]).isCloseTo(STOP_LON, within(0.0003));
      assertThat(at[1]).isCloseTo(STOP_LAT, within(0.0003));
      assertThat(errors).isEmpty();
    } finally {
      phone.close();
    }
  }

  @Test
  void offlineTheSearchSaysItNeedsAConnectionAndWalkModeGoesOn() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    long walk = planWalk(dialogue);
    BrowserContext phone = newPhoneContext();
    phone.setDefaultTimeout(15_000);
    List<String> errors = new ArrayList<>();
    try {
      Page p = phone.newPage();
      p.onConsoleMessage(m -> {
        if ("error".equals(m.type())) {
          errors.add(m.text());
        }
      });
      p.onPageError(errors::add);
      // Walk mode's own sending may fail while offline (it retries); the search must not even ask.
      List<String> placeRequests = new ArrayList<>();
      p.onRequest(r -> {
        if (r.url().contains("/api/v1/places")) {
          placeRequests.add(r.url());
        }
      });
      p.navigate(url("/vandring/" + walk));
      p.locator("#walk-map.leaflet-container").waitFor();
      Locator box = p.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Sök adress eller ort"));
      assertThat(box).isVisible();

      phone.setOffline(true);
      assertThat(p.locator("#walk-offline")).isVisible();
      box.tap();
      p.keyboard().type("vandringsgatan");
      Locator status = p.locator("#walk-place-search [role=status]");
      assertThat(status).containsText("Sökningen behöver en internetanslutning");
      assertThat(status).isVisible(); // said on screen too, not only to screen readers
      assertThat(p.getByRole(AriaRole.LISTBOX)).isHidden();
      assertThat(box).hasAttribute("aria-expanded", "false");
      assertThat(placeRequests).isEmpty();
      p.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "walk-place-search-offline.png")));

      // Nothing else broke: a pin is still saved on the phone, waiting for the network.
      p.locator("#walk-map").tap();
      p.locator("button.walk-category[data-category=suggestion]").tap();
      p.locator("#walk-save").tap();
      assertThat(p.locator("#walk-queued")).hasText("1");

      // Back online, the same search finds the street.
      phone.setOffline(false);
      box.fill("");
      box.focus();
      p.keyboard().type("vandringsgatan");
      assertThat(p.getByRole(AriaRole.LISTBOX).getByRole(AriaRole.OPTION).first()).containsText("Vandringsgatan 3");
      assertThat(status).not().containsText("internetanslutning");
      assertThat(placeRequests).hasSize(1);
      // Only loads the network refused while offline (Chromium says ERR_INTERNET_DISCONNECTED, or
      // ERR_FAILED for one the service worker passed on): no script error.
      assertThat(errors).allMatch(e -> e.matches("Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|FAILED)"),
          "only failed loads while offline");
    } finally {
      phone.close();
    }
  }

  @Test
  void axeFindsNothingInSwedishAndArabicWithTheSuggestionsOpen() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    long walk = planWalk(dialogue);
    for (String lang : List.of("sv", "ar")) {
      context.addCookies(List.of(new Cookie("dk-lang", lang).setDomain("localhost").setPath("/")));
      page.navigate(url("/vandring/" + walk));
      page.locator("#walk-map.leaflet-container").waitFor();
      Locator box = page.locator("#walk-place-search [role=combobox]");
      assertThat(box).isVisible();
      box.focus();
      page.keyboard().type("vandrings");
      assertThat(page.getByRole(AriaRole.LISTBOX).getByRole(AriaRole.OPTION)).hasCount(2);
      assertThat(page.locator("html")).hasAttribute("lang", lang);
      if ("ar".equals(lang)) {
        assertThat(page.locator("#walk-place-search label")).not().containsText("Sök");
      }
      Axe.check(page, lang + " walk mode with the place search open");
    }
    assertThat(consoleErrors).isEmpty();
  }

  private void place(String name, String kind, double lon, double lat) {
    jdbc.sql("""
            INSERT INTO place (name, kind, municipality, district, location)
            VALUES (:name, :kind, 'Testkommun', :m, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))""")
        .param("name", name).param("kind", kind).param("m", MARK).param("lon", lon).param("lat", lat).update();
  }

  private long planWalk(TestData.Dialogue dialogue) {
    String planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Api.Response r = new Api(port).postJson("/api/v1/staff/walks", """
        {"dialogue": "%s", "kind": "safety_walk", "title": "Kvällsvandring", "startsAt": "%s", "endsAt": "%s",
         "meetingPoint": {"type": "Point", "coordinates": [16.18, 58.59]}, "meetingPointName": "Torget",
         "plannedRoute": {"type": "LineString", "coordinates": [[16.18, 58.59], [16.185, 58.592]]},
         "groups": ["residents"], "facilitator": "Trygghetssamordnaren", "light": "dark"}"""
        .formatted(dialogue.slug(), start, start.plus(3, ChronoUnit.HOURS)), "Authorization", planner);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }
}
