package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.dialogkarta.mail.Mail;
import org.dialogkarta.mail.Outbox;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An administrator reads the outbox: the newest message first, the note that no SMTP server is
 * set, the text on request (as text, never markup); a planner is told the page is for admins.
 */
class OutboxInBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired Outbox outbox;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void anAdministratorReadsTheQueuedMessagesAndTheirText() {
    long id = new TransactionTemplate(transactions).execute(s -> outbox.enqueue(new Mail("update",
        "anna.andersson@example.test", "sv", "Nytt om <b>din</b> synpunkt",
        "Hej!\nKommunen har svarat: <script>alert(1)</script>", "<p>Hej!</p>", null)));
    signIn(StaffRole.ADMIN);
    page.navigate(url("/personal/utskick"));

    assertThat(page.locator("#outbox-no-smtp")).isVisible();
    assertThat(page.locator("#outbox-no-smtp")).containsText("skulle ha skickats");
    Locator first = page.locator("#outbox-list li.outbox-item").first();
    assertThat(first).hasAttribute("data-outbox-id", String.valueOf(id));
    assertThat(first.locator(".outbox-subject")).hasText("Nytt om <b>din</b> synpunkt");
    assertThat(first.locator(".outbox-to")).hasText("anna.andersson@example.test");
    assertThat(first.locator(".outbox-state")).hasText("I kö");

    Locator show = first.locator("button.outbox-show");
    show.focus();
    page.keyboard().press("Enter");
    assertThat(show).hasAttribute("aria-expanded", "true");
    assertThat(first.locator("pre.outbox-text")).hasText("Hej!\nKommunen har svarat: <script>alert(1)</script>");
    assertThat(first.locator("script")).hasCount(0);
    assertThat(first).containsText("HTML-del");

    page.locator("#outbox-state").selectOption("sent");
    page.locator("#outbox-apply").click();
    assertThat(page.locator("#outbox-list li.outbox-item[data-outbox-id='" + id + "']")).hasCount(0);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void aPlannerIsToldThePageIsForAdministrators() {
    signIn(StaffRole.PLANNER);
    page.navigate(url("/personal/utskick"));
    assertThat(page.locator("#role-needed")).isVisible();
    assertThat(page.locator("#outbox-list li")).hasCount(0);
    assertThat(page.locator("#nav-outbox")).hasCount(0);
  }

  private void signIn(StaffRole role) {
    String username = new StaffAccounts(accounts, encoder).create(role);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(username);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
  }
}
