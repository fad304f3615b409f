package org.dialogkarta.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results of a questionnaire for the analysis page, per question over all its versions
 * (options counted by code, labelled by the current version): counts per option, the mean of a
 * scale or number, a ranking's mean position per option, the free texts (newest first, at most
 * {@link #TEXTS_MAX}), and the number of map answers (their layer is {@link #mapAnswers}).
 */
@Service
class AnswerResults {

  static final int TEXTS_MAX = 500;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record OptionResult(String code, String sv, String en, long count, Double meanPosition) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record QuestionResult(long id, int version, QuestionKind kind, Texts label, String category, long answered,
      List<OptionResult> options, List<Long> scaleCounts, Double mean, List<String> texts) {}

  record Results(long dialogueId, List<QuestionResult> questions) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final DialogueRepository dialogues;
  private final Questions questions;

  AnswerResults(JdbcClient jdbc, JsonMapper json, DialogueRepository dialogues, Questions questions) {
    this.jdbc = jdbc;
    this.json = json;
    this.dialogues = dialogues;
    this.questions = questions;
  }

  @Transactional(readOnly = true)
  Results of(String dialogueRef) {
    Dialogue dialogue = dialogues.getByIdOrSlug(dialogueRef);
    List<QuestionResult> out = new ArrayList<>();
    for (Question q : questions.current(dialogue.id())) {
      List<String> values = jdbc.sql("""
              SELECT a.value::text FROM answer a
              JOIN question_version v ON v.id = a.question_version_id
              JOIN questionnaire_response r ON r.id = a.response_id
              WHERE v.question_id = :q AND """ + StoredAnswers.visible("r") + " ORDER BY r.created_at DESC, a.id DESC")
          .param("q", q.id())
          .query(String.class)
          .list();
      out.add(result(q, values.stream().map(json::readTree).toList()));
    }
    return new Results(dialogue.id(), out);
  }

  private static QuestionResult result(Question q, List<JsonNode> values) {
    long n = values.size();
    return switch (q.kind()) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode v : values) {
          if (v.isString()) {
            counts.merge(v.asString(), 1L, Long::sum);
          } else {
            v.forEach(c -> counts.merge(c.asString(), 1L, Long::sum));
          }
        }
        yield new QuestionResult(q.id(), q.version(), q.kind(), q.label(), q.category(), n,
            options(q, counts, Map.of()), null, null, null);
      }
      case RANKING -> {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Double> positions = new HashMap<>();
        for (JsonNode v : values) {
          for (int i = 0; i < v.size(); i++) {
            counts.merge(v.get(i).asString(), 1L, Long::sum);
            positions.merge(v.get(i).asString(), (double) (i + 1), Double::sum);
          }
        }
        Map<String, Double> means = new HashMap<>();
        positions.forEach((code, sum) -> means.put(code, sum / counts.get(code)));
        yield new QuestionResult(q.id(), q.version(), q.kind(), q.label(), q.category(), n,
            options(q, counts, means), null, null, null);
      }
      case SCALE -> {
        List<Long> steps = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
        double sum = 0;
        for (JsonNode v : values) {
          steps.set(v.asInt() - 1, steps.get(v.asInt() - 1) + 1);
          sum += v.asInt();
        }
        yield new QuestionResult(q.id(), q.version(), q.kind(), q.label(), q.category(), n, null, steps,
            n == 0 ? null : sum / n, null);
      }
      case NUMBER -> {
        double sum = values.stream().mapToDouble(JsonNode::asDouble).sum();
        yield new QuestionResult(q.id(), q.version(), q.kind(), q.label(), q.category(), n, null, null,
            n == 0 ? null : sum / n, null);
      }
      case SHORT_TEXT, LONG_TEXT -> new QuestionResult(q.id(), q.version(), q.kind(), q.label(), q.category(), n,
          null, null, null, values.stream().limit(TEXTS_MAX).map(JsonNode::asString).toList());
      case MAP_POINT, MAP_LINE, MAP_AREA -> new QuestionResult(q.id(), q.version(), q.kind(), q.label(), q.category(),
          n, null, null, null, null);
    };
  }

  /** The current version's options in order, then codes only older versions had. */
  private static List<OptionResult> options(Question q, Map<String, Long> counts, Map<String, Double> means) {
    List<OptionResult> out = new ArrayList<>();
    for (ChoiceOption o : q.options()) {
      out.add(new OptionResult(o.code(), o.sv(), o.en(), counts.getOrDefault(o.code(), 0L), means.get(o.code())));
    }
    counts.keySet().stream().filter(code -> !q.hasOption(code)).sorted()
        .forEach(code -> out.add(new OptionResult(code, code, code, counts.get(code), means.get(code))));
    return out;
  }

  /** A map question's answers as a GeoJSON FeatureCollection (properties: response id, version). */
  @Transactional(readOnly = true)
  String mapAnswers(String dialogueRef, long questionId) {
    Dialogue dialogue = dialogues.getByIdOrSlug(dialogueRef);
    questions.get(dialogue.id(), questionId);
    return jdbc.sql("""
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                'type', 'Feature', 'id', a.id, 'geometry', ST_AsGeoJSON(a.geom, 7)::json,
                'properties', json_build_object('responseId', r.id, 'version', v.version, 'pinId', r.pin_id))
                ORDER BY a.id), '[]'::json))::text
            FROM answer a
            JOIN question_version v ON v.id = a.question_version_id
            JOIN questionnaire_response r ON r.id = a.response_id
            WHERE v.question_id = :q AND a.geom IS NOT NULL AND """ + StoredAnswers.visible("r"))
        .param("q", questionId)
        .query(String.class)
        .single();
  }
}
