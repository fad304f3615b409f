package org.dialogkarta.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.support.Problems.assertProblem;

import java.net.URI;
import java.net.http.HttpRequest;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * A question's texts in the content languages beyond Swedish and English: staff put and read them,
 * the public questionnaire answers each text in the language asked for or in Swedish flagged as a
 * fallback, a new version keeps only the translations whose Swedish did not change, and bad input
 * is refused by field with nothing stored.
 */
@IntegrationTest
class QuestionTranslationTest {

  private static final String QUESTION = """
      {"kind": "single_choice", "label": {"sv": "Hur ofta åker du buss?", "en": "How often do you take the bus?"},
       "help": {"sv": "Tänk på det senaste året."},
       "options": [{"code": "daily", "sv": "Varje dag", "en": "Every day"}, {"code": "never", "sv": "Aldrig"}]}""";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private SurveyApi survey;
  private String admin;
  private TestData.Dialogue dialogue;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    survey = new SurveyApi(api, staff);
    admin = StaffAccounts.basic(staff.create(StaffRole.ADMIN));
    dialogue = new TestData(jdbc).openDialogue();
  }

  @Test
  void translatedTextsComeInTheLanguageAskedForAndTheRestInSwedishFlagged() {
    long q = survey.question(dialogue.id(), QUESTION);
    Api.Response saved = put(q, "fi", """
        {"label": "  Kuinka usein matkustat bussilla?  ", "option.daily": "Joka päivä", "help": ""}""");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("label").asString()).isEqualTo("Kuinka usein matkustat bussilla?");
    assertThat(saved.json().has("help")).as("a blank text is no translation").isFalse();

    JsonNode fi = questionnaire("?lang=fi").get("questions").get(0);
    assertThat(questionnaire("?lang=fi").get("language").asString()).isEqualTo("fi");
    assertThat(fi.get("label").get("text").asString()).isEqualTo("Kuinka usein matkustat bussilla?");
    assertThat(fi.get("label").get("lang").asString()).isEqualTo("fi");
    assertThat(fi.get("label").get("fallback").asBoolean()).isFalse();
    assertThat(fi.get("label").get("sv").asString()).as("the stored texts stay").isEqualTo("Hur ofta åker du buss?");
    assertThat(fi.get("help").get("text").asString()).isEqualTo("Tänk på det senaste året.");
    assertThat(fi.get("help").get("fallback").asBoolean()).isTrue();
    assertThat(fi.get("options").get(0).get("text").asString()).isEqualTo("Joka päivä");
    assertThat(fi.get("options").get(0).get("lang").asString()).isEqualTo("fi");
    assertThat(fi.get("options").get(1).get("text").asString()).isEqualTo("Aldrig");
    assertThat(fi.get("options").get(1).get("lang").asString()).isEqualTo("sv");
    assertThat(fi.get("options").get(1).get("fallback").asBoolean()).isTrue();

    // Arabic has nothing: all Swedish, flagged. English comes from the question's own English texts.
    JsonNode ar = questionnaire("?lang=ar").get("questions").get(0);
    assertThat(ar.get("label").get("text").asString()).isEqualTo("Hur ofta åker du buss?");
    assertThat(ar.get("label").get("fallback").asBoolean()).isTrue();
    JsonNode en = questionnaire("?lang=en").get("questions").get(0);
    assertThat(en.get("label").get("text").asString()).isEqualTo("How often do you take the bus?");
    assertThat(en.get("label").get("lang").asString()).isEqualTo("en");
    assertThat(en.get("options").get(1).get("fallback").asBoolean()).as("no English for 'never'").isTrue();
    // Swedish and easy-read Swedish: Swedish, no fallback; the dk-lang cookie when there is no lang=.
    JsonNode lattlast = questionnaire("?lang=lattlast").get("questions").get(0);
    assertThat(lattlast.get("label").get("lang").asString()).isEqualTo("sv");
    assertThat(lattlast.get("label").get("fallback").asBoolean()).isFalse();
    JsonNode byCookie = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/dialogues/" + dialogue.slug()
        + "/questionnaire")).header("Cookie", "dk-lang=fi")).json();
    assertThat(byCookie.get("questions").get(0).get("label").get("lang").asString()).isEqualTo("fi");
    assertProblem(api.get("/api/v1/dialogues/" + dialogue.slug() + "/questionnaire?lang=xx"), 422, "language.unknown", "lang");

    // Staff read every language (English from the question itself) and the Swedish sources with their bounds.
    JsonNode view = survey.staffGet(translations(q)).json();
    assertThat(view.get("version").asInt()).isOne();
    assertThat(view.get("translations").get("fi").get("option.daily").asString()).isEqualTo("Joka päivä");
    assertThat(view.get("translations").get("en").get("label").asString()).isEqualTo("How often do you take the bus?");
    assertThat(view.get("languages").toString()).isEqualTo("[\"fi\",\"ar\",\"se\",\"fit\",\"so\"]");
    assertThat(view.get("fields").get(0).get("field").asString()).isEqualTo("label");
    assertThat(view.get("fields").get(0).get("max").asInt()).isEqualTo(500);
    assertThat(view.get("fields").get(2).get("field").asString()).isEqualTo("option.daily");
    assertThat(view.get("fields").get(2).get("sv").asString()).isEqualTo("Varje dag");
    // Replacing a language replaces it whole; audited each time.
    assertThat(put(q, "fi", "{\"label\": \"Bussi?\"}").status()).isEqualTo(200);
    assertThat(survey.staffGet(translations(q)).json().get("translations").get("fi").toString()).isEqualTo("{\"label\":\"Bussi?\"}");
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'question.translation' AND target_id = :q")
        .param("q", q).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void aNewVersionKeepsTheTranslationsWhoseSwedishDidNotChangeAndDropsTheOthers() {
    long q = survey.question(dialogue.id(), QUESTION);
    assertThat(put(q, "fi", "{\"label\": \"Kuinka usein?\", \"help\": \"Viime vuosi.\", \"option.daily\": \"Joka päivä\","
        + " \"option.never\": \"Ei koskaan\"}").status()).isEqualTo(200);
    assertThat(put(q, "ar", "{\"label\": \"كم مرة؟\"}").status()).isEqualTo(200);
    assertThat(survey.respond(dialogue.id(), "[{\"question\": " + q + ", \"value\": \"daily\"}]").status()).isEqualTo(201);

    // The label and the option 'never' change in Swedish; the help and 'daily' stay; English may change freely.
    Api.Response v2 = survey.update(dialogue.id(), q, """
        {"kind": "single_choice", "label": {"sv": "Hur ofta reser du med buss?", "en": "Bus, how often?"},
         "help": {"sv": "Tänk på det senaste året."},
         "options": [{"code": "daily", "sv": "Varje dag", "en": "Daily"}, {"code": "never", "sv": "Aldrig någonsin"},
                     {"code": "weekly", "sv": "Varje vecka"}]}""");
    assertThat(v2.status()).as(v2.body()).isEqualTo(200);
    assertThat(v2.json().get("version").asInt()).isEqualTo(2);

    JsonNode view = survey.staffGet(translations(q)).json();
    assertThat(view.get("version").asInt()).isEqualTo(2);
    assertThat(view.get("translations").get("fi").toString())
        .isEqualTo("{\"help\":\"Viime vuosi.\",\"option.daily\":\"Joka päivä\"}");
    assertThat(view.get("translations").has("ar")).as("its only text's Swedish changed").isFalse();
    JsonNode fi = questionnaire("?lang=fi").get("questions").get(0);
    assertThat(fi.get("label").get("text").asString()).isEqualTo("Hur ofta reser du med buss?");
    assertThat(fi.get("label").get("fallback").asBoolean()).isTrue();
    assertThat(fi.get("options").get(0).get("text").asString()).isEqualTo("Joka päivä");
    assertThat(fi.get("options").get(1).get("text").asString()).isEqualTo("Aldrig någonsin");
    assertThat(fi.get("options").get(1).get("lang").asString()).isEqualTo("sv");
    // The answered version keeps its own translations.
    assertThat(jdbc.sql("""
            SELECT t.text FROM question_translation t JOIN question_version v ON v.id = t.question_version_id
            WHERE v.question_id = :q AND v.version = 1 AND t.language = 'fi' AND t.field = 'label'""")
        .param("q", q).query(String.class).single()).isEqualTo("Kuinka usein?");

    // Unanswered: an edit rewrites the version in place and carries the same way (the scale's labels by index).
    long scale = survey.question(dialogue.id(), """
        {"kind": "scale", "label": {"sv": "Hur trygg känner du dig?"},
         "scaleLabels": [{"sv": "Inte alls"}, {"sv": "Mycket"}]}""");
    assertThat(put(scale, "fi", "{\"label\": \"Kuinka turvalliseksi?\", \"scale.0\": \"Ei lainkaan\", \"scale.1\": \"Hyvin\"}")
        .status()).isEqualTo(200);
    Api.Response edited = survey.update(dialogue.id(), scale, """
        {"kind": "scale", "label": {"sv": "Hur trygg känner du dig?"},
         "scaleLabels": [{"sv": "Inte alls"}, {"sv": "Mycket trygg"}]}""");
    assertThat(edited.json().get("version").asInt()).isOne();
    assertThat(survey.staffGet(translations(scale)).json().get("translations").get("fi").toString())
        .isEqualTo("{\"label\":\"Kuinka turvalliseksi?\",\"scale.0\":\"Ei lainkaan\"}");
    // Two labels become five: an index means another step, so no scale label is carried.
    survey.update(dialogue.id(), scale, """
        {"kind": "scale", "label": {"sv": "Hur trygg känner du dig?"},
         "scaleLabels": [{"sv": "Inte alls"}, {"sv": "Lite"}, {"sv": "Så där"}, {"sv": "Ganska"}, {"sv": "Mycket trygg"}]}""");
    assertThat(survey.staffGet(translations(scale)).json().get("translations").get("fi").toString())
        .isEqualTo("{\"label\":\"Kuinka turvalliseksi?\"}");
  }

  @Test
  void badTranslationsAreRefusedByFieldAndNothingIsStored() {
    long q = survey.question(dialogue.id(), QUESTION);
    long noHelp = survey.question(dialogue.id(), "{\"kind\": \"short_text\", \"label\": {\"sv\": \"Vad heter platsen?\"}}");
    assertProblem(put(q, "de", "{\"label\": \"Wie oft?\"}"), 422, "language.unknown", "language");
    assertProblem(put(q, "sv", "{\"label\": \"Hur ofta?\"}"), 422, "language.unknown", "language");
    assertProblem(put(q, "en", "{\"label\": \"How often?\"}"), 422, "question.translation_english", "language");
    assertProblem(put(q, "fi", "{\"label\": \"" + "x".repeat(501) + "\"}"), 422, "text.too_long", "texts.label");
    assertProblem(put(q, "fi", "{\"help\": \"" + "x".repeat(2001) + "\"}"), 422, "text.too_long", "texts.help");
    assertProblem(put(q, "fi", "{\"option.daily\": \"" + "x".repeat(201) + "\"}"), 422, "text.too_long", "texts.option.daily");
    assertProblem(put(q, "fi", "{\"option.weekly\": \"Viikoittain\"}"), 422, "translation.field_unknown", "texts.option.weekly");
    assertProblem(put(q, "fi", "{\"scale.0\": \"Ei\"}"), 422, "translation.field_unknown", "texts.scale.0");
    assertProblem(put(q, "fi", "{\"title\": \"Bussi\"}"), 422, "translation.field_unknown", "texts.title");
    assertProblem(put(noHelp, "fi", "{\"help\": \"Apua\"}"), 422, "translation.field_unknown", "texts.help");
    assertProblem(put(q, "fi", "{\"label\": \"Kaksi\\nriviä\"}"), 422, "text.one_line", "texts.label");
    assertProblem(put(q, "ar", "{\"option.never\": \"أبدا\\u0007\"}"), 422, "text.one_line", "texts.option.never");
    // A multi-line help may hold line breaks and, as written, right-to-left marks (pages isolate it).
    assertThat(put(q, "ar", "{\"help\": \"سطر\\nسطر \\u202Babc\"}").status()).isEqualTo(200);
    // One bad field, one good: nothing is stored (the Arabic help above stays as it was).
    assertThat(put(q, "fi", "{\"label\": \"Hyvä\", \"option.daily\": \"" + "y".repeat(201) + "\"}").status()).isEqualTo(422);
    assertThat(jdbc.sql("""
            SELECT count(*) FROM question_translation t JOIN question_version v ON v.id = t.question_version_id
            WHERE v.question_id = :q""").param("q", q).query(Long.class).single()).isOne();
    // Another dialogue's question, or none: 404.
    assertProblem(api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/dialogues/" + dialogue.id()
        + "/questions/999999999/translations")).header("Authorization", admin).GET()), 404, "not_found", null);
  }

  private JsonNode questionnaire(String query) {
    return api.get("/api/v1/dialogues/" + dialogue.slug() + "/questionnaire" + query).json();
  }

  private String translations(long question) {
    return "/api/v1/staff/dialogues/" + dialogue.id() + "/questions/" + question + "/translations";
  }

  private Api.Response put(long question, String language, String body) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + translations(question) + "/" + language))
        .header("Authorization", admin).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }
}
