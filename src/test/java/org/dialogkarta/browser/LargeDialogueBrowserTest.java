package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * A dialogue with 30,000 published pins on the public page: the map shows the server's clusters
 * (never the whole set), a cluster zooms in, single pins show deep in, a pin opens by keyboard
 * with its text loaded on demand, and the list pages through the pins in view.
 */
class LargeDialogueBrowserTest extends BrowserTest {

  @Test
  void clustersZoomInToPinsThatOpenByKeyboardAndTheListPages() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, created_at)
            SELECT :d, ST_SetSRID(ST_MakePoint(16.170 + (g::bigint * 7919 % 2000) * 0.00001, 58.585 + (g::bigint * 104729 % 1000) * 0.00001), 4326),
                   (ARRAY['suggestion','safety_concern','service_gap'])[1 + g % 3], 'Stor dialog, synpunkt nummer ' || g,
                   now() - (g || ' seconds')::interval
            FROM generate_series(1, 30000) g""").param("d", d.id()).update();

    List<String> asked = new ArrayList<>();
    page.onRequest(r -> asked.add(r.url()));
    page.setViewportSize(390, 844);
    page.navigate(url("/dialoger/" + d.slug()));
    Locator clusters = page.locator(".pin-cluster--server");
    assertThat(clusters.first()).isVisible();
    assertThat(asked).as("the whole set is never asked for").noneMatch(u -> u.matches(".*/pins(\\?.*)?$"));
    assertThat(asked).anyMatch(u -> u.contains("/pins/tiles/"));

    // A cluster is a button for the keyboard too: Enter zooms in.
    Locator pin = page.locator(".leaflet-marker-icon.pin-marker");
    Locator pinOrCluster = page.locator(".leaflet-marker-icon.pin-marker, .pin-cluster--server");
    String scale = page.locator(".leaflet-control-scale-line").first().textContent();
    clusters.first().focus();
    assertThat(clusters.first()).hasAttribute("role", "button");
    page.keyboard().press("Enter");
    assertThat(page.locator(".leaflet-control-scale-line").first()).not().hasText(scale);
    assertThat(page.locator("#map")).not().hasAttribute("aria-busy", "true");
    assertThat(pinOrCluster.first()).isAttached();

    // Clusters zoom in until the cells are small enough to show single pins.
    // Each choice must zoom in (the scale changes); the map then shows single pins or cells again.
    // Waited for by Playwright's retrying assertions (under load a tile answer can take seconds),
    // never by a fixed pause.
    for (int i = 0; i < 8 && pin.count() == 0; i++) {
      String zoomedFrom = page.locator(".leaflet-control-scale-line").first().textContent();
      // By keyboard: a mouse click on the first cluster may land on the place search box above it.
      clusters.first().focus();
      page.keyboard().press("Enter");
      assertThat(page.locator(".leaflet-control-scale-line").first()).not().hasText(zoomedFrom); // it zoomed in
      assertThat(page.locator("#map")).not().hasAttribute("aria-busy", "true"); // the new view's tiles are drawn
      assertThat(pinOrCluster.first()).isAttached();
    }
    assertThat(pin.first()).isVisible();

    // A pin opens from the keyboard with its text, loaded when asked for.
    pin.first().focus();
    page.keyboard().press("Enter");
    assertThat(page.locator(".leaflet-popup .pin-popup")).containsText("Stor dialog, synpunkt nummer");
    page.keyboard().press("Escape");

    // The list: the pins in view, newest first, fifty at a time.
    for (int i = 0; i < 4; i++) {
      page.locator(".leaflet-control-zoom-out").click();
      page.waitForTimeout(400);
    }
    page.locator("#list-toggle").click();
    Locator items = page.locator("#pin-list li.pin-item");
    assertThat(items).hasCount(50);
    assertThat(page.locator("#filter-status")).containsText("av ungefär");
    assertThat(items.first()).containsText("Stor dialog, synpunkt nummer");
    page.locator("#list-more").click();
    assertThat(items).hasCount(100);
    assertThat(page.locator("#pin-list li.pin-item").nth(50).locator("h3")).isFocused();

    // The category filter narrows the clusters' counts and the list alike.
    Response tile = page.waitForResponse(r -> r.url().contains("/pins/tiles/") && r.url().contains("category="),
        () -> page.locator("#filter-suggestion").uncheck());
    assertThat(tile.status()).isEqualTo(200);
    assertThat(items.first()).not().containsText("Stor dialog, synpunkt nummer 3 ");
    assertThat(consoleErrors).isEmpty();
  }
}
