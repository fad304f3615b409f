package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * Walk mode on a phone with its own position: pins "here" online, then with the network gone the
 * pins wait on the phone, the page is reloaded (from the service worker's cache), the network
 * comes back, and every pin reaches the server exactly once.
 */
class WalkModeBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void pinsMadeOfflineReachTheServerExactlyOnceAfterAReload() {
    TestData data = new TestData(jdbc);
    TestData.Dialogue dialogue = data.openDialogue();
    data.subtag(dialogue, "safety_concern", "skadegorelse_klotter", "Skadegörelse & klotter");
    long walk = planWalk(dialogue);

    BrowserContext phone = newPhoneContext();
    phone.grantPermissions(List.of("geolocation"));
    phone.setGeolocation(new Geolocation(58.59, 16.18).setAccuracy(8));
    try {
      Page p = phone.newPage();
      p.navigate(url("/vandring/" + walk));
      p.locator("#walk-map.leaflet-container").waitFor();
      p.evaluate("() => navigator.serviceWorker.ready");

      // A planner's own sub-tag is offered by its words, not its code.
      p.locator("button.walk-category[data-category=safety_concern]").click();
      assertThat(p.locator("button.walk-tag[data-subtag=skadegorelse_klotter]")).hasText("Skadegörelse & klotter");
      p.locator("#walk-text").fill("Stopp 1: mörk passage");
      p.locator("#walk-save").click();
      assertThat(p.locator("#walk-save")).isHidden();
      pinHere(p, "suggestion", "Stopp 2: bänk behövs");
      eventually(() -> walkPins(walk) == 2, "the two online pins");
      assertThat(p.locator("#walk-sent")).hasText("2");

      phone.setOffline(true);
      phone.setGeolocation(new Geolocation(58.591, 16.181).setAccuracy(12));
      pinHere(p, "safety_concern", "Stopp 3: trasig lampa");
      pinHere(p, "service_gap", ""); // "pin here" in two taps: category, save
      assertThat(p.locator("#walk-queued")).hasText("2");
      p.reload();
      p.locator("#walk-map").waitFor();
      assertThat(p.locator("#walk-queued")).hasText("2");
      assertThat(walkPins(walk)).isEqualTo(2);

      phone.setOffline(false);
      p.evaluate("() => window.dispatchEvent(new Event('online'))");
      eventually(() -> walkPins(walk) == 4, "the offline pins after the network came back");
      assertThat(p.locator("#walk-queued")).hasText("0");
    } finally {
      phone.close();
    }
    List<String> stops = jdbc.sql("SELECT category || ': ' || coalesce(text, '-') FROM pin WHERE walk_id = :w ORDER BY recorded_at, id")
        .param("w", walk).query(String.class).list();
    assertThat(stops).containsExactly("safety_concern: Stopp 1: mörk passage", "suggestion: Stopp 2: bänk behövs",
        "safety_concern: Stopp 3: trasig lampa", "service_gap: -");
    assertThat(jdbc.sql("SELECT count(DISTINCT source) || ':' || min(source) FROM pin WHERE walk_id = :w")
        .param("w", walk).query(String.class).single()).isEqualTo("1:walk");
  }

  private static void pinHere(Page p, String category, String text) {
    p.locator("button.walk-category[data-category=" + category + "]").click();
    if (!text.isEmpty()) {
      p.locator("#walk-text").fill(text);
    }
    p.locator("#walk-save").click();
    assertThat(p.locator("#walk-save")).isHidden();
  }

  @Test
  void onAClosedWalkWithTheLocationDeniedTheAdviceDoesNotContradictItself() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    long walk = planWalk(dialogue);
    jdbc.sql("UPDATE walk SET starts_at = now() - interval '3 days', ends_at = now() - interval '2 days' WHERE id = :w")
        .param("w", walk).update();
    BrowserContext phone = newPhoneContext(); // no geolocation permission: the position is denied
    try {
      Page p = phone.newPage();
      p.navigate(url("/vandring/" + walk));
      assertThat(p.locator("#walk-notice")).containsText("avslutad");
      assertThat(p.locator("#walk-position")).containsText("inte tillåten");
      assertThat(p.locator("#walk-position")).not().containsText("Tryck på kartan");
    } finally {
      phone.close();
    }
  }

  private long planWalk(TestData.Dialogue dialogue) {
    String planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Api.Response r = new Api(port).postJson("/api/v1/staff/walks", """
        {"dialogue": "%s", "kind": "safety_walk", "title": "Kvällsvandring", "startsAt": "%s", "endsAt": "%s",
         "meetingPoint": {"type": "Point", "coordinates": [16.18, 58.59]}, "meetingPointName": "Torget",
         "plannedRoute": {"type": "LineString", "coordinates": [[16.18, 58.59], [16.185, 58.592]]},
         "groups": ["residents", "police"], "facilitator": "Trygghetssamordnaren", "light": "dark"}"""
        .formatted(dialogue.slug(), start, start.plus(3, ChronoUnit.HOURS)), "Authorization", planner);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  private long walkPins(long walk) {
    return jdbc.sql("SELECT count(*) FROM pin WHERE walk_id = :w").param("w", walk).query(Long.class).single();
  }
}
