package org.dialogkarta.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo (its own database, loaded as {@code make run} loads it): the rural dialogue has a
 * questionnaire with a follow-up on "Aldrig", a map question whose demo answers lie in the
 * villages, a question with each service-gap pin, and answers the results count.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "spring.datasource.url=${DIALOGKARTA_DEMO_TEST_DB_URL:jdbc:postgresql://127.0.0.1:${DIALOGKARTA_PG_PORT:55432}/dialogkarta_demo_test}",
    "dialogkarta.demo-data=true"})
class DemoQuestionnaireTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void theRuralDialogueAsksItsOwnQuestionsAndHasAnswers() {
    Api api = new Api(port);
    JsonNode questions = api.get("/api/v1/dialogues/service-pa-landsbygden/questionnaire").json().get("questions");
    assertThat(questions.size()).isEqualTo(7);
    assertThat(questions.get(0).get("label").get("sv").asString()).isEqualTo("Hur ofta åker du buss?");
    assertThat(questions.get(1).get("condition").get("codes").get(0).asString()).isEqualTo("never");
    assertThat(questions.get(5).get("kind").asString()).isEqualTo("map_point");
    assertThat(questions.get(6).get("category").asString()).isEqualTo("service_gap");

    assertThat(jdbc.sql("""
            SELECT bool_and(ST_Covers(d.study_area, a.geom)) FROM answer a
            JOIN questionnaire_response r ON r.id = a.response_id JOIN dialogue d ON d.id = r.dialogue_id
            WHERE d.slug = 'service-pa-landsbygden' AND a.geom IS NOT NULL""").query(Boolean.class).single()).isTrue();
    // Every "why never" answer follows a "never": the demo keeps its own condition.
    assertThat(jdbc.sql("""
            SELECT count(*) FROM answer w JOIN question_version wv ON wv.id = w.question_version_id
            JOIN answer o ON o.response_id = w.response_id JOIN question_version ov ON ov.id = o.question_version_id
            WHERE wv.question_id = :why AND ov.question_id = :often AND o.value <> '"never"'::jsonb""")
        .param("why", questions.get(1).get("id").asLong()).param("often", questions.get(0).get("id").asLong())
        .query(Long.class).single()).isZero();

    SurveyApi staff = new SurveyApi(api, new StaffAccounts(accounts, encoder));
    JsonNode results = staff.staffGet("/api/v1/analysis/questionnaire?dialogue=service-pa-landsbygden").json().get("questions");
    assertThat(results.get(0).get("answered").asLong()).isEqualTo(24);
    assertThat(results.get(2).get("mean").asDouble()).isBetween(1.0, 5.0);
    assertThat(results.get(6).get("answered").asLong()).isPositive();
  }
}
