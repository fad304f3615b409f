package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Random;
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
 * A planner opens the analysis map, switches the hotspots on, filters to safety concerns and sees
 * the legend, the hexagons and the charts with the test data's counts; the view survives a
 * reload from its address, a hot hexagon's pins get one reply, and the page works on a phone.
 */
class AnalysisMapBrowserTest extends BrowserTest {

  /** 30 safety concerns within about 15 m of one spot: a hotspot in any sensible grid. */
  private static final int SPOT = 30;
  private static final int SAFETY_SPREAD = 12;
  private static final int SUGGESTIONS = 10;
  private static final int SERVICE_GAPS = 5;

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private TestData.Dialogue dialogue;
  private String planner;

  @BeforeEach
  void data() {
    dialogue = new TestData(jdbc).openDialogue();
    Random random = new Random(5);
    for (int i = 0; i < SPOT; i++) {
      pin("safety_concern", 16.180 + random.nextGaussian() * 0.0001, 58.590 + random.nextGaussian() * 0.00006, i % 14);
    }
    // The rest spread over the whole study area (16.14–16.22 E, 58.57–58.61 N), away from the spot.
    spread(random, "safety_concern", SAFETY_SPREAD);
    spread(random, "suggestion", SUGGESTIONS);
    spread(random, "service_gap", SERVICE_GAPS);
    planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
  }

  @Test
  void aPlannerFindsTheSafetyHotspotSeesLegendAndChartsAndRepliesToItsPins() {
    signIn(page);
    page.locator("a#nav-analysis").click();
    page.waitForURL("**/personal/analys**");
    page.locator("#f-dialogue").selectOption(String.valueOf(dialogue.id()));
    Locator categoryTable = page.locator("#chart-categories-table");
    assertThat(page.locator("#charts-total")).hasText(total(SPOT + SAFETY_SPREAD + SUGGESTIONS + SERVICE_GAPS));
    assertThat(categoryTable.locator("tr:has(th:text-is('Förslag')) td")).hasText(String.valueOf(SUGGESTIONS));
    assertThat(categoryTable.locator("tr:has(th:text-is('Service som saknas')) td")).hasText(String.valueOf(SERVICE_GAPS));

    page.locator("#layer-hotspots").check();
    page.locator("#f-category-choices input[value=safety_concern]").check();
    assertThat(page).hasURL(Pattern.compile("category=safety_concern"));
    assertThat(page).hasURL(Pattern.compile("layers=[^&]*hotspots"));

    // The legend: all seven classes, with how many hexagons each has.
    Locator legend = page.locator("#legend-hotspots");
    assertThat(legend).isVisible();
    assertThat(legend.locator(".legend__item")).hasCount(7);
    assertThat(legend).containsText("Hotspot, 99 % konfidens");
    assertThat(legend).containsText("Kall fläck, 90 % konfidens");
    assertThat(page.locator("#layer-hotspots-status")).containsText("heta");
    // Hexagons on the map, at least one of them hot, and the hot ones listed for the keyboard.
    assertThat(page.locator("#map path.analysis-hex").first()).isAttached();
    assertThat(page.locator("#map path[class*='analysis-hex--hot_']").first()).isAttached();
    assertThat(legend.locator("[data-class=hot_99] .legend__count, [data-class=hot_95] .legend__count").first()).isVisible();

    // Charts for the safety concerns only: the table behind the category chart, and a drawn canvas.
    assertThat(page.locator("#charts-total")).hasText(total(SPOT + SAFETY_SPREAD));
    page.locator("#chart-categories summary").click();
    assertThat(categoryTable.locator("tbody tr")).hasCount(1);
    assertThat(categoryTable.locator("tr:has(th:text-is('Trygghet')) td")).hasText(String.valueOf(SPOT + SAFETY_SPREAD));
    assertThat(categoryTable.locator("tbody tr").first()).isVisible();
    assertThat(page.locator("#chart-categories-canvas")).hasAttribute("aria-label", "Trygghet: " + (SPOT + SAFETY_SPREAD));
    assertThat(inkedPixels(page, "#chart-categories-canvas")).isGreaterThan(500);
    page.locator("#chart-weeks summary").click();
    assertThat(page.locator("#chart-weeks-table tbody tr").first()).isVisible();

    // The address holds the view: opened again, the same filters and layers are on.
    page.reload();
    assertThat(page.locator("#f-category-choices input[value=safety_concern]")).isChecked();
    assertThat(page.locator("#layer-hotspots")).isChecked();
    assertThat(page.locator("#f-dialogue")).hasValue(String.valueOf(dialogue.id()));
    assertThat(page.locator("#map path[class*='analysis-hex--hot_']").first()).isAttached();

    // The hottest hexagon's pins in the side panel, and one reply to all of them.
    page.locator(".layer[data-layer=hotspots] .layer__list summary").click();
    page.locator(".layer[data-layer=hotspots] .layer__list button").first().click();
    Locator selection = page.locator("#selection");
    assertThat(selection).isVisible();
    assertThat(selection.locator(".selection-pin").first()).containsText("Trygghet");
    int listed = selection.locator(".selection-pin").count();
    assertThat(listed).isGreaterThanOrEqualTo(5);
    page.locator("#selection-reply-text").fill("Vi ser över belysningen vid platsen i vår.");
    page.locator("#selection-reply-send").click();
    assertThat(page.locator("#analysis-status")).containsText("Svaret skickades");
    long answered = jdbc.sql("""
            SELECT count(DISTINCT pr.pin_id) FROM pin_reply pr JOIN reply r ON r.id = pr.reply_id
            JOIN pin p ON p.id = pr.pin_id WHERE p.dialogue_id = :d AND r.text LIKE 'Vi ser över belysningen%'""")
        .param("d", dialogue.id()).query(Long.class).single();
    assertThat(answered).isEqualTo(listed);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void onAPhoneTheMapLayersAndLegendFitTheScreen() {
    BrowserContext phone = newPhoneContext();
    try {
      Page p = phone.newPage();
      p.onConsoleMessage(m -> {
        if ("error".equals(m.type())) {
          consoleErrors.add(m.text());
        }
      });
      signIn(p);
      p.navigate(url("/personal/analys?dialogue=" + dialogue.slug() + "&layers=hotspots&category=safety_concern"));
      assertThat(p.locator("#map")).isVisible();
      assertThat(p.locator("#legend-hotspots .legend__item")).hasCount(7);
      assertThat(p.locator("#map path[class*='analysis-hex--hot_']").first()).isAttached();
      Object width = p.evaluate("document.documentElement.scrollWidth");
      assertThat(((Number) width).intValue()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
      p.locator("#layer-pins").tap();
      assertThat(p.locator("#layer-pins-status")).containsText(String.valueOf(SPOT + SAFETY_SPREAD));
      Object mapWidth = p.evaluate("document.getElementById('map').getBoundingClientRect().width");
      assertThat(((Number) mapWidth).doubleValue()).isGreaterThan(300);
    } finally {
      phone.close();
    }
    assertThat(consoleErrors).isEmpty();
  }

  private static String total(int n) {
    return "Totalt " + n + " synpunkter med filtren.";
  }

  private void signIn(Page p) {
    p.navigate(url("/logga-in"));
    p.locator("#username").fill(planner);
    p.locator("#password").fill(StaffAccounts.PASSWORD);
    p.locator("#login-submit").click();
    p.waitForURL("**/personal/");
  }

  /** How many pixels of the canvas are not transparent: a drawn chart has many. */
  static int inkedPixels(Page p, String selector) {
    Object n = p.evaluate("""
        (sel) => { const c = document.querySelector(sel); const g = c.getContext('2d');
          const d = g.getImageData(0, 0, c.width, c.height).data; let n = 0;
          for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }""", selector);
    return ((Number) n).intValue();
  }

  private void spread(Random random, String category, int n) {
    for (int i = 0; i < n; i++) {
      double lon;
      double lat;
      do {
        lon = 16.142 + random.nextDouble() * 0.076;
        lat = 58.572 + random.nextDouble() * 0.036;
      } while (Math.abs(lon - 16.180) < 0.01 && Math.abs(lat - 58.590) < 0.005);
      pin(category, lon, lat, i % 14);
    }
  }

  private void pin(String category, double lon, double lat, int daysAgo) {
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, created_at)
            VALUES (:d, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :c, :t, now() - make_interval(days => :days))""")
        .param("d", dialogue.id()).param("lon", lon).param("lat", lat).param("c", category)
        .param("t", "Mörkt och otryggt här").param("days", daysAgo).update();
  }
}
