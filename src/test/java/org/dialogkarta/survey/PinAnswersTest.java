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
 * A category's questions are answered with the pin, in the pin's transaction: a bad answer
 * leaves no pin; the answers are on the pin's receipt, in moderation, and in the results only
 * while the pin is public.
 */
@IntegrationTest
class PinAnswersTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private SurveyApi survey;
  private StaffAccounts staff;
  private TestData data;
  private TestData.Dialogue dialogue;
  private long lit;
  private long where;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    staff = new StaffAccounts(accounts, encoder);
    survey = new SurveyApi(api, staff);
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
    lit = survey.question(dialogue.id(), SurveyApi.choice("single_choice", "Är det belyst?", "yes", "no")
        .replace("{\"kind\"", "{\"required\": true, \"category\": \"safety_concern\", \"kind\""));
    where = survey.question(dialogue.id(), "{\"kind\": \"short_text\", \"category\": \"safety_concern\", "
        + "\"label\": {\"sv\": \"Vilken lampa?\"}, \"condition\": {\"question\": " + lit + ", \"codes\": [\"no\"]}}");
  }

  private String pin(String category, String answers) {
    String base = Api.pinJson(category, "Mörkt vid bron", 16.18, 58.59);
    return answers == null ? base : base.substring(0, base.length() - 1) + ", \"answers\": " + answers + "}";
  }

  @Test
  void aPinAndItsAnswersAreStoredTogether() {
    Api.Response r = api.postJson("/api/v1/dialogues/" + dialogue.id() + "/pins", pin("safety_concern",
        "[{\"question\": " + lit + ", \"value\": \"no\"}, {\"question\": " + where + ", \"value\": \"Den vid trappan\"}]"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long pinId = r.json().get("id").asLong();
    assertThat(jdbc.sql("""
            SELECT count(*) FROM answer a JOIN questionnaire_response q ON q.id = a.response_id
            JOIN pin p ON p.id = q.pin_id WHERE p.id = :p AND q.receipt_id = p.receipt_id""")
        .param("p", pinId).query(Long.class).single()).isEqualTo(2);

    String moderator = StaffAccounts.basic(staff.create(StaffRole.MODERATOR));
    JsonNode shown = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/moderation/pins/" + pinId + "/answers"))
        .header("Authorization", moderator).GET()).json();
    assertThat(shown.size()).isEqualTo(2);
    assertThat(shown.get(0).get("label").get("sv").asString()).isEqualTo("Är det belyst?");
    assertThat(shown.get(0).get("text").asString()).isEqualTo("NO");
    assertThat(shown.get(1).get("text").asString()).isEqualTo("Den vid trappan");

    JsonNode results = survey.staffGet("/api/v1/analysis/questionnaire?dialogue=" + dialogue.id()).json().get("questions");
    assertThat(results.get(0).get("answered").asLong()).isOne();
    // Hidden: its answers are no longer counted.
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden', moderation_reason = 'test' WHERE id = :p").param("p", pinId).update();
    results = survey.staffGet("/api/v1/analysis/questionnaire?dialogue=" + dialogue.id()).json().get("questions");
    assertThat(results.get(0).get("answered").asLong()).isZero();
  }

  @Test
  void aBadAnswerLeavesNoPin() {
    String path = "/api/v1/dialogues/" + dialogue.id() + "/pins";
    assertProblem(api.postJson(path, pin("safety_concern", "[{\"question\": " + lit + ", \"value\": \"maybe\"}]")),
        422, "answer.unknown_option", "answers[0]");
    assertProblem(api.postJson(path, pin("safety_concern", null)), 422, "answer.required", "questions." + lit);
    assertProblem(api.postJson(path, pin("safety_concern",
        "[{\"question\": " + lit + ", \"value\": \"yes\"}, {\"question\": " + where + ", \"value\": \"x\"}]")),
        422, "answer.hidden", "answers[1]");
    // Another category's question is not asked with this pin.
    assertProblem(api.postJson(path, pin("suggestion", "[{\"question\": " + lit + ", \"value\": \"yes\"}]")),
        422, "answer.unknown_question", "answers[0].question");
    assertThat(data.pinCount(dialogue)).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM questionnaire_response WHERE dialogue_id = :d").param("d", dialogue.id())
        .query(Long.class).single()).isZero();
    // Without questions of its own, a category's pin needs no answers.
    assertThat(api.postJson(path, pin("suggestion", null)).status()).isEqualTo(201);
  }

  @Test
  void deletingThePinDeletesItsAnswers() {
    Api.Response r = api.postJson("/api/v1/dialogues/" + dialogue.id() + "/pins", pin("safety_concern",
        "[{\"question\": " + lit + ", \"value\": \"yes\"}]"));
    long pinId = r.json().get("id").asLong();
    Api.Response deleted = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/receipt/pins/" + pinId))
        .header("X-Receipt-Token", r.json().get("receipt").asString()).DELETE());
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    assertThat(jdbc.sql("SELECT count(*) FROM questionnaire_response WHERE pin_id = :p").param("p", pinId)
        .query(Long.class).single()).isZero();
    // The answered version is free again: the question can now be deleted.
    assertThat(survey.delete(dialogue.id(), where).status()).isEqualTo(204);
    assertThat(survey.delete(dialogue.id(), lit).status()).isEqualTo(204);
  }
}
