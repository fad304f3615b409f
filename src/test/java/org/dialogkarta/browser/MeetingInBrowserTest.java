package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A facilitator enters what a participant said at a meeting, with the participant's age band and
 * gender when they want to give them, so that meetings count in "who has been heard".
 */
class MeetingInBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void aMeetingPinCarriesTheParticipantsAgeBandAndGenderWhenGiven() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    String text = "Fler bänkar längs ån " + UUID.randomUUID().toString().substring(0, 6);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.navigate(url("/personal/meeting.html"));
    assertThat(page.locator("#meeting-content")).isVisible();
    page.locator("#meeting-dialogue").selectOption(String.valueOf(d.id()));
    page.locator("#meeting-name").fill("Samrådsmöte i Folkets hus");
    page.locator("#meeting-map").click();
    page.locator("input[name=category][value=suggestion]").check();
    page.locator("#meeting-text").fill(text);
    page.locator("#meeting-age").selectOption("65_79");
    page.locator("#meeting-gender").selectOption("woman");
    page.locator("#meeting-save").click();

    eventually(() -> jdbc.sql("SELECT count(*) FROM pin WHERE text = :t").param("t", text).query(Long.class).single() == 1,
        "the meeting pin to be stored");
    Map<String, Object> row = jdbc.sql("SELECT source, meeting_name, age_band, gender FROM pin WHERE text = :t")
        .param("t", text).query().singleRow();
    assertThat(row).containsEntry("source", "meeting").containsEntry("meeting_name", "Samrådsmöte i Folkets hus")
        .containsEntry("age_band", "65_79").containsEntry("gender", "woman");
    // Ready for the next participant: their answers are not carried over.
    assertThat(page.locator("#meeting-age")).hasValue("");
    assertThat(page.locator("#meeting-gender")).hasValue("");
    assertThat(consoleErrors).isEmpty();
  }
}
