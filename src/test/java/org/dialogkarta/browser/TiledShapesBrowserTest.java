package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * A dialogue with 2,500 published pins is shown by tiles; zoomed in, its published line and area
 * are drawn under the markers in their categories' look (a hidden area never), a line opens its
 * pin, and zoomed out again the shapes give way to a hint to zoom in.
 */
class TiledShapesBrowserTest extends BrowserTest {

  @Test
  void zoomedInTheTiledMapDrawsThePublishedLinesAndAreas() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    jdbc.sql("UPDATE dialogue SET accepted_shapes = '{point,line,area}' WHERE id = :id").param("id", d.id()).update();
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text)
            SELECT :d, ST_SetSRID(ST_MakePoint(16.170 + (g::bigint * 7919 % 2000) * 0.00001, 58.585 + (g::bigint * 104729 % 1000) * 0.00001), 4326),
                   (ARRAY['suggestion','safety_concern','service_gap'])[1 + g % 3], 'Stor dialog, synpunkt nummer ' || g
            FROM generate_series(1, 2500) g""").param("d", d.id()).update();
    long area = shape(d, "POLYGON((16.2000 58.6000, 16.2008 58.6000, 16.2008 58.6004, 16.2000 58.6004, 16.2000 58.6000))",
        "safety_concern", "Mörkt torg", "published");
    shape(d, "LINESTRING(16.1996 58.5998, 16.2012 58.6006)", "suggestion", "Cykelväg som saknas", "published");
    shape(d, "POLYGON((16.1998 58.5999, 16.2010 58.5999, 16.2010 58.6005, 16.1998 58.6005, 16.1998 58.5999))",
        "service_gap", "Dold yta", "hidden");

    List<String> asked = new ArrayList<>();
    page.onRequest(r -> asked.add(r.url()));
    page.setViewportSize(390, 844);
    page.navigate(url("/dialoger/" + d.slug()));
    assertThat(page.locator(".pin-cluster--server").first()).isVisible();
    Locator shapes = page.locator("#map path.pin-shape");
    assertThat(page.locator("#shapes-note")).hasText("Zooma in för att se synpunkternas linjer och områden på kartan.");
    assertThat(shapes).hasCount(0);

    // A link to the area's pin zooms the map in there: the line and the area are drawn, the hidden one not.
    page.navigate(url("/dialoger/" + d.slug() + "?pin=" + area));
    assertThat(shapes).hasCount(2);
    assertThat(page.locator("#map path.pin-shape.cat--safety_concern")).hasCount(1);
    assertThat(page.locator("#map path.pin-shape.cat--suggestion")).hasCount(1);
    assertThat(page.locator("#map path.pin-shape.cat--service_gap")).hasCount(0);
    assertThat(page.locator("#shapes-note")).isHidden();
    assertThat(asked).anyMatch(u -> u.contains("/shapes?") && u.contains("bbox=") && u.contains("zoom="));
    page.locator(".leaflet-popup-close-button").click();

    // Out a little: still drawn, and under the markers (the overlay pane is below the marker pane).
    page.locator(".leaflet-control-zoom-out").click();
    page.waitForTimeout(600);
    assertThat(shapes).hasCount(2);
    assertThat(page.locator(".leaflet-overlay-pane path.pin-shape")).hasCount(2);

    // The line opens its pin, loaded on demand: click it near its south-west end, away from the markers.
    Locator linePath = page.locator("#map path.pin-shape.cat--suggestion");
    var box = linePath.boundingBox();
    linePath.click(new Locator.ClickOptions().setPosition(4, box.height - 4).setForce(true));
    assertThat(page.locator(".leaflet-popup .pin-popup")).containsText("Cykelväg som saknas");
    page.locator(".leaflet-popup-close-button").click();

    // Zoomed far out the shapes give way to the hint again.
    for (int i = 0; i < 5; i++) {
      page.locator(".leaflet-control-zoom-out").click();
      page.waitForTimeout(300);
    }
    assertThat(shapes).hasCount(0);
    assertThat(page.locator("#shapes-note")).isVisible();
    assertThat(consoleErrors).isEmpty();
  }

  private long shape(TestData.Dialogue d, String wkt, String category, String text, String state) {
    return jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, drawn_shape, category, text, moderation_state, moderation_reason)
            SELECT :d, CASE WHEN GeometryType(g) = 'LINESTRING' THEN ST_LineInterpolatePoint(g, 0.5) ELSE ST_PointOnSurface(g) END,
                   g, :c, :t, :s, CASE WHEN :s = 'hidden' THEN 'Kränkande' END
            FROM (SELECT ST_GeomFromText(:wkt, 4326) AS g) s
            RETURNING id""")
        .param("d", d.id()).param("wkt", wkt).param("c", category).param("t", text).param("s", state)
        .query(Long.class).single();
  }
}
