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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A planner reads the answers on the analysis page: a chart per question with its table, a free
 * text shown as text (never markup), and a map question's answers as a layer of the map.
 */
class QuestionnaireResultsBrowserTest extends BrowserTest {

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private long question(long dialogue, int position, String kind, String label, String options) {
    long id = jdbc.sql("INSERT INTO question (dialogue_id, position) VALUES (:d, :p) RETURNING id")
        .param("d", dialogue).param("p", position).query(Long.class).single();
    jdbc.sql("""
            INSERT INTO question_version (question_id, version, kind, label_sv, options)
            VALUES (:q, 1, :kind, :label, CAST(:options AS jsonb))""")
        .param("q", id).param("kind", kind).param("label", label).param("options", options).update();
    return id;
  }

  @Test
  void chartsTablesTextsAndAMapLayerOfTheAnswers() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    long often = question(dialogue.id(), 0, "single_choice", "Hur ofta?",
        "[{\"code\": \"daily\", \"sv\": \"Varje dag\"}, {\"code\": \"never\", \"sv\": \"Aldrig\"}]");
    long story = question(dialogue.id(), 1, "long_text", "Berätta", "[]");
    long where = question(dialogue.id(), 2, "map_point", "Var?", "[]");
    Api api = new Api(port);
    for (String o : new String[] {"daily", "never", "never"}) {
      assertThat(api.postJson("/api/v1/dialogues/" + dialogue.id() + "/responses", "{\"answers\": ["
          + "{\"question\": " + often + ", \"value\": \"" + o + "\"}, {\"question\": " + story + ", \"value\": \"<b>fet</b> " + o + "\"},"
          + "{\"question\": " + where + ", \"value\": {\"type\": \"Point\", \"coordinates\": [16.18, 58.59]}}]}").status()).isEqualTo(201);
    }
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(planner);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.navigate(url("/personal/analys?dialogue=" + dialogue.id()));

    Locator first = page.locator("#questionnaire-results figure[data-question='" + often + "']");
    assertThat(first).containsText("Antal svar: 3");
    first.locator("summary").click();
    assertThat(first.locator("table tbody tr").nth(1)).containsText("Aldrig");
    assertThat(first.locator("table tbody tr").nth(1)).containsText("2");
    assertThat(first.locator("canvas")).hasAttribute("aria-label", "Varje dag: 1, Aldrig: 2");

    Locator texts = page.locator("#questionnaire-results figure[data-question='" + story + "']");
    texts.locator("summary").click();
    assertThat(texts.locator("li").first()).hasText("<b>fet</b> never");
    assertThat(texts.locator("b")).hasCount(0);

    page.locator("#qr-" + where + "-layer").check();
    assertThat(page.locator("#questionnaire-results figure[data-question='" + where + "']")).containsText("3 svar på kartan");
    assertThat(page.locator("#map path.answer-marker")).hasCount(3);
    assertThat(consoleErrors).isEmpty();
  }
}
