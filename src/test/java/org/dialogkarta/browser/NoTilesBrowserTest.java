package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A basemap is configured but cannot be reached (a closed network, a tile server down): the
 * pins, the form and the list must still work.
 */
@TestPropertySource(properties = "dialogkarta.basemap.url=http://127.0.0.1:9/tiles/{z}/{x}/{y}.png")
class NoTilesBrowserTest extends BrowserTest {

  @Test
  void pinningWorksWhenTilesFailToLoad() {
    TestData data = new TestData(jdbc);
    TestData.Dialogue dialogue = data.openDialogue();
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#map.leaflet-container").waitFor();

    page.locator("#map").click();
    page.locator("input[name=category][value=service_gap]").check();
    page.locator("#pin-text").fill("Ingen busshållplats på hela vägen");
    page.locator("#pin-submit").click();
    assertThat(page.locator("#confirmation")).isVisible();
    assertThat(data.pinCount(dialogue)).isOne();

    page.locator("#list-toggle").click();
    assertThat(page.locator("#pin-list .pin-item")).hasCount(1);
  }
}
