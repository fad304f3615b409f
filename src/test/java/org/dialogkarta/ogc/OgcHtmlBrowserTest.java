package org.dialogkarta.ogc;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * The HTML views in Chromium: a browser gets HTML by its Accept header alone, markup in a pin
 * text is shown as text and never runs, and paging and feature links stay in HTML.
 */
class OgcHtmlBrowserTest extends BrowserTest {

  private static final String HOSTILE = "<img src=x onerror=\"window.__ran=1\"><script>window.__ran=2</script>";

  @Test
  void pinTextIsShownNotRunAndPagingStaysInHtml() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(jdbc.sql("""
              INSERT INTO pin (dialogue_id, location, category, text)
              VALUES (:d, ST_SetSRID(ST_MakePoint(16.18, 58.59), 4326), 'safety_concern', :text) RETURNING id""")
          .param("d", dialogue.id()).param("text", i == 0 ? HOSTILE : "Mörk gångtunnel " + i)
          .query(Long.class).single());
    }
    List<String> dialogs = new ArrayList<>();
    page.onDialog(d -> {
      dialogs.add(d.message());
      d.dismiss();
    });

    page.navigate(url("/ogc/collections/pins-" + dialogue.slug() + "/items?limit=2"));
    assertThat(page.locator("h1")).hasText("Pins: Testdialog " + dialogue.slug());
    assertThat(page.locator("td", new com.microsoft.playwright.Page.LocatorOptions().setHasText("window.__ran=2")))
        .hasText(HOSTILE);
    assertThat(page.locator("table img")).hasCount(0);
    assertThat(page.locator("body script")).hasCount(0);
    assertThat(page.evaluate("() => window.__ran === undefined")).isEqualTo(true);

    page.locator("a[href*='after=" + ids.get(1) + "'][href*='f=html']").first().click();
    assertThat(page.locator("p").first()).hasText("1 of 3 features");
    page.locator("td a").first().click();
    assertThat(page.locator("h1")).containsText(": " + ids.get(2));
    assertThat(page.locator("td", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Mörk gångtunnel 2")))
        .hasCount(1);
    assertThat(dialogs).isEmpty();
    assertThat(consoleErrors).isEmpty();
  }
}
