package org.dialogkarta.export;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * GIS staff find the export page from their start page, choose with the keyboard, follow the
 * job's progress and download a complete GeoPackage that GDAL reads.
 */
class ExportsInBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void aGisEngineerExportsAGeoPackageWithTheKeyboard() throws Exception {
    ExportFixture fixture = new ExportFixture(jdbc);
    String gis = new StaffAccounts(accounts, encoder).create(StaffRole.GIS);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(gis);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.locator("a[href='/personal/exporter']").first().click();
    page.waitForURL("**/personal/exporter");

    assertThat(page.locator("#export-content")).isVisible();
    page.locator("#export-format").selectOption("geojson");
    assertThat(page.locator("#export-crs")).isDisabled();
    assertThat(page.locator("#export-more")).isHidden();
    page.locator("#export-format").selectOption("gpkg");
    assertThat(page.locator("#export-crs")).isEnabled();
    page.locator("#export-crs").selectOption("EPSG:3010");
    page.locator("#export-dialogue").selectOption(fixture.dialogue.slug());
    page.locator("#export-more-study_areas").check();
    assertThat(page.locator("#export-url")).containsText("/api/v1/exports/pins.gpkg?crs=EPSG%3A3010&dialogue="
        + fixture.dialogue.slug() + "&layers=study_areas");
    page.locator("#export-start").focus();
    page.keyboard().press("Enter");

    assertThat(page.locator("#export-download")).isVisible();
    assertThat(page.locator("#export-job-status")).containsText("3");
    assertThat(page.locator("#export-progress")).hasAttribute("value", "100");
    Download download = page.waitForDownload(() -> page.locator("#export-download").click());
    assertThat(download.suggestedFilename()).isEqualTo("dialogkarta-" + fixture.dialogue.slug() + "-3010.gpkg");
    Path file = Files.createTempFile("export", ".gpkg");
    try {
      download.saveAs(file);
      assertThat(Gdal.summary(file.toString(), "pins")).contains("Feature Count: 2", "ID[\"EPSG\",3010]");
      assertThat(Gdal.summary(file.toString(), "study_areas")).contains("Feature Count: 1");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void onAPhoneTheFormFitsAndAnExportRunsByTouch() {
    ExportFixture fixture = new ExportFixture(jdbc);
    String gis = new StaffAccounts(accounts, encoder).create(StaffRole.GIS);
    BrowserContext phone = newPhoneContext();
    try {
      Page p = phone.newPage();
      p.onConsoleMessage(m -> {
        if ("error".equals(m.type())) {
          consoleErrors.add(m.text());
        }
      });
      p.navigate(url("/logga-in"));
      p.locator("#username").fill(gis);
      p.locator("#password").fill(StaffAccounts.PASSWORD);
      p.locator("#login-submit").tap();
      p.waitForURL("**/personal/");
      p.navigate(url("/personal/exporter"));
      p.locator("#export-format").selectOption("csv");
      p.locator("#export-dialogue").selectOption(fixture.dialogue.slug());
      Object width = p.evaluate("document.documentElement.scrollWidth");
      assertThat(((Number) width).intValue()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
      p.locator("#export-start").tap();
      assertThat(p.locator("#export-download")).isVisible();
      assertThat(p.locator("#export-job-file")).containsText("pins-" + fixture.dialogue.slug() + "-3006.csv");
    } finally {
      phone.close();
    }
  }
}
