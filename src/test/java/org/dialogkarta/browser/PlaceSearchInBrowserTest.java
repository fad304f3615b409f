package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.dialogkarta.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Finding one's place by name on the rural dialogue of the demo (its own database, loaded as
 * {@code make run} loads it, gazetteer included), whose study area is six villages: type
 * "skarblacka", pick the suggestion with the keyboard, and the first Enter on the map pins inside
 * Skärblacka; "Välj ort" takes the map to another village. The pins it makes are removed again.
 */
@TestPropertySource(properties = {
    "spring.datasource.url=${DIALOGKARTA_DEMO_TEST_DB_URL:jdbc:postgresql://127.0.0.1:${DIALOGKARTA_PG_PORT:55432}/dialogkarta_demo_test}",
    "dialogkarta.demo-data=true"})
class PlaceSearchInBrowserTest extends BrowserTest {

  private static final String SLUG = "service-pa-landsbygden";
  private static final String MARK = "Hittade hit genom sökningen ";

  @AfterEach
  void removePins() {
    jdbc.sql("DELETE FROM pin WHERE text LIKE :mark").param("mark", MARK + "%").update();
  }

  @Test
  void searchSkarblackaPickWithTheKeyboardAndPinThereOnTheFirstTry() {
    page.navigate(url("/dialoger/" + SLUG));
    page.locator("#map.leaflet-container").waitFor();
    // A dialogue without a published report or decided walk actions: their empty sections leave
    // nothing behind (the DOM would show a left-out section as the text "null").
    assertThat(page.locator("#dialogue-header")).containsText("Service på landsbygden");
    assertThat(page.locator("#dialogue-header")).not().containsText("null");

    Locator box = page.getByRole(AriaRole.COMBOBOX, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sök adress eller ort"));
    PinningInBrowserTest.tabUntil(page, "document.activeElement.getAttribute('role') === 'combobox'");
    assertThat(box).isFocused();
    assertThat(box).hasAttribute("aria-expanded", "false");
    page.keyboard().type("skarblacka");

    Locator list = page.getByRole(AriaRole.LISTBOX);
    assertThat(list).isVisible();
    assertThat(box).hasAttribute("aria-expanded", "true");
    Locator first = list.getByRole(AriaRole.OPTION).first();
    assertThat(first).containsText("Skärblacka");
    assertThat(first).containsText("By");
    assertThat(page.locator(".place-search [role=status]")).containsText("förslag");

    page.keyboard().press("ArrowDown");
    assertThat(first).hasAttribute("aria-selected", "true");
    // For a person to look at (target/ is not kept).
    page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
        .setPath(java.nio.file.Path.of("target", "place-search-suggestions.png")));
    assertThat(box).hasAttribute("aria-activedescendant", first.getAttribute("id"));
    page.keyboard().press("Enter");

    assertThat(list).isHidden();
    assertThat(box).hasValue("Skärblacka, Norrköping");
    assertThat(page.locator("#map")).isFocused();
    assertThat(page.locator(".place-search [role=status]")).containsText("Kartan visar nu Skärblacka");

    // The very next Enter pins at the crosshair, inside the village.
    page.keyboard().press("Enter");
    assertThat(page.locator("#pin-form")).isVisible();
    assertThat(page.locator("#map-status")).not().containsText("utanför");
    page.locator("input[name=category][value=service_gap]").check();
    String text = MARK + System.nanoTime();
    page.locator("#pin-text").fill(text);
    page.locator("#pin-submit").click();
    assertThat(page.locator("#confirmation")).isVisible();

    List<Object> stored = jdbc.sql("""
            SELECT ST_X(p.location) AS lon, ST_Y(p.location) AS lat, ST_Covers(d.study_area, p.location) AS inside
            FROM pin p JOIN dialogue d ON d.id = p.dialogue_id WHERE p.text = :text AND d.slug = :slug""")
        .param("text", text).param("slug", SLUG)
        .query((rs, i) -> (Object) new double[] {rs.getDouble("lon"), rs.getDouble("lat"), rs.getBoolean("inside") ? 1 : 0})
        .list();
    assertThat(stored).hasSize(1);
    double[] pin = (double[]) stored.getFirst();
    assertThat(pin[2]).as("inside the study area").isEqualTo(1);
    // Skärblacka's centre in the demo gazetteer is 15.9 E, 58.568 N: the map was centred there.
    assertThat(pin[0]).isCloseTo(15.9, org.assertj.core.api.Assertions.within(0.0005));
    assertThat(pin[1]).isCloseTo(58.568, org.assertj.core.api.Assertions.within(0.0005));
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void escapeClosesTheSuggestionsAndNothingFoundIsSaid() {
    page.navigate(url("/dialoger/" + SLUG));
    page.locator("#map.leaflet-container").waitFor();
    Locator box = page.getByRole(AriaRole.COMBOBOX, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sök adress eller ort"));
    box.focus();
    page.keyboard().type("krokek");
    Locator list = page.getByRole(AriaRole.LISTBOX);
    assertThat(list.getByRole(AriaRole.OPTION).first()).containsText("Krokek");
    page.keyboard().press("Escape");
    assertThat(list).isHidden();
    assertThat(box).hasAttribute("aria-expanded", "false");
    assertThat(box).isFocused();
    page.keyboard().press("Escape");
    assertThat(box).hasValue("");
    page.keyboard().type("zzqxw finns inte");
    assertThat(page.locator(".place-search [role=status]")).containsText("Inga platser hittades");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void chooseAVillageFromTheListAndTheOutlineIsAboveTheMarkers() {
    page.navigate(url("/dialoger/" + SLUG));
    page.locator("#map.leaflet-container").waitFor();

    Locator group = page.getByRole(AriaRole.GROUP, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Välj ort:"));
    Locator buttons = group.getByRole(AriaRole.BUTTON);
    assertThat(buttons).hasText(new String[] {"Skärblacka", "Krokek", "Kimstad", "Svärtinge", "Östra Husby", "Arkösund"});

    // The whole area in view: the map's centre lies between the villages, outside all of them.
    page.locator("#map").click();
    assertThat(page.locator("#map-status")).containsText("utanför");
    assertThat(page.locator("#pin-form")).isHidden();

    Locator krokek = buttons.filter(new Locator.FilterOptions().setHasText("Krokek"));
    krokek.focus();
    page.keyboard().press("Enter");
    assertThat(krokek).hasAttribute("aria-pressed", "true");
    assertThat(page.locator(".place-search [role=status]")).containsText("Kartan visar nu Krokek");
    // Now the centre of the map is in Krokek (where its pins cluster, so the crosshair and Enter
    // rather than a click, which would open the cluster): the place is accepted.
    page.locator("#map").focus();
    page.keyboard().press("Enter");
    assertThat(page.locator("#pin-form")).isVisible();

    // The outline is in its own pane above the markers (600) and lets taps through.
    Object pane = page.evaluate("() => { const p = document.querySelector('.leaflet-studyAreaOutline-pane');"
        + " const s = getComputedStyle(p); return [Number(s.zIndex), s.pointerEvents, !!p.querySelector('path.study-area'),"
        + " Number(getComputedStyle(document.querySelector('.leaflet-marker-pane')).zIndex)]; }");
    page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
        .setPath(java.nio.file.Path.of("target", "place-search-parts.png")));
    assertThat(pane.toString()).isEqualTo("[640, none, true, 600]");
    // Zoomed out to the whole area, where the outlines run over the villages' clusters: a tap on
    // any cluster reaches the cluster, not the outline above it.
    page.locator(".leaflet-control-zoom-out").click();
    page.locator(".leaflet-control-zoom-out").click();
    assertThat(page.locator(".pin-cluster").first()).isVisible();
    Object blocked = page.evaluate("() => [...document.querySelectorAll('.pin-cluster')].filter((c) => {"
        + " const r = c.getBoundingClientRect(); if (!r.width) return false;"
        + " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        + " return hit && !hit.closest('.pin-cluster') && hit.closest('.leaflet-container'); }).length");
    assertThat(blocked).isEqualTo(0);
    assertThat(consoleErrors).isEmpty();
  }
}
