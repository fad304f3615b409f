package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An administrator builds a questionnaire: a choice question with options, a follow-up shown
 * only for one of them, a fault from the server beside its field, a change after answers that
 * makes version 2, and a refused delete of an answered question.
 */
class QuestionBuilderInBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void anAdministratorBuildsAQuestionnaireWithAConditionAndVersions() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    String admin = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(admin);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");

    page.navigate(url("/personal/dialogues.html"));
    page.locator("a[href='/personal/dialoger/" + dialogue.id() + "/fragor']").click();
    assertThat(page.locator("#questions-dialogue")).hasText("Testdialog " + dialogue.slug());
    assertThat(page.locator("#questions-empty")).isVisible();

    // A fault from the server lands at its field: no Swedish text.
    page.locator("#qe-save").click();
    assertThat(page.locator("#qe-label-sv")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("#qe-label-sv-error")).containsText("Skriv texten på svenska");

    page.locator("#qe-label-sv").fill("Hur ofta åker du buss?");
    page.locator("#qe-required").check();
    Locator options = page.locator(".qe-option");
    options.nth(0).locator("input[lang=sv]").fill("Varje dag");
    options.nth(1).locator("input[lang=sv]").fill("Aldrig");
    assertThat(options.nth(1).locator(".qe-code")).hasValue("aldrig");
    page.locator("#qe-save").click();
    assertThat(page.locator(".questions-item")).hasCount(1);
    assertThat(page.locator("#questions-status")).containsText("sparad");

    page.locator("#qe-kind").selectOption("long_text");
    page.locator("#qe-label-sv").fill("Varför åker du aldrig buss?");
    page.locator("#qe-condition").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("1. Hur ofta åker du buss?"));
    page.locator("#qe-condition-codes input[value=aldrig]").check();
    page.locator("#qe-save").click();
    assertThat(page.locator(".questions-item")).hasCount(2);
    assertThat(page.locator(".questions-item").nth(1)).containsText("Visas om fråga 1 besvaras med: Aldrig");
    // A follow-up cannot move above its question.
    page.locator(".questions-item").nth(1).locator("[data-move=up]").click();
    assertThat(page.locator("#questions-list-error")).containsText("måste komma efter");

    long first = jdbc.sql("SELECT id FROM question WHERE dialogue_id = :d ORDER BY position LIMIT 1")
        .param("d", dialogue.id()).query(Long.class).single();
    // An answer arrives; then a change makes version 2 and a delete is refused.
    new org.dialogkarta.support.Api(port).postJson("/api/v1/dialogues/" + dialogue.id() + "/responses",
        "{\"answers\": [{\"question\": " + first + ", \"value\": \"varje_dag\"}]}");
    page.reload();
    Locator item = page.locator(".questions-item").first();
    assertThat(item).containsText("version 1");
    assertThat(item).containsText("1 svar");
    item.getByText("Ändra").click();
    page.locator("#qe-label-sv").fill("Hur ofta reser du med buss?");
    page.locator("#qe-save").click();
    assertThat(page.locator(".questions-item").first()).containsText("version 2");
    assertThat(page.locator(".questions-item").first()).containsText("0 svar på denna version, 1 totalt");

    page.onDialog(d -> d.accept());
    page.locator(".questions-item").first().getByText("Ta bort").click();
    assertThat(page.locator("#questions-list-error")).containsText("har svar och kan inte tas bort");
    assertThat(jdbc.sql("SELECT count(*) FROM question WHERE dialogue_id = :d").param("d", dialogue.id())
        .query(Long.class).single()).isEqualTo(2);
    assertThat(consoleErrors.stream().filter(e -> !e.contains("status of 4")).toList()).isEmpty();
  }
}
