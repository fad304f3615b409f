package org.dialogkarta.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Free-text answers go, and responses lose their receipt, as pins' texts do after a completed dialogue. */
@IntegrationTest
class AnswerRetentionTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired AnswerRetention retention;

  @Test
  void freeTextsAndReceiptsGoAfterTheRetentionPeriodChoicesStay() {
    TestData data = new TestData(jdbc);
    TestData.Dialogue old = data.openDialogue();
    TestData.Dialogue recent = data.openDialogue();
    SurveyApi survey = new SurveyApi(new Api(port), new StaffAccounts(accounts, encoder));
    for (TestData.Dialogue d : List.of(old, recent)) {
      long choice = survey.question(d.id(), SurveyApi.choice("single_choice", "Buss?", "yes", "no"));
      long text = survey.question(d.id(), "{\"kind\": \"long_text\", \"label\": {\"sv\": \"Berätta\"}}");
      assertThat(survey.respond(d.id(), "[{\"question\": " + choice + ", \"value\": \"yes\"}, {\"question\": " + text
          + ", \"value\": \"Jag heter Anna och bor på Storgatan 3\"}]").status()).isEqualTo(201);
    }
    jdbc.sql("UPDATE dialogue SET status = 'completed', starts_on = current_date - 1200, ends_on = current_date - 1000 WHERE id = :d")
        .param("d", old.id()).update();

    retention.run();

    assertThat(values(old)).containsExactly("\"yes\"");
    assertThat(values(recent)).hasSize(2);
    assertThat(jdbc.sql("SELECT count(*) FROM questionnaire_response WHERE dialogue_id = :d AND receipt_id IS NOT NULL")
        .param("d", old.id()).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM questionnaire_response WHERE dialogue_id = :d AND receipt_id IS NOT NULL")
        .param("d", recent.id()).query(Long.class).single()).isOne();
  }

  private List<String> values(TestData.Dialogue d) {
    return jdbc.sql("""
            SELECT a.value::text FROM answer a JOIN questionnaire_response r ON r.id = a.response_id
            WHERE r.dialogue_id = :d ORDER BY a.id""").param("d", d.id()).query(String.class).list();
  }
}
