package org.dialogkarta.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.support.Problems.assertProblem;

import java.util.List;
import java.util.UUID;
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
 * Every kind of bad answer is a 4xx naming the answer (answers[i]) or the question left
 * unanswered (questions.id), and nothing is stored. Conditions are decided on the server.
 */
@IntegrationTest
class AnswerBadInputTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private SurveyApi survey;
  private TestData data;
  private TestData.Dialogue dialogue;
  private long often;
  private long why;
  private long scale;
  private long rank;
  private long name;
  private long story;
  private long count;
  private long modes;
  private long point;
  private long line;
  private long area;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    survey = new SurveyApi(api, new StaffAccounts(accounts, encoder));
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
    long d = dialogue.id();
    often = survey.question(d, SurveyApi.choice("single_choice", "Hur ofta åker du buss?", "daily", "weekly", "never")
        .replace("{\"kind\"", "{\"required\": true, \"kind\""));
    why = survey.question(d, "{\"kind\": \"long_text\", \"required\": true, \"label\": {\"sv\": \"Varför aldrig?\"}, "
        + "\"condition\": {\"question\": " + often + ", \"codes\": [\"never\"]}}");
    scale = survey.question(d, "{\"kind\": \"scale\", \"label\": {\"sv\": \"Hur nöjd?\"}, "
        + "\"scaleLabels\": [{\"sv\": \"Inte alls\"}, {\"sv\": \"Mycket\"}]}");
    rank = survey.question(d, SurveyApi.choice("ranking", "Rangordna", "a", "b", "c"));
    name = survey.question(d, "{\"kind\": \"short_text\", \"label\": {\"sv\": \"Ort\"}}");
    story = survey.question(d, "{\"kind\": \"long_text\", \"label\": {\"sv\": \"Berätta\"}}");
    count = survey.question(d, "{\"kind\": \"number\", \"label\": {\"sv\": \"Hur många resor?\"}, \"min\": 0, \"max\": 100}");
    modes = survey.question(d, SurveyApi.choice("multiple_choice", "Färdsätt", "bus", "bike", "car"));
    point = survey.question(d, "{\"kind\": \"map_point\", \"label\": {\"sv\": \"Var?\"}}");
    line = survey.question(d, "{\"kind\": \"map_line\", \"label\": {\"sv\": \"Vilken väg?\"}}");
    area = survey.question(d, "{\"kind\": \"map_area\", \"label\": {\"sv\": \"Vilket område?\"}}");
  }

  private String answer(long question, String valueJson) {
    return "{\"question\": " + question + ", \"value\": " + valueJson + "}";
  }

  /** The required first answer, then the others. */
  private String with(String... more) {
    return "[" + answer(often, "\"daily\"") + (more.length == 0 ? "" : ", " + String.join(", ", more)) + "]";
  }

  private void refused(String answers, int status, String code, String field) {
    assertProblem(survey.respond(dialogue.id(), answers), status, code, field);
    assertThat(responses()).isZero();
  }

  private long responses() {
    return jdbc.sql("SELECT count(*) FROM questionnaire_response WHERE dialogue_id = :d").param("d", dialogue.id())
        .query(Long.class).single();
  }

  @Test
  void aGoodResponseOfEveryKindIsStoredWithItsGeometry() {
    Api.Response r = survey.respond(dialogue.id(), with(
        answer(scale, "4"), answer(rank, "[\"c\", \"a\", \"b\"]"), answer(name, "\"  Skärblacka \""),
        answer(story, "\"<script>alert(1)</script>\""), answer(count, "12.5"), answer(modes, "[\"bus\", \"bike\"]"),
        answer(point, "{\"type\": \"Point\", \"coordinates\": [16.18, 58.59]}"),
        answer(line, "{\"type\": \"LineString\", \"coordinates\": [[16.15, 58.58], [16.20, 58.60]]}"),
        answer(area, "{\"type\": \"Polygon\", \"coordinates\": [[[16.15, 58.58], [16.17, 58.58], [16.17, 58.59], [16.15, 58.58]]]}")));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("receipt").asString()).hasSize(43);
    assertThat(jdbc.sql("SELECT count(*) FROM answer a JOIN questionnaire_response r ON r.id = a.response_id WHERE r.id = :r")
        .param("r", r.json().get("id").asLong()).query(Long.class).single()).isEqualTo(10);
    assertThat(jdbc.sql("SELECT value #>> '{}' FROM answer a JOIN question_version v ON v.id = a.question_version_id WHERE v.question_id = :q")
        .param("q", name).query(String.class).single()).isEqualTo("Skärblacka");
    assertThat(jdbc.sql("SELECT GeometryType(geom) FROM answer a JOIN question_version v ON v.id = a.question_version_id WHERE v.question_id = :q")
        .param("q", area).query(String.class).single()).isEqualTo("POLYGON");
    // Anonymous: the response table has no column for an address, agent or account.
    assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'questionnaire_response'")
        .query(String.class).list()).containsExactlyInAnyOrder("id", "dialogue_id", "receipt_id", "pin_id", "created_at");
    JsonNode results = survey.staffGet("/api/v1/analysis/questionnaire?dialogue=" + dialogue.slug()).json().get("questions");
    assertThat(results.get(2).get("mean").asDouble()).isEqualTo(4.0);
    assertThat(results.get(3).get("options").get(2).get("meanPosition").asDouble()).isEqualTo(1.0);
    assertThat(results.get(5).get("texts").get(0).asString()).isEqualTo("<script>alert(1)</script>");
    JsonNode map = survey.staffGet("/api/v1/analysis/questionnaire/map?dialogue=" + dialogue.id() + "&question=" + line).json();
    assertThat(map.get("features").get(0).get("geometry").get("type").asString()).isEqualTo("LineString");
  }

  @Test
  void aConditionIsDecidedOnTheServer() {
    // "never" shows the follow-up, which is required: leaving it out is named by the question's id.
    refused("[" + answer(often, "\"never\"") + "]", 422, "answer.required", "questions." + why);
    // Another answer hides it: an answer to it is refused.
    refused(with(answer(why, "\"Den går för sällan\"")), 422, "answer.hidden", "answers[1]");
    Api.Response ok = survey.respond(dialogue.id(), "[" + answer(often, "\"never\"") + ", " + answer(why, "\"För dyrt\"") + "]");
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
  }

  @Test
  void questionsThatAreNotAskedHereAreRefused() {
    refused(with(answer(999999999, "\"x\"")), 422, "answer.unknown_question", "answers[1].question");
    TestData.Dialogue other = data.openDialogue();
    long elsewhere = survey.question(other.id(), "{\"kind\": \"short_text\", \"label\": {\"sv\": \"Annan\"}}");
    refused(with(answer(elsewhere, "\"x\"")), 422, "answer.unknown_question", "answers[1].question");
    long categoryQuestion = survey.question(dialogue.id(), "{\"kind\": \"short_text\", \"label\": {\"sv\": \"Om förslaget\"}, \"category\": \"suggestion\"}");
    refused(with(answer(categoryQuestion, "\"x\"")), 422, "answer.unknown_question", "answers[1].question");
    refused(with("{\"value\": \"x\"}"), 422, "answer.question_missing", "answers[1].question");
    refused(with(answer(name, "\"a\""), answer(name, "\"b\"")), 422, "answer.duplicate", "answers[2].question");
  }

  @Test
  void missingRequiredAnswersAndEmptyResponsesAreRefused() {
    refused("[" + answer(name, "\"Krokek\"") + "]", 422, "answer.required", "questions." + often);
    refused("[]", 422, "answer.required", "questions." + often);
  }

  @Test
  void wrongTypesAreRefused() {
    refused(with(answer(count, "\"tolv\"")), 422, "answer.wrong_type", "answers[1]");
    refused(with(answer(count, "1000")), 422, "answer.out_of_range", "answers[1]");
    refused(with(answer(count, "-1")), 422, "answer.out_of_range", "answers[1]");
    refused("[" + answer(often, "\"sometimes\"") + "]", 422, "answer.unknown_option", "answers[0]");
    refused("[" + answer(often, "[\"daily\", \"weekly\"]") + "]", 422, "answer.single_only", "answers[0]");
    refused("[" + answer(often, "7") + "]", 422, "answer.wrong_type", "answers[0]");
    refused(with(answer(scale, "6")), 422, "answer.out_of_range", "answers[1]");
    refused(with(answer(scale, "0")), 422, "answer.out_of_range", "answers[1]");
    refused(with(answer(scale, "2.5")), 422, "answer.wrong_type", "answers[1]");
    refused(with(answer(scale, "\"3\"")), 422, "answer.wrong_type", "answers[1]");
    refused(with(answer(modes, "\"bus\"")), 422, "answer.wrong_type", "answers[1]");
    refused(with(answer(modes, "[\"bus\", \"plane\"]")), 422, "answer.unknown_option", "answers[1]");
    refused(with(answer(modes, "[\"bus\", \"bus\"]")), 422, "answer.duplicate_option", "answers[1]");
    refused(with(answer(name, "{\"a\": 1}")), 422, "answer.wrong_type", "answers[1]");
    refused(with(answer(point, "\"16.18, 58.59\"")), 422, "answer.wrong_type", "answers[1]");
  }

  @Test
  void badRankingsAreRefused() {
    refused(with(answer(rank, "[\"a\", \"a\", \"b\"]")), 422, "answer.ranking_duplicate", "answers[1]");
    refused(with(answer(rank, "[\"a\", \"b\"]")), 422, "answer.ranking_incomplete", "answers[1]");
    refused(with(answer(rank, "[\"a\", \"b\", \"z\"]")), 422, "answer.unknown_option", "answers[1]");
  }

  @Test
  void overLongTextsAreRefused() {
    refused(with(answer(name, "\"" + "å".repeat(201) + "\"")), 422, "answer.too_long", "answers[1]");
    refused(with(answer(story, "\"" + "ö".repeat(2001) + "\"")), 422, "answer.too_long", "answers[1]");
    refused(with(answer(story, "\"a\\ud800b\"")), 422, "answer.text_invalid", "answers[1]");
  }

  @Test
  void badMapAnswersAreRefused() {
    refused(with(answer(point, "{\"type\": \"Point\", \"coordinates\": [16.30, 58.59]}")), 422, "answer.outside_study_area", "answers[1]");
    refused(with(answer(point, "{\"type\": \"Point\", \"coordinates\": [200, 58.59]}")), 422, "answer.geometry_malformed", "answers[1]");
    refused(with(answer(point, "{\"type\": \"LineString\", \"coordinates\": [[16.15, 58.58], [16.2, 58.6]]}")), 422,
        "answer.geometry_type", "answers[1]");
    // A bow tie: the area crosses itself.
    refused(with(answer(area, "{\"type\": \"Polygon\", \"coordinates\": [[[16.15, 58.58], [16.17, 58.59], [16.17, 58.58], [16.15, 58.59], [16.15, 58.58]]]}")),
        422, "answer.geometry_invalid", "answers[1]");
    // A ring that is not closed, and a line of one point.
    refused(with(answer(area, "{\"type\": \"Polygon\", \"coordinates\": [[[16.15, 58.58], [16.17, 58.59], [16.17, 58.58]]]}")),
        422, "answer.geometry_malformed", "answers[1]");
    refused(with(answer(line, "{\"type\": \"LineString\", \"coordinates\": [[16.15, 58.58]]}")), 422, "answer.geometry_malformed", "answers[1]");
    refused(with(answer(line, "{\"type\": \"LineString\", \"coordinates\": [[16.15, 58.58], [16.15, 58.58]]}")), 422,
        "answer.geometry_invalid", "answers[1]");
    refused(with(answer(line, "{\"type\": \"LineString\", \"coordinates\": [[16.15, 58.58], [16.19, 58.60], [16.19, 58.58], [16.15, 58.60]]}")),
        422, "answer.geometry_not_simple", "answers[1]");
    // Sweden, roughly: the whole country is far beyond the study area.
    refused(with(answer(area, "{\"type\": \"Polygon\", \"coordinates\": [[[11, 55], [24, 55], [24, 69], [11, 69], [11, 55]]]}")),
        422, "answer.too_large", "answers[1]");
    refused(with(answer(line, "{\"type\": \"LineString\", \"coordinates\": [[10, 50], [11, 51]]}")), 422,
        "answer.outside_study_area", "answers[1]");
    refused(with(answer(line, "{\"type\": \"LineString\", \"coordinates\": [" + vertices(501) + "]}")), 422,
        "answer.too_many_vertices", "answers[1]");
    // 100,000 vertices do not even get through the body limit.
    refused(with(answer(line, "{\"type\": \"LineString\", \"coordinates\": [" + vertices(100_000) + "]}")), 413,
        "body.too_large", null);
  }

  private static String vertices(int n) {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < n; i++) {
      many.append(i == 0 ? "" : ", ").append("[16.15, ").append(58.58 + i * 1e-5).append("]");
    }
    return many.toString();
  }

  @Test
  void closedDialoguesAndReusedKeysAreRefused() {
    TestData.Dialogue closed = data.dialogue("completed", TestData.NORRKOPING_CENTRE, List.of("suggestion"));
    long q = survey.question(closed.id(), "{\"kind\": \"short_text\", \"label\": {\"sv\": \"Ort\"}}");
    assertProblem(survey.respond(closed.id(), "[" + answer(q, "\"x\"") + "]"), 409, "dialogue.closed", null);

    String key = UUID.randomUUID().toString();
    String path = "/api/v1/dialogues/" + dialogue.id() + "/responses";
    Api.Response first = api.postJson(path, "{\"answers\": " + with() + "}", "Idempotency-Key", key);
    Api.Response again = api.postJson(path, "{\"answers\": " + with() + "}", "Idempotency-Key", key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    assertThat(again.json().get("receipt").asString()).isEqualTo(first.json().get("receipt").asString());
    assertProblem(api.postJson(path, "{\"answers\": " + with(answer(name, "\"x\"")) + "}", "Idempotency-Key", key),
        422, "idempotency_key.reused", "Idempotency-Key");
    assertThat(responses()).isOne();
    // A receipt the submitter holds is reused.
    Api.Response withReceipt = api.postJson(path, "{\"receipt\": \"" + first.json().get("receipt").asString() + "\", \"answers\": " + with() + "}");
    assertThat(withReceipt.json().get("receipt").asString()).isEqualTo(first.json().get("receipt").asString());
    assertProblem(api.postJson(path, "{\"answers\": \"nope\"}"), 400, "body.malformed", null);
    assertProblem(api.postJson("/api/v1/dialogues/no-such-dialogue/responses", "{\"answers\": []}"), 404, "not_found", null);
  }
}
