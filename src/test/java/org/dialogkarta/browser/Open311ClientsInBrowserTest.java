package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An administrator gives a fault-report system an Open311 key (shown once), the system posts with
 * it, and the administrator revokes it with the keyboard: the next post is refused.
 */
class Open311ClientsInBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void anAdministratorCreatesAKeyThatWorksAndRevokesIt() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    String name = "Felanmälan <" + UUID.randomUUID().toString().substring(0, 6) + ">";
    String admin = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(admin);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.locator("#nav-open311").click();
    page.waitForURL("**/personal/api-clients.html");

    page.locator("#open311-name").fill("");
    page.locator("#open311-create").click();
    assertThat(page.locator("#error-open311-name")).containsText("1–200");

    page.locator("#open311-name").fill(name);
    page.locator("#open311-limit").fill("50");
    page.locator("#open311-create").click();
    assertThat(page.locator("#open311-key")).isVisible();
    assertThat(page.locator("#open311-key")).containsText(name);
    String key = page.locator("#open311-new-key").textContent();
    assertThat(key).startsWith("o311_");
    Locator item = page.locator("#open311-list li.open311-client").filter(new Locator.FilterOptions().setHasText(name));
    assertThat(item).containsText("50 ärenden i timmen");
    assertThat(post(key, dialogue).status()).isEqualTo(201);

    page.onDialog(dialog -> dialog.accept());
    item.locator("button.open311-revoke").focus();
    page.keyboard().press("Enter");
    assertThat(item.locator(".open311-client__state")).containsText("återkallad");
    assertThat(item.locator("button.open311-revoke")).hasCount(0);
    assertThat(post(key, dialogue).status()).isEqualTo(403);
    assertThat(consoleErrors).isEmpty();
  }

  private Api.Response post(String key, TestData.Dialogue dialogue) {
    String body = "api_key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
        + "&service_code=" + URLEncoder.encode(dialogue.slug() + ":suggestion", StandardCharsets.UTF_8)
        + "&lat=58.59&long=16.18&description=" + URLEncoder.encode("Från webbläsartestet", StandardCharsets.UTF_8);
    return new Api(port).post("/open311/v2/requests.json", "application/x-www-form-urlencoded", body);
  }
}
