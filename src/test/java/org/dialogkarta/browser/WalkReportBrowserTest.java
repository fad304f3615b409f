package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.imageio.ImageIO;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The planner opens the walk report the same evening: the stops in walk order, with their photos. */
class WalkReportBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void theReportListsTheStopsInTheOrderTheyWereMadeWithPhotos() throws IOException {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    String plannerName = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    Api api = new Api(port);
    Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    long walk = api.postJson("/api/v1/staff/walks", """
        {"dialogue": "%s", "kind": "community_walk", "title": "Byvandring", "startsAt": "%s", "endsAt": "%s",
         "facilitator": "Landsbygdsutvecklaren", "groups": ["residents", "municipality"]}"""
        .formatted(dialogue.slug(), start, start.plus(2, ChronoUnit.HOURS)), "Authorization", StaffAccounts.basic(plannerName))
        .json().get("id").asLong();
    // Sent out of order, as phones coming back online do: the report orders by when they were made.
    Api.Response second = walkPin(api, dialogue, walk, "Här saknas en busskur", start.plus(40, ChronoUnit.MINUTES));
    walkPin(api, dialogue, walk, "Vackra gamla lindar", start.plus(10, ChronoUnit.MINUTES));
    uploadPhoto(api, second.json().get("id").asLong(), second.json().get("receipt").asString());

    page.navigate(url("/logga-in"));
    page.locator("#username").fill(plannerName);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.navigate(url("/personal/vandring/" + walk + "/rapport"));

    Locator stops = page.locator("#report-stops > li.report-stop");
    assertThat(stops).hasCount(2);
    assertThat(stops.nth(0)).containsText("Vackra gamla lindar");
    assertThat(stops.nth(1)).containsText("Här saknas en busskur");
    assertThat(stops.nth(0).locator("img")).hasCount(0);
    assertThat(stops.nth(1).locator("img")).hasCount(1);
    eventually(() -> Boolean.TRUE.equals(stops.nth(1).locator("img")
        .evaluate("img => img.complete && img.naturalWidth > 0")), "the photo to load");
    assertThat(page.locator("#report-actions")).containsText("2");
    assertThat(page.locator("#print-report")).isVisible();
  }

  private static Api.Response walkPin(Api api, TestData.Dialogue d, long walk, String text, Instant madeAt) {
    Api.Response r = api.postJson("/api/v1/dialogues/" + d.slug() + "/pins", """
        {"category": "service_gap", "text": "%s", "walkId": %d, "recordedAt": "%s", "accuracy": 6,
         "location": {"type": "Point", "coordinates": [16.18, 58.59]}}""".formatted(text, walk, madeAt));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r;
  }

  private static void uploadPhoto(Api api, long pin, String receipt) throws IOException {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--grans\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"busskur.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    body.write(jpeg.toByteArray());
    body.write("\r\n--grans--\r\n".getBytes(StandardCharsets.US_ASCII));
    Api.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/pins/" + pin + "/photos"))
        .header("Content-Type", "multipart/form-data; boundary=grans").header("X-Receipt-Token", receipt)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }
}
