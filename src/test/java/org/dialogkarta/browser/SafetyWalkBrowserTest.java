package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.Media;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import tools.jackson.databind.JsonNode;

/**
 * A safety walk from the stops to the follow-up in Chromium: the group rates the checklist at two
 * stops on a phone without network, each rating reaches the server once; the facilitator makes an
 * action from a poor score; the responsible body marks it done; the repeat walk's report shows the
 * improvement; and the walk report printed by Chromium keeps its map on the page.
 */
class SafetyWalkBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  TestData.Dialogue dialogue;
  String plannerName;
  String planner;
  Api api;

  @BeforeEach
  void aDialogueAndAPlanner() {
    dialogue = new TestData(jdbc).openDialogue();
    plannerName = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    planner = StaffAccounts.basic(plannerName);
    api = new Api(port);
  }

  long walk(String extra) {
    Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Api.Response r = api.postJson("/api/v1/staff/walks", """
        {"dialogue": "%s", "kind": "safety_walk", "title": "Kvällsvandring i Navestad", "startsAt": "%s", "endsAt": "%s",
         "meetingPoint": {"type": "Point", "coordinates": [16.18, 58.59]}, "meetingPointName": "Torget",
         "plannedRoute": {"type": "LineString", "coordinates": [[16.18, 58.59], [16.183, 58.5905], [16.186, 58.5912]]},
         "groups": ["residents", "police"], "facilitator": "Trygghetssamordnaren", "light": "dark"%s}"""
        .formatted(dialogue.slug(), start, start.plus(3, ChronoUnit.HOURS), extra), "Authorization", planner);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  long walkWithStops() {
    long w = walk("");
    Api.Response r = send("PUT", "/api/v1/staff/walks/" + w + "/stops", """
        {"stops": [{"name": "Gångtunneln", "location": {"type": "Point", "coordinates": [16.181, 58.5901]}},
                   {"name": "Parkeringen vid skolan", "location": {"type": "Point", "coordinates": [16.186, 58.5912]}}]}""");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return w;
  }

  Api.Response send(String method, String path, String json) {
    return api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + path))
        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json").header("Authorization", planner));
  }

  /** Every checklist item at one stop rated with one score, through the public API. */
  void rateAll(long walkId, int stop, int score) {
    JsonNode c = api.get("/api/v1/walks/" + walkId + "/checklist").json();
    List<String> scores = new ArrayList<>();
    c.get("items").forEach(i -> scores.add("{\"itemId\": " + i.get("id").asLong() + ", \"score\": " + score + "}"));
    Api.Response r = api.postJson("/api/v1/walks/" + walkId + "/ratings", "{\"stopId\": "
        + c.get("stops").get(stop).get("id").asLong() + ", \"ratings\": [" + String.join(",", scores) + "]}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  long count(String sql, long walkId) {
    return jdbc.sql(sql).param("w", walkId).query(Long.class).single();
  }

  void signIn(Page p, String user) {
    p.navigate(url("/logga-in"));
    p.locator("#username").fill(user);
    p.locator("#password").fill(StaffAccounts.PASSWORD);
    p.locator("#login-submit").click();
    p.waitForURL("**/personal/");
  }

  @Test
  void ratingsMadeOfflineAtTwoStopsReachTheServerOnceEach() {
    long w = walkWithStops();
    BrowserContext phone = newPhoneContext();
    phone.grantPermissions(List.of("geolocation"));
    phone.setGeolocation(new Geolocation(58.5912, 16.186).setAccuracy(8));
    try {
      Page p = phone.newPage();
      List<String> errors = new ArrayList<>();
      p.onPageError(errors::add);
      p.navigate(url("/vandring/" + w));
      p.locator("#walk-map.leaflet-container").waitFor();
      p.evaluate("() => navigator.serviceWorker.ready");
      assertThat(p.locator("#walk-checklist")).isVisible();
      assertThat(p.locator("#walk-checklist .walk-rate")).hasCount(10);
      assertThat(p.locator("#walk-map .walk-checklist-stop")).hasCount(2);
      // A photo at the stop goes as a walk pin: the button opens the pin sheet.
      p.locator("#walk-checklist-photo").click();
      assertThat(p.locator("#walk-save")).isVisible();
      p.locator("#walk-cancel").click();
      assertThat(p.locator("#walk-save")).isHidden();

      phone.setOffline(true);
      rateHere(p, "Gångtunneln", new int[] {1, 2, 2});
      rateHere(p, "Parkeringen vid skolan", new int[] {4, 5, 3});
      assertThat(p.locator("#walk-checklist-queue")).hasAttribute("data-waiting", "2");
      p.reload();
      p.locator("#walk-map").waitFor();
      assertThat(p.locator("#walk-checklist-queue")).hasAttribute("data-waiting", "2");
      assertThat(count("SELECT count(*) FROM walk_rating_set WHERE walk_id = :w", w)).isZero();

      phone.setOffline(false);
      p.evaluate("() => window.dispatchEvent(new Event('online'))");
      eventually(() -> count("SELECT count(*) FROM walk_rating_set WHERE walk_id = :w", w) == 2, "both ratings stored");
      assertThat(p.locator("#walk-checklist-queue")).hasAttribute("data-sent", "2");
      p.evaluate("() => window.dispatchEvent(new Event('online'))");
      p.waitForTimeout(1500);
      assertThat(count("SELECT count(*) FROM walk_rating_set WHERE walk_id = :w", w)).isEqualTo(2);
      assertThat(count("SELECT count(*) FROM walk_rating WHERE walk_id = :w", w)).isEqualTo(6);
      assertThat(jdbc.sql("""
              SELECT string_agg(s.name || ':' || r.score, ',' ORDER BY s.position, i.position)
              FROM walk_rating r JOIN walk_rating_set rs ON rs.id = r.set_id JOIN walk_stop s ON s.id = rs.stop_id
              JOIN walk_checklist_item i ON i.id = r.item_id WHERE r.walk_id = :w""").param("w", w).query(String.class).single())
          .isEqualTo("Gångtunneln:1,Gångtunneln:2,Gångtunneln:2,Parkeringen vid skolan:4,Parkeringen vid skolan:5,Parkeringen vid skolan:3");
      assertThat(errors).isEmpty();
    } finally {
      phone.close();
    }
  }

  @Test
  void aRatingWithAPhotoTakenOfflineIsStoredOnceWithItsPhoto() throws IOException {
    long w = walkWithStops();
    BrowserContext phone = newPhoneContext();
    try {
      Page p = phone.newPage();
      List<String> errors = new ArrayList<>();
      p.onPageError(errors::add);
      p.navigate(url("/vandring/" + w));
      p.locator("#walk-map.leaflet-container").waitFor();
      p.evaluate("() => navigator.serviceWorker.ready");
      assertThat(p.locator("#walk-checklist")).isVisible();

      phone.setOffline(true);
      p.locator("#walk-checklist-stop").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(0));
      p.locator("#walk-checklist .walk-rate").nth(0).locator(".walk-rate__step").nth(1).click();
      p.locator("#walk-checklist-file").setInputFiles(new FilePayload("IMG_0042.jpg", "image/jpeg", jpeg()));
      assertThat(p.locator("#walk-checklist-file-preview img")).hasCount(1);
      assertThat(p.locator("#walk-checklist-file-clear")).isVisible();
      p.locator("#walk-checklist-save").click();
      assertThat(p.locator("#walk-checklist-saved")).containsText("Gångtunneln");
      // The form is empty again for the next stop; the photo waits in the outbox with the rating.
      assertThat(p.locator("#walk-checklist-file-preview img")).hasCount(0);
      p.reload();
      p.locator("#walk-map").waitFor();
      assertThat(p.locator("#walk-checklist-queue")).hasAttribute("data-waiting", "1");
      assertThat(count("SELECT count(*) FROM walk_rating_set WHERE walk_id = :w", w)).isZero();

      phone.setOffline(false);
      p.evaluate("() => window.dispatchEvent(new Event('online'))");
      eventually(() -> count("""
          SELECT count(*) FROM walk_rating_photo p JOIN walk_rating_set s ON s.id = p.set_id WHERE s.walk_id = :w""", w) == 1,
          "the rating's photo stored");
      assertThat(p.locator("#walk-checklist-queue")).hasAttribute("data-sent", "1");
      p.evaluate("() => window.dispatchEvent(new Event('online'))");
      p.waitForTimeout(1500);
      assertThat(count("SELECT count(*) FROM walk_rating_set WHERE walk_id = :w", w)).isEqualTo(1);
      assertThat(count("""
          SELECT count(*) FROM walk_rating_photo p JOIN walk_rating_set s ON s.id = p.set_id WHERE s.walk_id = :w""", w))
          .isEqualTo(1);
      // Sent: the Blob is gone from the phone.
      assertThat(p.evaluate("""
          () => new Promise((resolve) => { const r = indexedDB.open('dialogkarta-walk-ratings');
            r.onsuccess = () => { const g = r.result.transaction('ratings').objectStore('ratings').getAll();
              g.onsuccess = () => resolve(g.result.filter((x) => x.photo).length); }; })""")).isEqualTo(0);
      assertThat(errors).isEmpty();

      // The facilitator sees the photo at its stop in the walk report.
      signIn(page, plannerName);
      page.navigate(url("/personal/vandring/" + w + "/rapport"));
      assertThat(page.locator(".method-stop").first().locator(".method-photos img")).hasCount(1);
      page.waitForFunction("() => document.querySelector('.method-photos img')?.naturalWidth > 0");
      assertThat(page.locator(".method-photos img")).hasAttribute("alt", java.util.regex.Pattern.compile("Foto 1"));
    } finally {
      phone.close();
    }
  }

  static byte[] jpeg() throws IOException {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(java.awt.Color.DARK_GRAY);
    g.fillRect(0, 0, 320, 240);
    g.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "jpeg", out);
    return out.toByteArray();
  }

  /** Picks the stop, taps a score for the first questions, saves. */
  private static void rateHere(Page p, String stop, int[] scores) {
    p.locator("#walk-checklist-stop").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
        p.locator("#walk-checklist-stop option", new Page.LocatorOptions().setHasText(stop)).first().textContent()));
    for (int i = 0; i < scores.length; i++) {
      p.locator("#walk-checklist .walk-rate").nth(i).locator(".walk-rate__step").nth(scores[i] - 1).click();
    }
    p.locator("#walk-checklist-save").click();
    assertThat(p.locator("#walk-checklist-saved")).containsText(stop);
  }

  @Test
  void theFacilitatorPlansTheBodyFollowsUpAndTheRepeatWalkShowsTheImprovement() {
    long first = walkWithStops();
    rateAll(first, 0, 2);
    rateAll(first, 1, 3);
    String body = "Gatukontoret " + first;
    long bodyId = jdbc.sql("INSERT INTO department (name, kind) VALUES (:n, 'internal') RETURNING id").param("n", body)
        .query(Long.class).single();

    signIn(page, plannerName);
    page.navigate(url("/personal/walk-method.html?walk=" + first));
    assertThat(page.locator("#scores .method-stop")).hasCount(2);
    assertThat(page.locator("#scores .method-stop").first()).containsText("Problem");
    page.locator("#scores .method-stop").first().locator("button").first().click();
    assertThat(page.locator("#action-what")).hasValue(java.util.regex.Pattern.compile("Gångtunneln"));
    page.locator("#action-body").selectOption(String.valueOf(bodyId));
    page.locator("#action-due").fill(LocalDate.now(ZoneId.of("Europe/Stockholm")).plusMonths(2).toString());
    page.locator("#action-status").selectOption("agreed");
    page.locator("#action-cost").selectOption("medium");
    page.locator("#action-save").click();
    assertThat(page.locator("#actions-table tr[data-action]")).hasCount(1);
    assertThat(page.locator("#actions-table")).containsText(body);
    long action = count("SELECT max(id) FROM walk_action WHERE walk_id = :w", first);
    assertThat(jdbc.sql("SELECT status || ',' || cost_class || ',' || array_length(stop_ids, 1) FROM walk_action WHERE id = :id")
        .param("id", action).query(String.class).single()).isEqualTo("agreed,medium,1");
    page.locator("#meeting-follow_up-residents").fill("7");
    page.locator("#meeting-follow_up-police").fill("1");
    page.locator("form[data-kind=follow_up] button[type=submit]").click();
    eventually(() -> count("SELECT coalesce(sum(residents), 0) FROM walk_meeting WHERE walk_id = :w", first) == 7, "the meeting");

    String moderatorName = new StaffAccounts(accounts, encoder).create(StaffRole.MODERATOR);
    BrowserContext other = newPhoneContext();
    try {
      Page body2 = other.newPage();
      signIn(body2, moderatorName);
      body2.navigate(url("/personal/walk-actions.html?body=" + bodyId));
      assertThat(body2.locator("#body-actions li[data-action]")).hasCount(1);
      body2.locator("#action-" + action + "-status").selectOption("done");
      body2.locator("#action-" + action + "-save").click();
      eventually(() -> "done".equals(jdbc.sql("SELECT status FROM walk_action WHERE id = :id").param("id", action)
          .query(String.class).single()), "the body's status");
      assertThat(body2.locator("#body-actions li[data-action]").first()).hasAttribute("data-status", "done");
    } finally {
      other.close();
    }

    long repeat = walk(", \"repeatOf\": " + first);
    rateAll(repeat, 0, 4);
    rateAll(repeat, 1, 3);
    page.navigate(url("/personal/vandring/" + repeat + "/rapport"));
    assertThat(page.locator("#report-comparison tr[data-trend]")).hasCount(2);
    assertThat(page.locator("#report-comparison tr[data-trend]").first()).hasAttribute("data-trend", "improved");
    assertThat(page.locator("#report-comparison tr[data-trend]").first()).containsText("Bättre");
    assertThat(page.locator("#report-comparison")).containsText("Gatukontoret");
    assertThat(page.locator("#report-method-legend")).containsText("blivit bättre");
    assertThat(page.locator("#report-map .method-marker--improved")).hasCount(1);

    page.navigate(url("/dialoger/" + dialogue.slug()));
    assertThat(page.locator("#dialogue-walk-actions")).containsText("Gångtunneln");
    assertThat(page.locator("#dialogue-walk-actions li[data-status=done]")).hasCount(1);
    assertThat(page.locator("#dialogue-walk-actions")).not().containsText("Trygghetssamordnaren");
    assertThat(page.locator("#dialogue-walk-actions strong.user-text").first()).not().hasAttribute("lang", "sv");
    // On an English page the planners' Swedish action is marked Swedish (screen readers), with the note.
    context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("dk-lang", "en").setUrl(url("/"))));
    page.navigate(url("/dialoger/" + dialogue.slug()));
    assertThat(page.locator("#dialogue-walk-actions strong.user-text").first()).hasAttribute("lang", "sv");
    assertThat(page.locator("#dialogue-walk-actions")).containsText("(in Swedish)");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void theWalkReportPrintsToPdfWithTheMapInsideThePage() throws Exception {
    long w = walkWithStops();
    rateAll(w, 0, 2);
    long bodyId = jdbc.sql("INSERT INTO department (name, kind) VALUES (:n, 'external') RETURNING id")
        .param("n", "Bostadsbolaget " + w).query(Long.class).single();
    for (String what : List.of("Byt belysning i gångtunneln", "Klipp buskarna vid parkeringen")) {
      Api.Response r = send("POST", "/api/v1/staff/walks/" + w + "/actions",
          "{\"what\": \"" + what + "\", \"responsibleBodyId\": " + bodyId + ", \"status\": \"agreed\"}");
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    signIn(page, plannerName);
    page.navigate(url("/personal/vandring/" + w + "/rapport"));
    page.locator("#report-map.leaflet-container").waitFor();
    assertThat(page.locator("#report-plan tr[data-action]")).hasCount(2);

    // A4 less the 14 mm margins of the print style, in CSS pixels (96 per inch), upright and across.
    for (int[] paper : new int[][] {{688, 1017}, {1017, 688}}) {
      page.setViewportSize(paper[0], paper[1]);
      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
      page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))");
      page.waitForTimeout(300);
      BoundingBox map = page.locator("#report-map").boundingBox();
      assertThat(map.x).isGreaterThanOrEqualTo(0);
      assertThat(map.x + map.width).as("map's right edge on a page %d px wide", paper[0]).isLessThanOrEqualTo(paper[0]);
      BoundingBox route = page.locator("#report-map path.walk-route").boundingBox();
      assertThat(route.x).isGreaterThanOrEqualTo(map.x);
      assertThat(route.x + route.width).as("the route inside the map").isLessThanOrEqualTo(map.x + map.width);
      assertThat(route.y).isGreaterThanOrEqualTo(map.y);
      assertThat(route.y + route.height).isLessThanOrEqualTo(map.y + map.height);
      page.evaluate("() => window.dispatchEvent(new Event('afterprint'))");
      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
    }

    page.setViewportSize(1280, 800);
    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    for (boolean landscape : new boolean[] {false, true}) {
      byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4").setLandscape(landscape).setPrintBackground(true));
      // Table cells wrap, so the words are compared without white space.
      String text = pdfText(pdf).replaceAll("\\s+", "");
      assertThat(text).contains("Gångtunneln", "Parkeringenvidskolan", "Bytbelysningigångtunneln",
          "Klippbuskarnavidparkeringen", "Bostadsbolaget" + w, "Åtgärdsplan").doesNotContain("Skrivut");
    }
  }

  static String pdfText(byte[] pdf) throws IOException, InterruptedException {
    Path file = Files.createTempFile("walk-report", ".pdf");
    try {
      Files.write(file, pdf);
      Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", "-raw", file.toString(), "-").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      return out;
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
