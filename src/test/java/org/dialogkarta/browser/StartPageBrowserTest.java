package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.List;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;

/** The start page groups dialogues by where they are in their life, in Swedish or English. */
class StartPageBrowserTest extends BrowserTest {

  @Test
  void dialoguesAreGroupedAndUserTextIsEscaped() {
    TestData data = new TestData(jdbc);
    TestData.Dialogue ongoing = data.openDialogue();
    TestData.Dialogue completed = data.dialogue("completed", TestData.NORRKOPING_CENTRE, List.of("suggestion"));
    jdbc.sql("UPDATE dialogue SET outcome = :o, next_steps = :n WHERE id = :id")
        .param("o", "Belysningen <script>window.pwned=1</script> byts ut")
        .param("n", "Byggstart våren 2027")
        .param("id", completed.id()).update();

    page.navigate(url("/"));
    Locator ongoingCard = page.locator("#dialogues-ongoing article.dialogue-card")
        .filter(new Locator.FilterOptions().setHas(page.locator("a[href='/dialoger/" + ongoing.slug() + "']")));
    assertThat(ongoingCard).hasCount(1);
    Locator completedCard = page.locator("#dialogues-completed article.dialogue-card")
        .filter(new Locator.FilterOptions().setHas(page.locator("a[href='/dialoger/" + completed.slug() + "']")));
    assertThat(completedCard).containsText("Belysningen <script>window.pwned=1</script> byts ut");
    assertThat(completedCard).containsText("Byggstart våren 2027");
    assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
    assertThat(page.locator("html")).hasAttribute("lang", "sv");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void theLanguageSwitchTurnsThePageEnglishAndIsRemembered() {
    new TestData(jdbc).openDialogue();
    page.navigate(url("/"));
    String swedishHeading = page.locator("h1").innerText();

    page.locator("#lang-switch").selectOption("en");
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(page.locator("h1")).not().hasText(swedishHeading);

    page.reload();
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void anUnknownReceiptSaysSoClearly() {
    page.navigate(url("/kvitto#" + "A".repeat(43)));
    assertThat(page.locator("#receipt-error")).isVisible();
    assertThat(page.locator("#receipt-pins .receipt-pin")).hasCount(0);
  }
}
