package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A planner adds place names from a CSV file on the neighbourhoods page with the keyboard, sees
 * how many places the search knows, and a file with a bad line is refused with its line named.
 * Its places have the district PLACETEST-W; the upload appends, so other places stay.
 */
class GazetteerInBrowserTest extends BrowserTest {

  private static final String MARK = "PLACETEST-W";

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @AfterEach
  void clean() {
    jdbc.sql("DELETE FROM place WHERE district = :m").param("m", MARK).update();
  }

  @Test
  void aPlannerAddsPlacesAndSeesABadLineNamed() {
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(planner);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.navigate(url("/personal/neighbourhoods.html"));
    assertThat(page.locator("#places-heading")).hasText("Ortnamn och adresser");
    assertThat(page.locator("#places-count")).containsText("Sökningen känner till");
    long before = jdbc.sql("SELECT count(*) FROM place").query(Long.class).single();

    String csv = "namn;typ;ort;lon;lat\nWebbgatan 1;adress;" + MARK + ";16.1;58.6\nWebbtorget;torg;" + MARK + ";16.11;58.6\n";
    page.locator("#places-file").setInputFiles(new FilePayload("adresser.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    assertThat(page.locator("#places-mode-append")).isChecked();
    page.locator("#places-upload").focus();
    page.keyboard().press("Enter");
    assertThat(page.locator("#places-result")).containsText("2 platser lästes in");
    assertThat(page.locator("#places-result")).isFocused();
    assertThat(page.locator("#places-count")).containsText(String.valueOf(before + 2));
    assertThat(consoleErrors).isEmpty();

    String bad = "namn;typ;lon;lat\nFelgatan 1;adress;16.1;58.6\nFelgatan 2;slott;16.1;58.6\n";
    page.locator("#places-file").setInputFiles(new FilePayload("fel.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)));
    page.locator("#places-upload").click();
    assertThat(page.locator("#places-result [role=alert]")).containsText("lästes inte in");
    assertThat(page.locator("#places-result")).containsText("rows[3]");
    assertThat(page.locator("#places-result")).containsText("slott");
    assertThat(jdbc.sql("SELECT count(*) FROM place WHERE name LIKE 'Felgatan%'").query(Long.class).single()).isZero();
    assertThat(consoleErrors).allSatisfy(e -> assertThat(e).contains("422"));
  }
}
