package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A page in English shows a dialogue's English texts where staff gave them, and otherwise the
 * Swedish text marked lang="sv" with "(in Swedish)"; an administrator writes the English texts.
 */
class ContentLanguagesBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired org.springframework.security.crypto.password.PasswordEncoder encoder;

  @Test
  void anEnglishPageMarksSwedishOnlyTextsAndShowsEnglishOnesPlainly() {
    TestData data = new TestData(jdbc);
    TestData.Dialogue d = data.openDialogue();
    jdbc.sql("UPDATE dialogue SET title = 'Parken vid torget', summary = 'Vad tycker du om parken?' WHERE id = :id")
        .param("id", d.id()).update();
    context.addCookies(List.of(new Cookie("dk-lang", "en").setUrl(url("/"))));

    page.navigate(url("/dialoger/" + d.slug()));
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(page.locator("#dialogue-header")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    Locator title = page.locator("#dialogue-title");
    assertThat(title.locator(".content-text")).hasText("Parken vid torget");
    assertThat(title.locator(".content-text")).hasAttribute("lang", "sv");
    assertThat(title.locator(".content-text")).hasAttribute("dir", "auto");
    assertThat(title).containsText("(in Swedish)");

    jdbc.sql("INSERT INTO dialogue_translation (dialogue_id, language, field, text) VALUES (:d, 'en', 'title', 'The park by the square')")
        .param("d", d.id()).update();
    page.reload();
    assertThat(page.locator("#dialogue-header")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    assertThat(title.locator(".content-text")).hasText("The park by the square");
    assertThat(title.locator(".content-text")).not().hasAttribute("lang", "sv");
    assertThat(title).not().containsText("(in Swedish)");
    // The summary has no English text: Swedish, marked.
    Locator summary = page.locator("#dialogue-header details.lifecycle .content-text").first();
    assertThat(summary).hasText("Vad tycker du om parken?");
    assertThat(summary).hasAttribute("lang", "sv");
    assertThat(page.locator("#dialogue-header details.lifecycle").first()).containsText("(in Swedish)");

    // The start page's card the same; back in Swedish nothing is marked.
    page.navigate(url("/"));
    Locator card = page.locator("article.dialogue-card").filter(new Locator.FilterOptions()
        .setHas(page.locator("a[href='/dialoger/" + d.slug() + "']")));
    assertThat(card.locator("h3")).hasText("The park by the square");
    assertThat(card.locator(".lifecycle .content-text[lang='sv']")).hasText("Vad tycker du om parken?");
    page.locator("#lang-switch").selectOption("sv");
    assertThat(page.locator("html")).hasAttribute("lang", "sv");
    assertThat(card.locator("h3")).hasText("Parken vid torget");
    assertThat(card.locator("[lang]")).hasCount(0);
    assertThat(card).not().containsText("(på svenska)");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void anAdministratorWritesTheEnglishTexts() {
    TestData data = new TestData(jdbc);
    TestData.Dialogue d = data.openDialogue();
    String admin = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(admin);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.navigate(url("/personal/dialogues.html"));
    Locator item = page.locator("#dialogues-list li.admin-dialogue[data-dialogue-id='" + d.id() + "']");
    item.locator("button.edit-dialogue").click();
    assertThat(page.locator("#dialogue-languages")).isVisible();
    page.locator("#translation-language").selectOption("en");
    page.locator("#translation-title").fill("The English title");
    page.locator("#translation-summary").fill("y".repeat(5001)); // maxlength keeps it to 5000
    page.locator("#translation-save").click();
    assertThat(page.locator("#translation-status")).containsText("Engelska");
    assertThat(jdbc.sql("SELECT text FROM dialogue_translation WHERE dialogue_id = :d AND language = 'en' AND field = 'title'")
        .param("d", d.id()).query(String.class).single()).isEqualTo("The English title");
    assertThat(jdbc.sql("SELECT char_length(text) FROM dialogue_translation WHERE dialogue_id = :d AND field = 'summary'")
        .param("d", d.id()).query(Integer.class).single()).isEqualTo(5000);
    // The Swedish form above still holds the Swedish title.
    assertThat(page.locator("#dialogue-title")).not().hasValue("The English title");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void aPlannerTranslatesAWalkAndWalkModeShowsIt() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    long walk = jdbc.sql("""
            INSERT INTO walk (dialogue_id, kind, title, starts_at, ends_at, facilitator, meeting_point_name)
            VALUES (:d, 'safety_walk', 'Trygghetsvandring vid torget', now() - interval '1 hour', now() + interval '2 hours',
                    'Karin Lund', 'Vid fontänen') RETURNING id""")
        .param("d", d.id()).query(Long.class).single();
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(planner);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.navigate(url("/personal/walks.html?dialogue=" + d.id()));
    page.locator("li[data-walk='" + walk + "'] button").filter(new Locator.FilterOptions().setHasText("Ändra")).click();
    assertThat(page.locator("#dialogue-languages")).isVisible();
    page.locator("#translation-language").selectOption("en");
    page.locator("#translation-title").fill("Safety walk by the square");
    page.locator("#translation-save").click();
    assertThat(page.locator("#translation-status")).containsText("Engelska");

    context.addCookies(List.of(new Cookie("dk-lang", "en").setUrl(url("/"))));
    page.navigate(url("/vandring/" + walk));
    assertThat(page.locator("#walk-title .content-text")).hasText("Safety walk by the square");
    assertThat(page.locator("#walk-title .content-text")).not().hasAttribute("lang", "sv");
    Locator meeting = page.locator("#walk-facts dd > .content-text[lang='sv']"); // not the dialogue's link
    assertThat(meeting).hasText("Vid fontänen");
    assertThat(page.locator("#walk-facts")).containsText("(in Swedish)");
  }
}
