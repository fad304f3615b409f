package org.dialogkarta.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.support.Problems.assertProblem;

import org.dialogkarta.security.StaffAccountRepository;
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
 * The builder's questions and their versions: an edit after answers makes a new version and the
 * old answer keeps its words; an answered question cannot be deleted, an unanswered one can.
 */
@IntegrationTest
class QuestionnaireVersioningTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private SurveyApi survey;
  private TestData.Dialogue dialogue;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    survey = new SurveyApi(api, new StaffAccounts(accounts, encoder));
    dialogue = new TestData(jdbc).openDialogue();
  }

  @Test
  void anEditAfterAnswersMakesANewVersionAndTheOldAnswerKeepsItsWords() {
    long q = survey.question(dialogue.id(), SurveyApi.choice("single_choice", "Hur ofta?", "daily", "never"));
    // Unanswered: the edit changes version 1 in place.
    JsonNode edited = survey.update(dialogue.id(), q, SurveyApi.choice("single_choice", "Hur ofta åker du?", "daily", "never")).json();
    assertThat(edited.get("version").asInt()).isEqualTo(1);
    assertThat(survey.respond(dialogue.id(), "[{\"question\": " + q + ", \"value\": \"never\"}]").status()).isEqualTo(201);

    Api.Response v2 = survey.update(dialogue.id(), q, SurveyApi.choice("single_choice", "Hur ofta reser du?", "daily", "weekly", "never"));
    assertThat(v2.status()).as(v2.body()).isEqualTo(200);
    assertThat(v2.json().get("version").asInt()).isEqualTo(2);
    assertThat(v2.json().get("answers").asLong()).isZero();
    assertThat(v2.json().get("totalAnswers").asLong()).isOne();

    JsonNode publicQuestion = survey.questionnaire(dialogue.slug()).get("questions").get(0);
    assertThat(publicQuestion.get("version").asInt()).isEqualTo(2);
    assertThat(publicQuestion.get("label").get("sv").asString()).isEqualTo("Hur ofta reser du?");
    assertThat(publicQuestion.has("answers")).isFalse();

    JsonNode versions = survey.staffGet("/api/v1/staff/dialogues/" + dialogue.id() + "/questions/" + q + "/versions").json();
    assertThat(versions.size()).isEqualTo(2);
    assertThat(versions.get(0).get("label").get("sv").asString()).isEqualTo("Hur ofta åker du?");
    assertThat(versions.get(0).get("answers").asLong()).isOne();
    // The stored answer still points at version 1, with version 1's words.
    String label = jdbc.sql("""
            SELECT v.label_sv FROM answer a JOIN question_version v ON v.id = a.question_version_id
            WHERE v.question_id = :q""").param("q", q).query(String.class).single();
    assertThat(label).isEqualTo("Hur ofta åker du?");
    // A new answer goes to version 2 and may use its new option.
    assertThat(survey.respond(dialogue.id(), "[{\"question\": " + q + ", \"value\": \"weekly\"}]").status()).isEqualTo(201);
    JsonNode results = survey.staffGet("/api/v1/analysis/questionnaire?dialogue=" + dialogue.id()).json();
    JsonNode options = results.get("questions").get(0).get("options");
    assertThat(results.get("questions").get(0).get("answered").asLong()).isEqualTo(2);
    assertThat(options.get(1).get("code").asString()).isEqualTo("weekly");
    assertThat(options.get(1).get("count").asLong()).isOne();
    assertThat(options.get(2).get("count").asLong()).isOne();
  }

  @Test
  void anAnsweredQuestionCannotBeDeletedAndAnUnansweredOneCan() {
    long answered = survey.question(dialogue.id(), SurveyApi.choice("single_choice", "Buss?", "yes", "no"));
    long unanswered = survey.question(dialogue.id(), "{\"kind\": \"short_text\", \"label\": {\"sv\": \"Namn på platsen\"}}");
    assertThat(survey.respond(dialogue.id(), "[{\"question\": " + answered + ", \"value\": \"yes\"}]").status()).isEqualTo(201);

    assertProblem(survey.delete(dialogue.id(), answered), 409, "question.answered", null);
    assertThat(survey.delete(dialogue.id(), unanswered).status()).isEqualTo(204);
    JsonNode left = survey.questionnaire(String.valueOf(dialogue.id())).get("questions");
    assertThat(left.size()).isOne();
    assertThat(left.get(0).get("id").asLong()).isEqualTo(answered);
    assertProblem(survey.delete(dialogue.id(), unanswered), 404, "not_found", null);
    // Staff changes are in the audit log; the refused delete is not.
    assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target_type = 'question' AND target_id IN (:a, :u) ORDER BY id")
        .param("a", answered).param("u", unanswered).query(String.class).list())
        .containsExactly("question.create", "question.create", "question.delete");
  }

  @Test
  void aQuestionOthersDependOnCannotBeDeletedOrLoseTheirOption() {
    long bus = survey.question(dialogue.id(), SurveyApi.choice("single_choice", "Hur ofta?", "daily", "never"));
    survey.question(dialogue.id(), "{\"kind\": \"long_text\", \"label\": {\"sv\": \"Varför inte?\"}, "
        + "\"condition\": {\"question\": " + bus + ", \"codes\": [\"never\"]}}");
    assertProblem(survey.delete(dialogue.id(), bus), 409, "question.referenced", null);
    assertProblem(survey.update(dialogue.id(), bus, SurveyApi.choice("single_choice", "Hur ofta?", "daily", "weekly")),
        422, "question.condition_broken", "options");
  }

  @Test
  void questionsAreReorderedButAConditionStaysAfterItsQuestion() {
    long a = survey.question(dialogue.id(), SurveyApi.choice("single_choice", "A", "yes", "no"));
    long b = survey.question(dialogue.id(), "{\"kind\": \"number\", \"label\": {\"sv\": \"B\"}, \"min\": 0, \"max\": 10}");
    long c = survey.question(dialogue.id(), "{\"kind\": \"short_text\", \"label\": {\"sv\": \"C\"}, "
        + "\"condition\": {\"question\": " + a + ", \"codes\": [\"yes\"]}}");
    Api.Response moved = survey.reorder(dialogue.id(), "{\"order\": [" + b + ", " + a + ", " + c + "]}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    JsonNode questions = survey.questionnaire(dialogue.slug()).get("questions");
    assertThat(questions.get(0).get("id").asLong()).isEqualTo(b);
    assertThat(questions.get(2).get("id").asLong()).isEqualTo(c);
    assertProblem(survey.reorder(dialogue.id(), "{\"order\": [" + c + ", " + a + ", " + b + "]}"), 422,
        "questions.order_condition", "order[0]");
    assertProblem(survey.reorder(dialogue.id(), "{\"order\": [" + a + ", " + b + "]}"), 422, "questions.order_incomplete", "order");
    assertProblem(survey.reorder(dialogue.id(), "{\"order\": [" + a + ", " + a + ", " + b + "]}"), 422, "questions.order_incomplete", "order");
  }

  @Test
  void badQuestionsAreRefusedByField() {
    long d = dialogue.id();
    assertProblem(survey.create(d, "{\"label\": {\"sv\": \"x\"}}"), 422, "question.kind_missing", "kind");
    assertProblem(survey.create(d, "{\"kind\": \"essay\", \"label\": {\"sv\": \"x\"}}"), 422, "question.kind_unknown", "kind");
    assertProblem(survey.create(d, "{\"kind\": \"short_text\", \"label\": {\"en\": \"Only English\"}}"), 422, "question.text_missing", "label.sv");
    assertProblem(survey.create(d, "{\"kind\": \"short_text\", \"label\": {\"sv\": \"" + "x".repeat(501) + "\"}}"), 422,
        "question.text_too_long", "label.sv");
    assertProblem(survey.create(d, SurveyApi.choice("single_choice", "En", "only")), 422, "question.options_count", "options");
    assertProblem(survey.create(d, SurveyApi.choice("ranking", "R", "a", "a")), 422, "question.option_duplicate", "options[1].code");
    assertProblem(survey.create(d, SurveyApi.choice("single_choice", "C", "Bad Code", "ok")), 422, "question.option_code", "options[0].code");
    assertProblem(survey.create(d, "{\"kind\": \"scale\", \"label\": {\"sv\": \"S\"}, \"scaleLabels\": [{\"sv\": \"a\"}, {\"sv\": \"b\"}, {\"sv\": \"c\"}]}"),
        422, "question.scale_labels_count", "scaleLabels");
    assertProblem(survey.create(d, "{\"kind\": \"number\", \"label\": {\"sv\": \"N\"}, \"min\": 5, \"max\": 1}"), 422, "question.max_below_min", "max");
    assertProblem(survey.create(d, "{\"kind\": \"short_text\", \"label\": {\"sv\": \"N\"}, \"min\": 5}"), 422, "question.min_max_not_number", "min");
    assertProblem(survey.create(d, "{\"kind\": \"short_text\", \"label\": {\"sv\": \"N\"}, \"category\": \"valued_place\"}"), 422,
        "question.category_unknown", "category");
    assertProblem(survey.create(d, "{\"kind\": \"short_text\", \"label\": {\"sv\": \"N\"}, \"condition\": {\"question\": 999999999, \"codes\": [\"x\"]}}"),
        422, "question.condition_unknown", "condition.question");
    long text = survey.question(d, "{\"kind\": \"short_text\", \"label\": {\"sv\": \"T\"}}");
    assertProblem(survey.create(d, "{\"kind\": \"short_text\", \"label\": {\"sv\": \"N\"}, \"condition\": {\"question\": " + text + ", \"codes\": [\"x\"]}}"),
        422, "question.condition_not_choice", "condition.question");
    long choice = survey.question(d, SurveyApi.choice("multiple_choice", "M", "a", "b"));
    assertProblem(survey.create(d, "{\"kind\": \"short_text\", \"label\": {\"sv\": \"N\"}, \"condition\": {\"question\": " + choice + ", \"codes\": [\"z\"]}}"),
        422, "question.condition_codes", "condition.codes");
    assertProblem(survey.create(d, "{\"kind\": \"short_text\", \"label\": {\"sv\": \"N\"}, \"category\": \"suggestion\", "
        + "\"condition\": {\"question\": " + choice + ", \"codes\": [\"a\"]}}"), 422, "question.condition_other_scope", "condition.question");
    // Another dialogue's question is not this one's.
    TestData.Dialogue other = new TestData(jdbc).openDialogue();
    assertProblem(survey.update(other.id(), text, "{\"kind\": \"short_text\", \"label\": {\"sv\": \"T\"}}"), 404, "not_found", null);
    assertThat(survey.questionnaire(dialogue.slug()).get("questions").size()).isEqualTo(2);
  }
}
