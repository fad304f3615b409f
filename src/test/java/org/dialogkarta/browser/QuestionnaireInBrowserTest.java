package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A citizen answers the dialogue's own questions: by keyboard alone, with a follow-up that
 * appears only after the answer that triggers it, a ranking moved with buttons and a place chosen
 * on a small map with Enter; and a category's question inside the pin form.
 */
class QuestionnaireInBrowserTest extends BrowserTest {

  private TestData data;
  private TestData.Dialogue dialogue;

  @BeforeEach
  void dialogue() {
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
  }

  private long question(int position, String kind, boolean required, String label, String category, String options,
      String condition) {
    long id = jdbc.sql("INSERT INTO question (dialogue_id, position) VALUES (:d, :p) RETURNING id")
        .param("d", dialogue.id()).param("p", position).query(Long.class).single();
    jdbc.sql("""
            INSERT INTO question_version (question_id, version, kind, required, label_sv, label_en, category, options, condition)
            VALUES (:q, 1, :kind, :required, :label, :label, :category, CAST(:options AS jsonb), CAST(:condition AS jsonb))""")
        .param("q", id).param("kind", kind).param("required", required).param("label", label).param("category", category)
        .param("options", options == null ? "[]" : options).param("condition", condition).update();
    return id;
  }

  private String value(long question) {
    return jdbc.sql("""
            SELECT a.value::text FROM answer a JOIN question_version v ON v.id = a.question_version_id
            WHERE v.question_id = :q""").param("q", question).query(String.class).single();
  }

  @Test
  void theKeyboardAloneAnswersTheSurveyAndTheFollowUpAppearsOnlyForItsAnswer() {
    long often = question(0, "single_choice", true, "Hur ofta åker du buss?", null,
        "[{\"code\": \"daily\", \"sv\": \"Varje dag\"}, {\"code\": \"weekly\", \"sv\": \"Varje vecka\"}, {\"code\": \"never\", \"sv\": \"Aldrig\"}]", null);
    long why = question(1, "long_text", true, "Varför åker du aldrig buss?", null, null,
        "{\"question\": " + often + ", \"codes\": [\"never\"]}");
    long rank = question(2, "ranking", false, "Rangordna förslagen", null,
        "[{\"code\": \"a\", \"sv\": \"Fler turer\"}, {\"code\": \"b\", \"sv\": \"Nya hållplatser\"}, {\"code\": \"c\", \"sv\": \"Billigare\"}]", null);
    long where = question(3, "map_point", false, "Var skulle du vilja ha en ny lekplats?", null, null, null);

    page.navigate(url("/dialoger/" + dialogue.slug()));
    Locator survey = page.locator("#survey");
    assertThat(survey).isVisible();
    Locator followUp = page.locator("[data-question='" + why + "']");
    assertThat(followUp).isHidden();

    PinningInBrowserTest.tabUntil(page, "document.activeElement.name === 'survey-q" + often + "'");
    page.keyboard().press("Space"); // "Varje dag"
    assertThat(page.locator("#survey-q" + often + "-0")).isChecked();
    assertThat(followUp).isHidden();
    page.keyboard().press("ArrowDown"); // "Varje vecka"
    assertThat(followUp).isHidden();
    page.keyboard().press("ArrowDown"); // "Aldrig"
    assertThat(page.locator("#survey-q" + often + "-2")).isChecked();
    assertThat(followUp).isVisible();

    PinningInBrowserTest.tabUntil(page, "document.activeElement.id === 'survey-q" + why + "'");
    page.keyboard().type("Bussen går inte när jag behöver den");

    // The ranking: "Fler turer" one step down, by its button.
    PinningInBrowserTest.tabUntil(page, "document.activeElement.dataset.move === 'down'");
    page.keyboard().press("Enter");
    assertThat(page.locator("[data-question='" + rank + "'] .q-ranking__item").first()).hasAttribute("data-code", "b");
    assertThat(page.locator("[data-question='" + rank + "'] .q-ranking__item").nth(1)).hasAttribute("data-code", "a");

    // The map question: focus its map, Enter chooses the place in the middle.
    PinningInBrowserTest.tabUntil(page, "document.activeElement.classList.contains('q-map__map')");
    page.locator("[data-question='" + where + "'] .q-map__map.leaflet-container").waitFor();
    page.keyboard().press("Enter");
    assertThat(page.locator("[data-question='" + where + "']")).containsText("En plats är vald");

    PinningInBrowserTest.tabUntil(page, "document.activeElement.type === 'submit' && !!document.activeElement.closest('#survey')");
    page.keyboard().press("Enter");
    assertThat(survey.locator(".confirmation")).isVisible();
    assertThat(survey.locator("form")).isHidden();

    assertThat(value(often)).isEqualTo("\"never\"");
    assertThat(value(why)).isEqualTo("\"Bussen går inte när jag behöver den\"");
    assertThat(value(rank)).isEqualTo("[\"b\", \"a\", \"c\"]");
    Boolean inside = jdbc.sql("""
            SELECT ST_Covers(d.study_area, a.geom) FROM answer a JOIN question_version v ON v.id = a.question_version_id
            JOIN question q ON q.id = v.question_id JOIN dialogue d ON d.id = q.dialogue_id WHERE q.id = :q""")
        .param("q", where).query(Boolean.class).single();
    assertThat(inside).isTrue();

    // Once per visit: the page remembers that this visit has answered.
    page.reload();
    assertThat(page.locator("#survey .confirmation")).isVisible();
    assertThat(page.locator("#survey form")).isHidden();
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void anAreaAndALineAreDrawnWithTheKeyboardAlone() {
    long area = question(0, "map_area", true, "Vilket område behöver belysning?", null, null, null);
    long line = question(1, "map_line", true, "Vilken väg går du till skolan?", null, null, null);
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("[data-question='" + line + "']").waitFor(); // the survey is drawn: Tab has somewhere to go
    for (long q : new long[] {area, line}) {
      Locator field = page.locator("[data-question='" + q + "']");
      PinningInBrowserTest.tabUntil(page, "document.activeElement.closest(\"[data-question='" + q + "']\")"
          + " && document.activeElement.tagName === 'BUTTON'");
      field.locator(".q-map__map.leaflet-container").waitFor();
      assertThat(field).not().containsText("null"); // no answer yet: no "clear" button, nor its trace
      page.keyboard().press("Enter"); // "Rita område" / "Rita linje": the map takes the focus
      assertThat(field.locator(".q-map__map")).isFocused();
      String[] moves = {"ArrowUp", "ArrowRight", "ArrowDown"};
      page.keyboard().press("Space");
      for (String move : moves) {
        for (int i = 0; i < 3; i++) {
          page.keyboard().press(move);
        }
        page.waitForTimeout(300);
        page.keyboard().press("Space");
      }
      assertThat(field).containsText("Punkter: 4");
      PinningInBrowserTest.tabUntil(page, "document.activeElement.textContent === 'Klar'"
          + " && !!document.activeElement.closest(\"[data-question='" + q + "']\")");
      page.keyboard().press("Enter");
      assertThat(field).containsText(q == area ? "Ett område är ritat" : "En linje är ritad");
    }
    page.locator("#survey button[type=submit]").click();
    assertThat(page.locator("#survey .confirmation")).isVisible();
    assertThat(jdbc.sql("""
            SELECT GeometryType(a.geom) || ':' || ST_NPoints(a.geom) FROM answer a JOIN question_version v ON v.id = a.question_version_id
            WHERE v.question_id IN (:a, :l) ORDER BY v.question_id""").param("a", area).param("l", line)
        .query(String.class).list()).containsExactly("POLYGON:5", "LINESTRING:4");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void onA360PixelPhoneTheSurveyIsAnsweredByTapsAndNothingScrollsSideways() {
    long scale = question(0, "scale", true, "Hur nöjd är du med bussarna?", null, null, null);
    jdbc.sql("UPDATE question_version SET scale_labels = CAST(:l AS jsonb) WHERE question_id = :q")
        .param("l", "[{\"sv\": \"Inte alls nöjd\"}, {\"sv\": \"Mycket nöjd\"}]").param("q", scale).update();
    long rank = question(1, "ranking", true, "Rangordna", null,
        "[{\"code\": \"a\", \"sv\": \"Fler turer på kvällen\"}, {\"code\": \"b\", \"sv\": \"En ny hållplats vid skolan\"}]", null);
    long where = question(2, "map_point", true, "Var?", null, null, null);
    BrowserContext phone = newPhoneContext();
    try {
      Page p = phone.newPage();
      p.navigate(url("/dialoger/" + dialogue.slug()));
      p.locator("#survey").scrollIntoViewIfNeeded();
      assertThat(p.locator("#survey")).isVisible();
      assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
      p.locator("label[for='survey-q" + scale + "-4']").tap();
      p.locator("[data-question='" + rank + "'] [data-move=down]").first().tap();
      Locator map = p.locator("[data-question='" + where + "'] .q-map__map");
      map.scrollIntoViewIfNeeded();
      p.locator("[data-question='" + where + "'] .q-map__map.leaflet-container").waitFor();
      map.tap();
      assertThat(p.locator("[data-question='" + where + "']")).containsText("En plats är vald");
      assertThat((Integer) p.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
      p.locator("#survey button[type=submit]").tap();
      assertThat(p.locator("#survey .confirmation")).isVisible();
    } finally {
      phone.close();
    }
    assertThat(value(scale)).isEqualTo("5");
    assertThat(value(rank)).isEqualTo("[\"b\", \"a\"]");
  }

  @Test
  void aHiddenFollowUpIsNotSentAndARequiredOneIsMarked() {
    long often = question(0, "single_choice", true, "Hur ofta åker du buss?", null,
        "[{\"code\": \"daily\", \"sv\": \"Varje dag\"}, {\"code\": \"never\", \"sv\": \"Aldrig\"}]", null);
    long why = question(1, "short_text", true, "Varför inte?", null, null, "{\"question\": " + often + ", \"codes\": [\"never\"]}");
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#survey-q" + often + "-1").check();
    page.locator("#survey-q" + why).fill("Skrivet och sedan dolt");
    page.locator("#survey-q" + often + "-0").check();
    assertThat(page.locator("[data-question='" + why + "']")).isHidden();
    page.locator("#survey button[type=submit]").click();
    assertThat(page.locator("#survey .confirmation")).isVisible();
    assertThat(jdbc.sql("SELECT count(*) FROM answer a JOIN question_version v ON v.id = a.question_version_id WHERE v.question_id = :q")
        .param("q", why).query(Long.class).single()).isZero();
    assertThat(value(often)).isEqualTo("\"daily\"");

    // A new visit: the required follow-up left empty is marked by the server's answer.
    context.clearCookies();
    page.evaluate("() => sessionStorage.clear()");
    page.reload();
    page.locator("#survey-q" + often + "-1").check();
    page.locator("#survey button[type=submit]").click();
    assertThat(page.locator("#survey-q" + why)).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("[data-question='" + why + "'] .field-error")).containsText("behöver ett svar");
    assertThat(pageErrors()).isEmpty();
  }

  @Test
  void aCategorysQuestionIsAskedInThePinFormAndStoredWithThePin() {
    long lit = question(0, "single_choice", true, "Är platsen upplyst på kvällen?", "safety_concern",
        "[{\"code\": \"yes\", \"sv\": \"Ja\"}, {\"code\": \"no\", \"sv\": \"Nej\"}]", null);
    page.navigate(url("/dialoger/" + dialogue.slug()));
    page.locator("#map.leaflet-container").waitFor();
    assertThat(page.locator("#survey")).isHidden(); // no questions of the whole dialogue
    page.locator("#map").click();
    page.locator("input[name=category][value=suggestion]").check();
    assertThat(page.locator("#category-questions")).isHidden();
    page.locator("input[name=category][value=safety_concern]").check();
    assertThat(page.locator("#category-questions")).isVisible();
    page.locator("#pin-text").fill("Mörkt vid tunneln");
    page.locator("#pin-submit").click();
    assertThat(page.locator("[data-question='" + lit + "'] .field-error")).containsText("behöver ett svar");
    assertThat(data.pinCount(dialogue)).isZero();

    page.locator("#pin-safety_concern-q" + lit + "-1").check();
    page.locator("#pin-submit").click();
    assertThat(page.locator("#confirmation")).isVisible();
    assertThat(data.pinCount(dialogue)).isOne();
    assertThat(jdbc.sql("""
            SELECT a.value::text FROM answer a JOIN questionnaire_response r ON r.id = a.response_id
            JOIN pin p ON p.id = r.pin_id WHERE p.dialogue_id = :d""").param("d", dialogue.id())
        .query(String.class).list()).isEqualTo(List.of("\"no\""));
    assertThat(pageErrors()).isEmpty();
  }

  /** The page's own errors; the browser's note of the refused request (the 422 expected here) is not one. */
  private List<String> pageErrors() {
    return consoleErrors.stream().filter(e -> !e.contains("status of 422")).toList();
  }
}
