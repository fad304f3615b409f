package org.dialogkarta.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.support.Problems.assertProblem;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Pins drawn as lines and areas ({@code pin.ShapeRules}) and map answers to questions
 * ({@code MapAnswerChecks}) pass one set of rules ({@code geo.ShapeCheck}): the same bad shape is
 * refused by both with a 422 naming each path's own field and code (pins {@code shape} /
 * {@code shape.coordinates} with {@code shape.*}, answers {@code answers[i]} with
 * {@code answer.*}), and nothing is stored by either.
 */
@IntegrationTest
class SameShapeRulesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private SurveyApi survey;
  private TestData data;
  private TestData.Dialogue dialogue;
  private long line;
  private long area;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    survey = new SurveyApi(api, new StaffAccounts(accounts, encoder));
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
    jdbc.sql("UPDATE dialogue SET accepted_shapes = :k WHERE id = :id")
        .param("k", new String[] {"point", "line", "area"}).param("id", dialogue.id()).update();
    line = survey.question(dialogue.id(), "{\"kind\": \"map_line\", \"label\": {\"sv\": \"Vilken väg?\"}}");
    area = survey.question(dialogue.id(), "{\"kind\": \"map_area\", \"label\": {\"sv\": \"Vilket område?\"}}");
  }

  static Stream<Arguments> badShapes() {
    return Stream.of(
        Arguments.of("a self-intersecting area (bow tie)", "Polygon",
            "[[[16.16, 58.58], [16.17, 58.59], [16.17, 58.58], [16.16, 58.59], [16.16, 58.58]]]",
            "shape", "shape.invalid", "answer.geometry_invalid"),
        Arguments.of("a line that crosses itself", "LineString",
            "[[16.16, 58.58], [16.17, 58.59], [16.17, 58.58], [16.16, 58.59]]",
            "shape", "shape.not_simple", "answer.geometry_not_simple"),
        Arguments.of("a line of too many vertices", "LineString", zigzag(601),
            "shape.coordinates", "shape.too_many_vertices", "answer.too_many_vertices"),
        Arguments.of("an area outside the study area", "Polygon",
            "[[[16.30, 58.58], [16.305, 58.58], [16.305, 58.582], [16.30, 58.58]]]",
            "shape", "shape.outside_study_area", "answer.outside_study_area"),
        Arguments.of("a line outside the study area", "LineString", "[[16.30, 58.58], [16.31, 58.59]]",
            "shape", "shape.outside_study_area", "answer.outside_study_area"),
        Arguments.of("an area over the whole country", "Polygon",
            "[[[10.5, 55.0], [24.5, 55.0], [24.5, 69.5], [10.5, 69.5], [10.5, 55.0]]]",
            "shape", "shape.too_large", "answer.too_large"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badShapes")
  void bothPathsRefuseTheSameShapeNamingTheirField(String why, String type, String coordinates, String pinField,
      String pinCode, String answerCode) {
    String shape = "{\"type\": \"" + type + "\", \"coordinates\": " + coordinates + "}";
    assertProblem(api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        "{\"category\": \"suggestion\", \"text\": \"Här\", \"shape\": " + shape + "}"), 422, pinCode, pinField);
    long question = "Polygon".equals(type) ? area : line;
    assertProblem(survey.respond(dialogue.id(), "[{\"question\": " + question + ", \"value\": " + shape + "}]"),
        422, answerCode, "answers[0]");
    assertThat(data.pinCount(dialogue)).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM questionnaire_response WHERE dialogue_id = :d").param("d", dialogue.id())
        .query(Long.class).single()).isZero();
  }

  @Test
  void aGoodShapeIsTakenByBoth() {
    String square = "{\"type\": \"Polygon\", \"coordinates\": "
        + "[[[16.16, 58.58], [16.165, 58.58], [16.165, 58.582], [16.16, 58.582], [16.16, 58.58]]]}";
    Api.Response pin = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        "{\"category\": \"suggestion\", \"text\": \"Här\", \"shape\": " + square + "}");
    assertThat(pin.status()).as(pin.body()).isEqualTo(201);
    Api.Response answer = survey.respond(dialogue.id(), "[{\"question\": " + area + ", \"value\": " + square + "}]");
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  private static String zigzag(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> String.format(Locale.ROOT, "[%.6f, %.4f]", 16.15 + i * 0.00001, 58.58 + (i % 2) * 0.001))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
