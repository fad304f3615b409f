package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
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
 * A planner compiles a dialogue's samrådsredogörelse from the report page: creates a topic,
 * moves a view into it, writes the position, builds a draft while its progress shows, downloads
 * the PDF, and publishes version 1. The public dialogue page then shows the summary, and the
 * citizen's receipt shows the topic and position their view ended up under.
 */
class ReportInBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void aPlannerBuildsAndPublishesTheReportAndTheCitizenSeesTheirTopic() throws IOException {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    Api api = new Api(port);
    Api.Response pinned = api.postJson("/api/v1/dialogues/" + d.slug() + "/pins",
        Api.pinJson("safety_concern", "Mörkt på gångvägen <b>vid skolan</b>", 16.18, 58.59));
    assertThat(pinned.status()).as(pinned.body()).isEqualTo(201);
    String ref = "K-" + pinned.json().get("id").asLong();
    String receipt = pinned.json().get("receipt").asString();

    signIn(page, new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    page.locator("#start-tools a[href='/personal/report.html']").click();
    page.waitForURL("**/personal/report.html");
    page.locator("#report-dialogue").selectOption(String.valueOf(d.id()));
    assertThat(page.locator("#report-summary")).containsText("1 synpunkt ingår");

    // A topic, by keyboard.
    page.locator("#report-new-topic-title").fill("Belysning");
    page.locator("#report-new-topic-title").press("Enter");
    assertThat(page.locator("#report-status")).containsText("Ämnet Belysning är skapat");
    var topic = page.locator("#report-topics li.report-topic");
    assertThat(topic).containsText("0 synpunkter");

    // The view moves into it.
    var view = page.locator("#report-views li[data-ref='" + ref + "']");
    assertThat(view).containsText("Mörkt på gångvägen <b>vid skolan</b>");
    view.locator("input.view-check").check();
    page.locator("#report-move-to").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Belysning"));
    page.locator("#report-move").click();
    assertThat(page.locator("#report-status")).containsText("1 synpunkt flyttad till Belysning");
    assertThat(topic).containsText("1 synpunkt");

    // The position, with the reason the form asks for when not accommodated.
    topic.locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Ändra")).click();
    String id = topic.getAttribute("data-topic-id");
    page.locator("#topic-" + id + "-effect").selectOption("not_accommodated");
    page.locator("#topic-" + id + "-answer").fill("Gångvägen ska rivas när skolan byggs om.");
    page.locator("#topic-" + id + "-save").click();
    assertThat(page.locator("#topic-" + id + "-reason-error")).containsText("Skriv skälet");
    page.locator("#topic-" + id + "-reason").fill("En ny belyst gångväg byggs 2028 i stället.");
    page.locator("#topic-" + id + "-save").click();
    assertThat(page.locator("#report-status")).containsText("Ämnet Belysning är sparat");
    assertThat(topic).containsText("Inte tillgodosett");

    page.locator("#report-conclusions").fill("Tryggheten på skolvägen var det viktigaste.");
    page.locator("#report-next-steps").fill("Planen går ut på granskning i maj.");
    page.locator("#report-texts-save").click();
    assertThat(page.locator("#report-status")).containsText("Texterna är sparade");

    // A draft: its progress shows, then the files.
    page.locator("#report-draft").click();
    assertThat(page.locator("#report-progress-box")).isVisible();
    assertThat(page.locator("#report-progress-label")).containsText("%");
    var pdfLink = page.locator("#report-files a").first();
    assertThat(pdfLink).containsText("PDF", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
        .setTimeout(60_000));
    Download download = page.waitForDownload(pdfLink::click);
    byte[] pdf = Files.readAllBytes(download.path());
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    // Publish version 1, confirmed in place.
    page.locator("#report-publish").click();
    assertThat(page.locator("#report-publish-question")).containsText("Version 1 visas för alla");
    page.locator("#report-publish-yes").click();
    assertThat(page.locator("#report-versions li").first()).containsText("Version 1", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
    assertThat(page.locator("#report-publish")).hasText("Publicera version 2");

    // The public dialogue page: the summary and the PDF.
    page.navigate(url("/dialoger/" + d.slug()));
    var section = page.locator(".dialogue-report");
    assertThat(section).containsText("Vad kom vi fram till?");
    assertThat(section).containsText("Tryggheten på skolvägen var det viktigaste.");
    assertThat(section).containsText("Planen går ut på granskning i maj.");
    assertThat(section.locator("a.report-pdf")).hasAttribute("href", "/api/v1/dialogues/" + d.slug() + "/report/1.pdf");

    // The citizen's receipt: topic and position.
    BrowserContext citizen = context.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("sv-SE"));
    Page receiptPage = citizen.newPage();
    receiptPage.navigate(url("/kvitto#" + receipt));
    var outcome = receiptPage.locator("li.receipt-pin");
    assertThat(outcome).containsText("I samrådsredogörelsen");
    assertThat(outcome).containsText("Belysning");
    assertThat(outcome).containsText("Inte tillgodosett");
    assertThat(outcome.locator("a", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("samrådsredogörelsen")))
        .hasAttribute("href", "/api/v1/dialogues/" + d.slug() + "/report/1.pdf");
    citizen.close();
    assertThat(consoleErrors).as("only the refused save without a reason").singleElement().asString().contains("422");
  }

  @Test
  void theReportPageFitsAPhone() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    BrowserContext phone = newPhoneContext();
    Page p = phone.newPage();
    signIn(p, new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    p.navigate(url("/personal/report.html?dialogue=" + d.id()));
    assertThat(p.locator("#report-summary")).containsText("0 synpunkter");
    Object overflow = p.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(0);
    phone.close();
  }

  private void signIn(Page p, String username) {
    p.navigate(url("/logga-in"));
    p.locator("#username").fill(username);
    p.locator("#password").fill(StaffAccounts.PASSWORD);
    p.locator("#login-submit").click();
    p.waitForURL("**/personal/");
  }
}
