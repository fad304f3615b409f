package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
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
 * A moderator signs in, approves one pin and hides another with a reason; the citizen who wrote
 * both sees each outcome on their receipt page.
 */
class ModerationInBrowserTest extends BrowserTest {

  private static final String REASON = "Innehåller personuppgifter";

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void aModeratorApprovesAndHidesAndTheReceiptShowsBothOutcomes() {
    TestData data = new TestData(jdbc);
    TestData.Dialogue dialogue = data.openDialogue();
    jdbc.sql("UPDATE dialogue SET moderation_mode = 'pre' WHERE id = :id").param("id", dialogue.id()).update();
    Api api = new Api(port);
    String path = "/api/v1/dialogues/" + dialogue.slug() + "/pins";
    Api.Response first = api.postJson(path, Api.pinJson("safety_concern", "Lampan vid tunneln är trasig", 16.18, 58.59));
    String token = first.json().get("receipt").asString();
    long good = first.json().get("id").asLong();
    long bad = api.postJson(path, """
        {"category": "suggestion", "text": "Grannen Kalle på nummer 5 spelar hög musik", "receipt": "%s",
         "location": {"type": "Point", "coordinates": [16.19, 58.59]}}""".formatted(token)).json().get("id").asLong();
    String moderator = new StaffAccounts(accounts, encoder).create(StaffRole.MODERATOR);

    page.navigate(url("/logga-in"));
    page.locator("#username").fill(moderator);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    assertThat(page.locator("#staff-name")).isVisible();
    page.locator("a#nav-moderation").click();
    page.locator("#dialogue-select").selectOption(String.valueOf(dialogue.id()));

    openInQueue(good);
    page.locator("#approve-button").click();
    assertThat(page.locator("#action-status")).not().isEmpty();
    openInQueue(bad);
    page.locator("#hide-button").click();
    page.locator("#hide-reason").fill(REASON);
    page.locator("#confirm-hide").click();
    assertThat(page.locator("li.queue-item[data-pin-id='" + bad + "']")).hasCount(0);

    assertThat(state(good)).isEqualTo("published");
    assertThat(state(bad)).isEqualTo("hidden");

    page.navigate(url("/kvitto#" + token));
    Locator pins = page.locator("#receipt-pins li.receipt-pin");
    assertThat(pins).hasCount(2);
    assertThat(pins.filter(new Locator.FilterOptions().setHasText("Grannen Kalle"))).containsText(REASON);
    assertThat(pins.filter(new Locator.FilterOptions().setHasText("Lampan vid tunneln"))).not().containsText(REASON);
    assertThat(api.get("/api/v1/pins/" + good).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/pins/" + bad).status()).isEqualTo(404);
  }

  private void openInQueue(long pin) {
    page.locator("li.queue-item[data-pin-id='" + pin + "'] .queue-item__open").click();
    assertThat(page.locator("#pin-detail")).containsText("#" + pin);
  }

  private String state(long pin) {
    return jdbc.sql("SELECT moderation_state FROM pin WHERE id = :id").param("id", pin).query(String.class).single();
  }
}
