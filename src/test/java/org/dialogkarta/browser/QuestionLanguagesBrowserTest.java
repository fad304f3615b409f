package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Axe;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The dialogue's own questions in the page's language: a Finnish page shows the Finnish label and
 * option staff wrote and the untranslated option in Swedish, marked; switched to Arabic (nothing
 * translated) every text is Swedish with lang="sv" and the note; axe finds nothing. An
 * administrator writes a translation in the builder with the keyboard.
 */
class QuestionLanguagesBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private TestData.Dialogue dialogue;
  private long question;

  /** axe's script is added to the page as a script element, which the pages' CSP would refuse. */
  @Override
  protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
    return super.contextOptions().setBypassCSP(true);
  }

  @BeforeEach
  void questionnaire() {
    dialogue = new TestData(jdbc).openDialogue();
    question = jdbc.sql("INSERT INTO question (dialogue_id, position) VALUES (:d, 0) RETURNING id")
        .param("d", dialogue.id()).query(Long.class).single();
    long version = jdbc.sql("""
            INSERT INTO question_version (question_id, version, kind, required, label_sv, options)
            VALUES (:q, 1, 'single_choice', false, 'Hur ofta åker du buss?',
                    '[{"code": "daily", "sv": "Varje dag"}, {"code": "never", "sv": "Aldrig"}]') RETURNING id""")
        .param("q", question).query(Long.class).single();
    jdbc.sql("""
            INSERT INTO question_translation (question_version_id, language, field, text)
            VALUES (:v, 'fi', 'label', 'Kuinka usein matkustat bussilla?'), (:v, 'fi', 'option.daily', 'Joka päivä')""")
        .param("v", version).update();
  }

  @Test
  void aFinnishPageShowsTheFinnishQuestionAndAnArabicOneTheSwedishMarked() {
    context.addCookies(List.of(new Cookie("dk-lang", "fi").setDomain("localhost").setPath("/")));
    page.navigate(url("/dialoger/" + dialogue.slug()));
    assertThat(page.locator("html")).hasAttribute("lang", "fi");
    Locator field = page.locator("#survey [data-question='" + question + "']");
    Locator label = field.locator("legend .content-text");
    assertThat(label).hasText("Kuinka usein matkustat bussilla?");
    assertThat(label).not().hasAttribute("lang", "sv");
    assertThat(field.locator("legend")).not().containsText("(ruotsiksi)");
    Locator daily = page.locator("label[for='survey-q" + question + "-0'] .content-text");
    assertThat(daily).hasText("Joka päivä");
    assertThat(daily).not().hasAttribute("lang", "sv");
    Locator never = page.locator("label[for='survey-q" + question + "-1'] .content-text");
    assertThat(never).hasText("Aldrig");
    assertThat(never).hasAttribute("lang", "sv");
    assertThat(page.locator("label[for='survey-q" + question + "-1']")).containsText("(ruotsiksi)");
    Axe.check(page, "Finnish dialogue page with its questions");

    // Arabic by the switch: no Arabic texts, so the Swedish ones, marked, and the page right to left.
    page.locator("#lang-switch").selectOption("ar");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(label).hasText("Hur ofta åker du buss?");
    assertThat(label).hasAttribute("lang", "sv");
    assertThat(field.locator("legend")).containsText("(باللغة السويدية)");
    assertThat(daily).hasText("Varje dag");
    assertThat(daily).hasAttribute("lang", "sv");
    Axe.check(page, "Arabic dialogue page with its questions in Swedish");

    // Loaded in Arabic from the start: the same.
    page.reload();
    assertThat(label).hasText("Hur ofta åker du buss?");
    assertThat(label).hasAttribute("lang", "sv");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void anAdministratorTranslatesAQuestionInTheBuilderWithTheKeyboard() {
    String admin = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(admin);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.navigate(url("/personal/dialoger/" + dialogue.id() + "/fragor"));
    Locator translations = page.locator("details[data-translations='" + question + "']");
    translations.locator("summary").focus();
    page.keyboard().press("Enter");
    // The fields appear once the saved texts are read: the Finnish label is there to change.
    Locator labelField = page.locator("#qt-" + question + "-label");
    assertThat(labelField).hasValue("Kuinka usein matkustat bussilla?");
    assertThat(translations.locator("form")).not().hasAttribute("aria-busy", "true");
    assertThat(translations).containsText("Hur ofta åker du buss?");
    labelField.focus();
    page.keyboard().press("ControlOrMeta+a");
    page.keyboard().type("Kuinka usein käytät bussia?");
    page.locator("#qt-" + question + "-option-never").focus();
    page.keyboard().type("Ei koskaan");
    page.keyboard().press("Enter"); // submits the form
    assertThat(translations.locator("[role=status]")).containsText("Finska");
    assertThat(jdbc.sql("""
            SELECT string_agg(t.field || '=' || t.text, ';' ORDER BY t.field) FROM question_translation t
            JOIN question_version v ON v.id = t.question_version_id WHERE v.question_id = :q AND t.language = 'fi'""")
        .param("q", question).query(String.class).single())
        .isEqualTo("label=Kuinka usein käytät bussia?;option.daily=Joka päivä;option.never=Ei koskaan");

    assertThat(consoleErrors).isEmpty();

    // Arabic: empty fields, right to left; an option's text too long is refused by field and nothing is stored.
    translations.locator("select").selectOption("ar");
    assertThat(labelField).hasValue("");
    assertThat(labelField).hasAttribute("dir", "rtl");
    labelField.fill("كم مرة تستقل الحافلة؟");
    page.locator("#qt-" + question + "-option-daily").evaluate("el => { el.removeAttribute('maxlength'); el.value = 'x'.repeat(201); }");
    translations.locator("button[type=submit]").click();
    assertThat(page.locator("#qt-" + question + "-option-daily")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("#qt-" + question + "-option-daily-error")).not().isEmpty();
    assertThat(jdbc.sql("""
            SELECT count(*) FROM question_translation t JOIN question_version v ON v.id = t.question_version_id
            WHERE v.question_id = :q AND t.language = 'ar'""").param("q", question).query(Long.class).single()).isZero();
  }
}
