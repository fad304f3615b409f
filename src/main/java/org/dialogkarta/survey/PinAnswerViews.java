package org.dialogkarta.survey;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers that came with one pin, for the moderation detail: each with the label and option
 * labels of the version it answered (an old version's answer keeps its old words).
 */
@Service
class PinAnswerViews {

  /** One answer: the question, its version, label, kind, the value and its words. */
  record PinAnswer(long question, int version, QuestionKind kind, Texts label, JsonNode value, String text) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Questions questions;

  PinAnswerViews(JdbcClient jdbc, JsonMapper json, Questions questions) {
    this.jdbc = jdbc;
    this.json = json;
    this.questions = questions;
  }

  @Transactional(readOnly = true)
  List<PinAnswer> ofPin(long pinId) {
    record Row(long questionVersionId, String value) {}
    return jdbc.sql("""
            SELECT a.question_version_id, a.value::text AS value FROM answer a
            JOIN questionnaire_response r ON r.id = a.response_id
            JOIN question_version v ON v.id = a.question_version_id
            JOIN question q ON q.id = v.question_id
            WHERE r.pin_id = :p ORDER BY q.position, q.id""")
        .param("p", pinId)
        .query(Row.class)
        .list()
        .stream()
        .map(row -> {
          Question q = questions.version(row.questionVersionId()).orElseThrow();
          JsonNode value = json.readTree(row.value());
          return new PinAnswer(q.id(), q.version(), q.kind(), q.label(), value, AnswerText.of(q, value));
        })
        .toList();
  }
}
