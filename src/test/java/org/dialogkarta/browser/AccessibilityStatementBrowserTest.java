package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A visitor finds the accessibility statement from the footer, reports a problem with the keyboard
 * alone and keeps the receipt link; an administrator answers; the link shows the answer.
 */
class AccessibilityStatementBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void reportAProblemByKeyboardAndReadTheAnswer() {
    page.navigate(url("/"));
    page.locator("footer a[href='/tillganglighet']").click();
    page.waitForURL("**/tillganglighet");
    assertThat(page.locator("h1")).hasText("Tillgänglighetsredogörelse");
    assertThat(page.locator("main")).containsText("delvis förenlig");
    assertThat(page.locator("#a11y-responsible")).containsText("Demo kommun");
    assertThat(page.locator("#a11y-digg")).hasAttribute("href", "https://www.digg.se/tdosanmalan");

    // Sent empty: the fault is next to the field, and the keyboard is taken there.
    page.locator("#a11y-page").fill("");
    page.locator("#a11y-page").focus();
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    assertThat(page.locator("#a11y-send")).isFocused();
    page.keyboard().press("Enter");
    assertThat(page.locator("#error-a11y-page")).containsText("Fyll i");
    assertThat(page.locator("#a11y-page")).isFocused();
    assertThat(page.locator("#a11y-page")).hasAttribute("aria-invalid", "true");

    page.keyboard().type("/dialoger/parken");
    page.keyboard().press("Tab");
    String problem = "Kartans knappar går inte att nå med tabb. " + java.util.UUID.randomUUID();
    page.keyboard().type(problem);
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    page.keyboard().press("Enter");
    Locator result = page.locator("#a11y-report-result");
    assertThat(result).containsText("Tack!");
    assertThat(result).isFocused();
    String link = page.locator("#a11y-receipt-link").getAttribute("href");
    assertThat(link).matches(".*/tillganglighet#kvitto=[A-Za-z0-9_-]{43}");
    long id = jdbc.sql("SELECT id FROM accessibility_report WHERE description = :d")
        .param("d", problem).query(Long.class).single();

    // An administrator answers on the staff page.
    String admin = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(admin);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.navigate(url("/personal/accessibility.html"));
    Locator report = page.locator("li.a11y-report[data-report-id='" + id + "']");
    assertThat(report).containsText("Kartans knappar");
    report.locator("textarea").fill("Tack, vi har rättat knapparna.");
    report.locator("button.a11y-send-answer").click();
    assertThat(page.locator("li.a11y-report[data-report-id='" + id + "']")).hasAttribute("data-state", "answered");

    // The reporter opens the receipt link.
    page.navigate(link);
    assertThat(page.locator("#a11y-receipt")).isVisible();
    assertThat(page.locator("#a11y-receipt")).containsText("Tack, vi har rättat knapparna.");
    assertThat(page.locator("#a11y-receipt")).containsText("Vi har svarat.");
    assertThat(consoleErrors).isEmpty();
  }
}
