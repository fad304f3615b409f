package org.dialogkarta.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A planner who opens the export page sees, in the staff layout, which role it needs and whom to
 * ask (not a JSON 403); an administrator filters the audit log by person and days and reads the
 * actions by name.
 */
class StaffAuditInBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void aPlannerOnTheExportPageIsToldWhichRoleItNeeds() {
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    signIn(planner);
    Response answer = page.navigate(url("/personal/exporter"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headerValue("content-type")).startsWith("text/html");
    assertThat(page.locator("header.site-header--staff")).isVisible();
    assertThat(page.locator("#role-needed")).containsText("kräver rollen GIS");
    assertThat(page.locator("#role-needed")).containsText("Dina roller: Handläggare");
    assertThat(page.locator("#role-needed")).containsText("Be en administratör");
    assertThat(page.locator("#export-content")).isHidden();
    assertThat(page.locator("body").innerText()).doesNotContain("auth.forbidden"); // no key shown as text

    page.evaluate("localStorage.setItem('dialogkarta.lang', 'en')");
    page.reload();
    assertThat(page.locator("#role-needed")).containsText("This page needs the role GIS");
    assertThat(page.locator("#role-needed")).containsText("Ask an administrator");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void onAPhoneTheStaffLinksFoldBehindAMenuButton() {
    String admin = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);
    signIn(admin);
    page.setViewportSize(360, 740);
    page.navigate(url("/personal/audit.html"));
    assertThat(page.locator("#audit-content")).isVisible();
    assertThat(page.locator("#nav-moderation")).isHidden();
    double header = page.locator("header.site-header--staff").boundingBox().height;
    assertThat(header).as("the header leaves the first screen to the page").isLessThan(130);

    page.locator("#staff-menu-toggle").click();
    assertThat(page.locator("#staff-menu-toggle")).hasAttribute("aria-expanded", "true");
    assertThat(page.locator("#nav-moderation")).isVisible();
    page.keyboard().press("Escape");
    assertThat(page.locator("#nav-moderation")).isHidden();
    assertThat(page.locator("#staff-menu-toggle")).isFocused();

    page.setViewportSize(1280, 800); // a wide screen shows the links and no button
    assertThat(page.locator("#nav-moderation")).isVisible();
    assertThat(page.locator("#staff-menu-toggle")).isHidden();
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void anAdministratorFiltersTheLogByPersonAndDays() {
    String anna = "anna-" + UUID.randomUUID().toString().substring(0, 8);
    String bertil = "bertil-" + UUID.randomUUID().toString().substring(0, 8);
    event(anna, "export.download", "2026-03-09T22:30:00Z");   // 9 March 23:30 Swedish time
    event(anna, "walk.create", "2026-03-10T08:00:00Z");
    event(bertil, "pin.hide", "2026-03-10T09:00:00Z");
    String admin = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);
    signIn(admin);
    page.navigate(url("/personal/audit.html"));
    assertThat(page.locator("#audit-content")).isVisible();

    page.locator("#audit-actor").fill(anna);
    page.locator("#audit-apply").click();
    assertThat(page.locator(".audit-event")).hasCount(2);
    assertThat(page.locator(".audit-action")).containsText(new String[] {"Vandring planerad", "Export hämtad"});
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*actor=" + anna + ".*"));

    page.locator("#audit-from").fill("2026-03-10");
    page.locator("#audit-to").fill("2026-03-10");
    page.locator("#audit-apply").click();
    assertThat(page.locator(".audit-event")).hasCount(1);
    assertThat(page.locator(".audit-action")).hasText("Vandring planerad");

    page.locator("#audit-actor").fill(bertil);
    page.locator("#audit-apply").click();
    assertThat(page.locator(".audit-event")).hasCount(1);
    assertThat(page.locator(".audit-action")).hasText("Synpunkt dold");

    // The server's 422 lands beside the field it names.
    page.locator("#audit-from").fill("2026-03-11");
    page.locator("#audit-apply").click();
    assertThat(page.locator("#error-audit-to")).hasText("Sista dagen kan inte ligga före första dagen.");
    assertThat(page.locator("#audit-to")).hasAttribute("aria-invalid", "true");
    assertThat(consoleErrors).allSatisfy(e -> assertThat(e).contains("422"));
  }

  private void signIn(String username) {
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(username);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
  }

  private void event(String actor, String action, String at) {
    jdbc.sql("INSERT INTO audit_event (actor, action, target_type, at) VALUES (:a, :x, 'export', :at)")
        .param("a", actor).param("x", action).param("at", Timestamp.from(Instant.parse(at))).update();
  }
}
