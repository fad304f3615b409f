package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.dialogkarta.follow.Digests;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A citizen follows an area by e-mail: draws it with the keyboard on /folj, gives an address,
 * opens the confirmation link from the message (read from the outbox, as the demo's admin page
 * would show it) and sees it confirmed; and asks for updates on the receipt page.
 */
class FollowInBrowserTest extends BrowserTest {

  private static final Pattern CONFIRM = Pattern.compile("(/folj#bekrafta=[A-Za-z0-9_-]{43})");
  private TestData.Dialogue dialogue;
  @Autowired Digests digests;

  @BeforeEach
  void setUp() {
    dialogue = new TestData(jdbc).openDialogue();
    jdbc.sql("DELETE FROM rate_count WHERE budget LIKE 'follow.%'").update();
  }

  @Test
  void aCitizenSubscribesToADrawnAreaAndConfirmsThroughTheLinkInTheMessage() {
    String to = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
    page.navigate(url("/folj?dialog=" + dialogue.slug()));
    page.locator("#follow-dialogue option").first().waitFor(new Locator.WaitForOptions()
        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    page.getByLabel("Ett område som jag ritar").check();
    Locator field = page.locator("#follow-area-field");
    field.locator(".q-map__map.leaflet-container").waitFor();

    PinningInBrowserTest.tabUntil(page, "document.activeElement.closest('#follow-area-field')"
        + " && document.activeElement.tagName === 'BUTTON'");
    page.keyboard().press("Enter"); // "Rita område": the map takes the focus
    assertThat(field.locator(".q-map__map")).isFocused();
    page.keyboard().press("Space");
    for (String move : new String[] {"ArrowUp", "ArrowRight", "ArrowDown"}) {
      for (int i = 0; i < 3; i++) {
        page.keyboard().press(move);
      }
      page.waitForTimeout(300);
      page.keyboard().press("Space");
    }
    PinningInBrowserTest.tabUntil(page, "document.activeElement.textContent === 'Klar'"
        + " && !!document.activeElement.closest('#follow-area-field')");
    page.keyboard().press("Enter");
    assertThat(field).containsText("Ett område är ritat");

    page.getByLabel("En gång om dagen").check();
    page.locator("#follow-email").fill(to);
    page.locator("#follow-submit").click();
    assertThat(page.locator("#follow-status")).containsText("Klicka på länken");

    String text = jdbc.sql("SELECT text_body FROM mail_outbox WHERE to_address = :to AND kind = 'follow_confirm'")
        .param("to", to).query(String.class).single();
    Matcher link = CONFIRM.matcher(text);
    assertThat(link.find()).as(text).isTrue();
    assertThat(jdbc.sql("SELECT confirmed_at IS NULL FROM follow_subscription WHERE address = :to")
        .param("to", to).query(Boolean.class).single()).isTrue();

    page.navigate(url(link.group(1)));
    assertThat(page.locator("#follow-answer")).containsText("Tack, nu är det bekräftat");
    assertThat(jdbc.sql("""
            SELECT kind = 'area' AND frequency = 'daily' AND confirmed_at IS NOT NULL
                   AND ST_Area(CAST(area AS geography)) > 1000 FROM follow_subscription WHERE address = :to""")
        .param("to", to).query(Boolean.class).single()).isTrue();
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void theUnsubscribeLinkOfADigestAsksAndThenStops() {
    Api api = new Api(port);
    String to = "digest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
    api.postJson("/api/v1/follow/subscriptions", "{\"email\": \"" + to + "\", \"frequency\": \"daily\", \"dialogue\": \""
        + dialogue.slug() + "\"}");
    Matcher link = CONFIRM.matcher(jdbc.sql("SELECT text_body FROM mail_outbox WHERE to_address = :to")
        .param("to", to).query(String.class).single());
    assertThat(link.find()).isTrue();
    String token = link.group(1).substring(link.group(1).indexOf('=') + 1);
    assertThat(api.postJson("/api/v1/follow/confirm", "{\"token\": \"" + token + "\"}").status()).isEqualTo(200);
    api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", Api.pinJson("suggestion", "Fler träd", 16.18, 58.59));
    digests.send(OffsetDateTime.now(ZoneOffset.UTC).plusHours(25));
    String unsubscribe = jdbc.sql("SELECT unsubscribe_url FROM mail_outbox WHERE to_address = :to AND kind = 'follow_digest'")
        .param("to", to).query(String.class).single();

    page.navigate(unsubscribe);
    assertThat(page.locator("#follow-answer")).containsText("Sluta få meddelanden?");
    assertThat(jdbc.sql("SELECT count(*) FROM follow_subscription WHERE address = :to").param("to", to)
        .query(Long.class).single()).as("opening the link ends nothing").isOne();
    page.getByText("Sluta skicka").click();
    assertThat(page.locator("#follow-answer")).containsText("Vi skickar inga fler meddelanden");
    assertThat(jdbc.sql("SELECT count(*) FROM follow_subscription WHERE address = :to").param("to", to)
        .query(Long.class).single()).isZero();
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void theConfirmationAfterPinningOffersUpdatesAndABadAddressIsNamed() {
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#map.leaflet-container").waitFor();
    page.locator("#map").click();
    page.locator("input[name=category][value=suggestion]").check();
    page.locator("#pin-text").fill("En parkbänk vid stigen");
    page.locator("#pin-submit").click();
    Locator form = page.locator("#confirmation form.follow-form");
    assertThat(form).isVisible();
    form.getByLabel("E-postadress").fill("inte en adress");
    form.locator("button[type=submit]").click();
    assertThat(form.locator(".form-error")).containsText("ser inte ut som en e-postadress");
    String to = "bekraftelse-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
    form.getByLabel("E-postadress").fill(to);
    form.locator("button[type=submit]").click();
    assertThat(form.locator(".follow-status")).containsText("Klicka på länken");
    assertThat(jdbc.sql("""
            SELECT count(*) FROM follow_subscription s JOIN pin p ON p.receipt_id = s.receipt_id
            WHERE s.address = :to AND p.dialogue_id = :d""").param("to", to).param("d", dialogue.id())
        .query(Long.class).single()).isOne();
    assertThat(consoleErrors.stream().filter(e -> !e.contains("status of 422")).toList()).isEmpty();
  }

  @Test
  void theReceiptPageOffersUpdatesByEmail() {
    Api api = new Api(port);
    Api.Response pinned = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        Api.pinJson("suggestion", "Fler bänkar i parken", 16.18, 58.59));
    String receipt = pinned.json().get("receipt").asString();
    String to = "kvitto-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
    page.navigate(url("/kvitto#" + receipt));
    Locator form = page.locator("#receipt-follow form");
    form.getByLabel("E-postadress").fill(to);
    form.getByLabel("Engelska").check();
    form.locator("button[type=submit]").click();
    assertThat(form.locator(".follow-status")).containsText("Klicka på länken");
    assertThat(jdbc.sql("SELECT language FROM mail_outbox WHERE to_address = :to").param("to", to)
        .query(String.class).single()).isEqualTo("en");
    assertThat(consoleErrors).isEmpty();
  }
}
