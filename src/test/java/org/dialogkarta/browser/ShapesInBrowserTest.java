package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A citizen draws a line and an area on the dialogue page, by mouse and by keyboard alone, sends
 * them, and sees them on the map (published) and on the receipt.
 */
class ShapesInBrowserTest extends BrowserTest {

  private TestData data;
  private TestData.Dialogue dialogue;

  @BeforeEach
  void dialogue() {
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
    jdbc.sql("UPDATE dialogue SET accepted_shapes = '{point,line,area}' WHERE id = :id").param("id", dialogue.id()).update();
  }

  @Test
  void aLineByMouseIsSentAndShownOnTheMapAndTheReceipt() {
    open();
    page.locator("#shape-kind-line").check();
    assertThat(page.locator("#place-button")).isHidden();
    page.locator("#shape-start").click();
    clickMap(-120, 40);
    clickMap(0, 0);
    clickMap(100, -30);
    assertThat(page.locator("#shape-status")).containsText("3 punkter");
    page.locator("#shape-finish").click();
    String receipt = fillAndSend("Bussen borde gå här");

    Map<String, Object> row = stored();
    assertThat(row.get("type")).isEqualTo("LINESTRING");
    assertThat(((Number) row.get("n")).intValue()).isEqualTo(3);

    page.reload();
    page.locator("#map.leaflet-container").waitFor();
    assertThat(page.locator("#map path.pin-shape")).hasCount(1);
    page.navigate(url(receipt));
    assertThat(page.locator("#receipt-pins svg.shape-sketch[data-shape=LineString]")).hasCount(1);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void anAreaByMouseIsClosedOnItsFirstCorner() {
    open();
    page.locator("#shape-kind-area").check();
    page.locator("#shape-start").click();
    clickMap(-80, -60);
    clickMap(80, -60);
    clickMap(80, 60);
    clickMap(-80, 60);
    clickMap(-80, -60); // the first corner again closes the area
    assertThat(page.locator("#pin-form")).isVisible();
    assertThat(page.locator("#location-status")).hasText("Ett område är ritat.");
    String receipt = fillAndSend("Hela kvarteret behöver belysning");

    Map<String, Object> row = stored();
    assertThat(row.get("type")).isEqualTo("POLYGON");
    assertThat(((Number) row.get("n")).intValue()).isEqualTo(5);
    assertThat(row.get("inside")).isEqualTo(true);
    page.navigate(url(receipt));
    assertThat(page.locator("#receipt-pins svg.shape-sketch[data-shape=Polygon]")).hasCount(1);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void theKeyboardAloneDrawsALineAndAnArea() {
    open();
    PinningInBrowserTest.tabUntil(page, "document.activeElement.name === 'shape-kind'");
    page.keyboard().press("ArrowRight"); // Punkt -> Linje
    assertThat(page.locator("#shape-kind-line")).isChecked();
    PinningInBrowserTest.tabUntil(page, "document.activeElement.id === 'shape-start'");
    page.keyboard().press("Enter");
    assertThat(page.locator("#map")).isFocused();
    page.keyboard().press("Space");
    pan("ArrowRight");
    page.keyboard().press("Space");
    pan("ArrowDown");
    page.keyboard().press("Space");
    pan("ArrowRight");
    page.keyboard().press("Space");
    page.keyboard().press("Backspace"); // the fourth point taken back
    assertThat(page.locator("#shape-status")).containsText("3 punkter");
    page.keyboard().press("Enter");
    assertThat(page.locator("#pin-form")).isVisible();
    sendByKeyboard("Gångvägen är mörk hela vägen");
    Map<String, Object> line = stored();
    assertThat(line.get("type")).isEqualTo("LINESTRING");
    assertThat(((Number) line.get("n")).intValue()).isEqualTo(3);

    page.locator("#pin-again").focus();
    page.keyboard().press("Enter");
    PinningInBrowserTest.tabUntil(page, "document.activeElement.name === 'shape-kind'");
    page.keyboard().press("ArrowRight"); // Linje -> Område
    assertThat(page.locator("#shape-kind-area")).isChecked();
    PinningInBrowserTest.tabUntil(page, "document.activeElement.id === 'shape-start'");
    page.keyboard().press("Enter");
    page.keyboard().press("Space");
    pan("ArrowLeft");
    page.keyboard().press("Space");
    pan("ArrowUp");
    page.keyboard().press("Space");
    page.keyboard().press("Enter");
    sendByKeyboard("Här borde det finnas en park");
    assertThat(jdbc.sql("SELECT count(*) FROM pin WHERE dialogue_id = :d AND GeometryType(drawn_shape) = 'POLYGON'")
        .param("d", dialogue.id()).query(Long.class).single()).isOne();
    assertThat(data.pinCount(dialogue)).isEqualTo(2);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void anAreaCanBeChosenFromTheListOfNeighbourhoodsWithoutTheMap() {
    String name = "Lilla Åbacken " + java.util.UUID.randomUUID().toString().substring(0, 6);
    jdbc.sql("INSERT INTO neighbourhood (code, name, boundary) VALUES (:c, :n, ST_Multi(ST_MakeEnvelope(16.15, 58.58, 16.16, 58.585, 4326)))")
        .param("c", "B-" + name.hashCode()).param("n", name).update();
    open();
    page.locator("#shape-kind-area").check();
    page.locator("#shape-neighbourhood").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(name));
    page.locator("#shape-neighbourhood-use").click();
    assertThat(page.locator("#shape-status")).containsText(name);
    fillAndSend("Hela området behöver en lekplats");
    assertThat(jdbc.sql("SELECT ST_Area(drawn_shape::geography) FROM pin WHERE dialogue_id = :d").param("d", dialogue.id())
        .query(Double.class).single()).isBetween(250_000.0, 350_000.0);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void escapeCancelsAndTooFewPointsAreSaid() {
    open();
    page.locator("#shape-kind-area").check();
    page.locator("#shape-start").click();
    clickMap(0, 0);
    page.locator("#shape-finish").click();
    assertThat(page.locator("#shape-status")).hasText("Ett område behöver minst tre hörn.");
    page.keyboard().press("Escape");
    assertThat(page.locator("#shape-status")).hasText("Ritandet är avbrutet.");
    assertThat(page.locator("#shape-start")).isVisible();
    assertThat(page.locator("#pin-form")).isHidden();
  }

  private void open() {
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#map.leaflet-container").waitFor();
    page.locator("#shape-kind").waitFor();
  }

  private void pan(String key) {
    page.keyboard().press(key);
    page.waitForTimeout(350); // Leaflet's pan animation
  }

  private void clickMap(double dx, double dy) {
    var box = page.locator("#map").boundingBox();
    page.locator("#map").click(new Locator.ClickOptions().setPosition(box.width / 2 + dx, box.height / 2 + dy));
    page.waitForTimeout(120); // no double click: each is a vertex of its own
  }

  private String fillAndSend(String text) {
    assertThat(page.locator("#pin-form")).isVisible();
    page.locator("input[name=category][value=suggestion]").check();
    page.locator("#pin-text").fill(text);
    page.locator("#pin-submit").click();
    assertThat(page.locator("#confirmation")).isVisible();
    return page.locator("a#receipt-link").getAttribute("href");
  }

  private void sendByKeyboard(String text) {
    PinningInBrowserTest.tabUntil(page, "document.activeElement.name === 'category'");
    page.keyboard().press("Space");
    PinningInBrowserTest.tabUntil(page, "document.activeElement.id === 'pin-text'");
    page.keyboard().type(text);
    PinningInBrowserTest.tabUntil(page, "document.activeElement.id === 'pin-submit'");
    page.keyboard().press("Enter");
    assertThat(page.locator("#confirmation")).isVisible();
  }

  private Map<String, Object> stored() {
    return jdbc.sql("""
            SELECT GeometryType(p.drawn_shape) AS type, ST_NPoints(p.drawn_shape) AS n,
                   ST_Covers(d.study_area, p.location) AS inside
            FROM pin p JOIN dialogue d ON d.id = p.dialogue_id WHERE p.dialogue_id = :d
            ORDER BY p.id DESC LIMIT 1""").param("d", dialogue.id()).query().singleRow();
  }
}
