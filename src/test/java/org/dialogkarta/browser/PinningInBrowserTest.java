package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A citizen pins a comment on the dialogue page: with a mouse, with the keyboard alone, and on a phone. */
class PinningInBrowserTest extends BrowserTest {

  private TestData data;
  private TestData.Dialogue dialogue;

  @BeforeEach
  void dialogue() {
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
  }

  @Test
  void onAPhoneLeavingAViewIsReachableFromTheFirstScreen() {
    jdbc.sql("UPDATE dialogue SET summary = :s WHERE id = :d")
        .param("s", "Vi vill veta hur du använder parken och gångvägarna runt den. ".repeat(12)).param("d", dialogue.id()).update();
    BrowserContext phone = newPhoneContext();
    try {
      Page p = phone.newPage();
      p.navigate(url("/dialoger/" + dialogue.slug()));
      Locator jump = p.locator("a.jump-to-pin");
      assertThat(jump).isVisible();
      var box = jump.boundingBox();
      assertThat(box.y + box.height).as("within the first screen of a 740 px phone").isLessThan(740);
      jump.tap();
      assertThat(p.locator("#place-button")).isFocused();
    } finally {
      phone.close();
    }
    page.navigate(url("/dialoger/" + dialogue.slug())); // a wide screen has the map's own button in view
    page.locator("#map.leaflet-container").waitFor();
    assertThat(page.locator("a.jump-to-pin")).isHidden();
  }

  @Test
  void theWheelOverTheMapScrollsThePageUntilTheMapIsClicked() {
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#map.leaflet-container").waitFor();
    Locator scale = page.locator("#map .leaflet-control-scale-line").first();
    String before = scale.innerText();
    page.locator("#map").scrollIntoViewIfNeeded();
    var box = page.locator("#map").boundingBox();
    page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
    page.mouse().wheel(0, -400);
    assertThat(page.locator("#map .map-gesture-hint.is-shown")).isVisible();
    page.waitForTimeout(500);
    assertThat(scale).hasText(before); // the map did not zoom

    page.locator("#map").click(); // from now on the wheel is the map's
    page.mouse().wheel(0, -400);
    assertThat(scale).not().hasText(before);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void aPlannersOwnSubTagIsOfferedByItsLabelNotItsCode() {
    data.subtag(dialogue, "safety_concern", "lighting");
    data.subtag(dialogue, "safety_concern", "skadegorelse_klotter", "Skadegörelse & klotter");
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#map.leaflet-container").waitFor();
    page.locator("#map").click();
    page.locator("input[name=category][value=safety_concern]").check();
    assertThat(page.locator("label[for=subtag-skadegorelse_klotter]")).hasText("Skadegörelse & klotter");
    assertThat(page.locator("label[for=subtag-lighting]")).not().hasText("lighting"); // the bundle's word
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void clickTheMapFillTheFormAndSeeThePinAfterReload() {
    String text = "Mörk gångväg <b>" + UUID.randomUUID().toString().substring(0, 6) + "</b> vid ån";
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#map.leaflet-container").waitFor();

    page.locator("#map").click();
    assertThat(page.locator("#pin-form")).isVisible();
    page.locator("input[name=category][value=safety_concern]").check();
    page.locator("#pin-text").fill(text);
    page.locator("#pin-submit").click();

    assertThat(page.locator("#confirmation")).isVisible();
    String receiptHref = page.locator("a#receipt-link").getAttribute("href");
    assertThat(receiptHref).matches("/kvitto#[A-Za-z0-9_-]{43}");
    assertThat(data.pinCount(dialogue)).isOne();
    String storedText = jdbc.sql("SELECT text FROM pin WHERE dialogue_id = :d").param("d", dialogue.id())
        .query(String.class).single();
    assertThat(storedText).isEqualTo(text);

    page.reload();
    showList(page);
    Locator item = page.locator("#pin-list .pin-item").filter(new Locator.FilterOptions().setHasText(text));
    assertThat(item).hasCount(1);
    assertThat(page.locator("#pin-list b")).hasCount(0); // the text was shown as text, not as HTML

    page.navigate(url(receiptHref));
    assertThat(page.locator("#receipt-pins .receipt-pin")).hasCount(1);
    assertThat(page.locator("#receipt-pins")).containsText(text);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void theKeyboardAloneCanPlaceAndSendAPin() {
    String text = "Tangentbordet räcker " + UUID.randomUUID().toString().substring(0, 6);
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#map.leaflet-container").waitFor();

    tabUntil(page, "document.activeElement.id === 'map'");
    page.keyboard().press("ArrowUp");
    page.keyboard().press("ArrowRight");
    page.keyboard().press("Enter");
    assertThat(page.locator("#pin-form")).isVisible();

    tabUntil(page, "document.activeElement.name === 'category'");
    page.keyboard().press("Space");
    tabUntil(page, "document.activeElement.id === 'pin-text'");
    page.keyboard().type(text);
    tabUntil(page, "document.activeElement.id === 'pin-submit'");
    page.keyboard().press("Enter");

    assertThat(page.locator("#confirmation")).isVisible();
    assertThat(data.pinCount(dialogue)).isOne();
    double[] lonLat = jdbc.sql("SELECT ST_X(location), ST_Y(location) FROM pin WHERE dialogue_id = :d")
        .param("d", dialogue.id()).query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
    assertThat(lonLat[0]).isBetween(16.14, 16.22);
    assertThat(lonLat[1]).isBetween(58.57, 58.61);

    page.reload();
    page.locator("#map.leaflet-container").waitFor();
    tabUntil(page, "document.activeElement.id === 'list-toggle'");
    page.keyboard().press("Enter");
    assertThat(page.locator("#pin-list .pin-item").filter(new Locator.FilterOptions().setHasText(text))).hasCount(1);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void onA360PixelPhoneATapPinsAndNothingScrollsSideways() {
    BrowserContext phone = newPhoneContext();
    try {
      Page p = phone.newPage();
      p.navigate(url("/dialoger/" + dialogue.slug()));
      p.locator("#map.leaflet-container").waitFor();
      assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);

      p.locator("#map").tap();
      assertThat(p.locator("#pin-form")).isVisible();
      p.locator("input[name=category][value=suggestion]").check();
      p.locator("#pin-text").fill("En parkbänk här vore fint");
      p.locator("#pin-submit").tap();
      assertThat(p.locator("#confirmation")).isVisible();
      assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
      assertThat(data.pinCount(dialogue)).isOne();
    } finally {
      phone.close();
    }
  }

  @Test
  void aBlankTextIsMarkedAtItsFieldAndNothingIsStoredUntilItIsFixed() {
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#map.leaflet-container").waitFor();
    page.locator("#map").click();
    page.locator("input[name=category][value=suggestion]").check();
    page.locator("#pin-text").fill("   ");
    page.locator("#pin-submit").click();

    assertThat(page.locator("#pin-text")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("#confirmation")).isHidden();
    assertThat(data.pinCount(dialogue)).isZero();

    page.locator("#pin-text").fill("Nu med text");
    page.locator("#pin-submit").click();
    assertThat(page.locator("#confirmation")).isVisible();
    assertThat(data.pinCount(dialogue)).isOne();
  }

  private static void showList(Page p) {
    p.locator("#list-toggle").click();
    assertThat(p.locator("#pin-list")).isVisible();
  }

  /** Presses Tab until the condition holds, as a keyboard user would; fails after 60 presses. */
  static void tabUntil(Page p, String condition) {
    for (int i = 0; i < 60; i++) {
      if (Boolean.TRUE.equals(p.evaluate("() => " + condition))) {
        return;
      }
      p.keyboard().press("Tab");
    }
    throw new AssertionError("Tab never reached: " + condition);
  }
}
