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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The citizen's side of feedback: "me too" instead of a repeat, replies on the map, deleting one's own pin. */
class FeedbackInBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private TestData data;
  private TestData.Dialogue dialogue;
  private Api api;

  @BeforeEach
  void dialogue() {
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
    api = new Api(port);
  }

  @Test
  void aNearbyPinOfTheSameCategoryIsOfferedAndSupportedInsteadOfRepeated() {
    // The map opens on the study area's centre, 16.18 E 58.59 N; this pin is about 20 m north of it.
    long existing = create("safety_concern", "Gatlampan är släckt sedan i höstas", 16.18, 58.59 + 20 / 111_000.0);
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#map.leaflet-container").waitFor();

    PinningInBrowserTest.tabUntil(page, "document.activeElement.id === 'map'");
    page.keyboard().press("Enter");
    page.locator("input[name=category][value=safety_concern]").check();
    Locator offer = page.locator("#nearby-list li.nearby-pin");
    assertThat(offer).hasCount(1);
    assertThat(offer).containsText("Gatlampan är släckt");
    offer.locator("button.nearby-support").click();

    assertThat(page.locator("#confirmation")).isVisible();
    assertThat(data.pinCount(dialogue)).as("no repeated pin").isOne();
    assertThat(jdbc.sql("SELECT supports FROM pin WHERE id = :id").param("id", existing).query(Integer.class).single())
        .isOne();
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void theMunicipalitysReplyIsShownWithThePin() {
    long pin = create("suggestion", "Fler bänkar längs ån", 16.18, 58.59);
    String planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    Api.Response reply = api.postJson("/api/v1/staff/pins/replies",
        "{\"pinIds\": [" + pin + "], \"text\": \"Tre nya bänkar ställs ut i maj.\", \"status\": \"planned\"}",
        "Authorization", planner);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);

    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#list-toggle").click();
    Locator item = page.locator("#pin-list .pin-item").filter(new Locator.FilterOptions().setHasText("Fler bänkar"));
    assertThat(item.locator(".pin-reply")).containsText("Tre nya bänkar ställs ut i maj.");
  }

  @Test
  void aSubmitterDeletesTheirPinFromTheReceiptPage() {
    Api.Response created = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        Api.pinJson("suggestion", "Jag ångrar mig", 16.18, 58.59));
    String token = created.json().get("receipt").asString();
    page.navigate(url("/kvitto#" + token));
    assertThat(page.locator("#receipt-pins li.receipt-pin")).hasCount(1);

    page.locator("button.delete-own-pin").click();
    page.locator("#delete-confirm").click();
    assertThat(page.locator("#receipt-pins li.receipt-pin")).hasCount(0);
    assertThat(data.pinCount(dialogue)).isZero();
    page.reload();
    assertThat(page.locator("#receipt-pins li.receipt-pin")).hasCount(0);
  }

  @Test
  void aMergedDuplicatesReceiptSaysSoAndLinksThePinItJoined() {
    long kept = create("safety_concern", "Trasig lampa i tunneln", 16.181, 58.591);
    Api.Response dup = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        Api.pinJson("safety_concern", "Lampan i tunneln är sönder", 16.1811, 58.5911));
    long duplicate = dup.json().get("id").asLong();
    String token = dup.json().get("receipt").asString();
    jdbc.sql("UPDATE pin SET merged_into = :kept WHERE id = :dup").param("kept", kept).param("dup", duplicate).update();

    page.navigate(url("/kvitto#" + token));
    Locator item = page.locator("#receipt-pins li.receipt-pin");
    assertThat(item).containsText("Sammanslagen med en likadan synpunkt");
    assertThat(item).not().containsText("Publicerad – syns på kartan");
    Locator link = item.locator(".state--merged a");
    assertThat(link).hasText("Visa den på kartan");
    link.click();
    page.waitForURL("**/dialoger/" + dialogue.slug() + "?pin=" + kept);
    // The dialogue page opens the pin the duplicate joined.
    assertThat(page.locator(".leaflet-popup .pin-popup")).containsText("Trasig lampa i tunneln");
    org.assertj.core.api.Assertions.assertThat(consoleErrors).isEmpty();
  }

  private long create(String category, String text, double lon, double lat) {
    Api.Response r = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", Api.pinJson(category, text, lon, lat));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }
}
