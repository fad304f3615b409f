package org.dialogkarta.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questionnaire of a dialogue: its questions at their current versions, and the staff's
 * changes. A version that has answers is never changed: an edit then makes the next version.
 * A question that has answers (to any version) cannot be deleted.
 */
@Service
public class Questions {

  static final int MAX_QUESTIONS = 100;

  private static final String SELECT = """
      SELECT q.id, v.version, v.id AS version_id, q.position, v.kind, v.required, v.label_sv, v.label_en,
             v.help_sv, v.help_en, v.options::text AS options, v.scale_labels::text AS scale_labels,
             v.min_value, v.max_value, v.category, v.condition::text AS condition,
             (SELECT count(*) FROM answer a WHERE a.question_version_id = v.id) AS answers,
             (SELECT count(*) FROM answer a JOIN question_version w ON w.id = a.question_version_id
               WHERE w.question_id = q.id) AS total_answers
      FROM question q JOIN question_version v ON v.question_id = q.id
      """;

  /** What the audit log keeps of a question: enough to say what changed, in the words staff wrote. */
  record Audited(long dialogue, int version, String kind, String label, String category, boolean required,
      List<String> options, Condition condition) {
    static Audited of(long dialogue, Question q) {
      return new Audited(dialogue, q.version(), q.kind().code(), q.label().sv(), q.category(), q.required(),
          q.options().stream().map(ChoiceOption::code).toList(), q.condition());
    }
  }

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final DialogueRepository dialogues;
  private final AuditLog audit;
  private final QuestionTranslationTable translations;

  Questions(JdbcClient jdbc, JsonMapper json, DialogueRepository dialogues, AuditLog audit,
      QuestionTranslationTable translations) {
    this.jdbc = jdbc;
    this.json = json;
    this.dialogues = dialogues;
    this.audit = audit;
    this.translations = translations;
  }

  /** The dialogue's questions at their current versions, in order. */
  @Transactional(readOnly = true)
  public List<Question> current(long dialogueId) {
    return jdbc.sql(SELECT + " WHERE q.dialogue_id = :d AND v.version = q.current_version ORDER BY q.position, q.id")
        .param("d", dialogueId)
        .query((rs, n) -> row(rs))
        .list();
  }

  /** Every version of one question, oldest first (staff: old versions are kept read-only). */
  @Transactional(readOnly = true)
  public List<Question> versions(long dialogueId, long questionId) {
    List<Question> all = jdbc.sql(SELECT + " WHERE q.dialogue_id = :d AND q.id = :q ORDER BY v.version")
        .param("d", dialogueId).param("q", questionId)
        .query((rs, n) -> row(rs))
        .list();
    if (all.isEmpty()) {
      throw new NotFoundException("No question " + questionId + " in dialogue " + dialogueId);
    }
    return all;
  }

  /** A question version by its row id, whether current or old. */
  Optional<Question> version(long versionId) {
    return jdbc.sql(SELECT + " WHERE v.id = :v").param("v", versionId).query((rs, n) -> row(rs)).optional();
  }

  @Transactional
  public Question create(String dialogueRef, QuestionDraft draft) {
    Dialogue dialogue = dialogues.getByIdOrSlug(dialogueRef);
    lockQuestionnaire(dialogue.id());
    List<Question> existing = current(dialogue.id());
    if (existing.size() >= MAX_QUESTIONS) {
      throw new ConflictException("questionnaire.full", "A questionnaire holds at most " + MAX_QUESTIONS + " questions");
    }
    CheckedQuestion q = QuestionRules.check(draft, categories(dialogue), existing);
    int position = existing.stream().mapToInt(Question::position).max().orElse(-1) + 1;
    long id = jdbc.sql("INSERT INTO question (dialogue_id, position) VALUES (:d, :p) RETURNING id")
        .param("d", dialogue.id()).param("p", position)
        .query(Long.class).single();
    insertVersion(id, 1, q);
    Question created = get(dialogue.id(), id);
    audit.record("question.create", "question", id, null, Audited.of(dialogue.id(), created));
    return created;
  }

  /**
   * Changes a question. While its current version has no answers it is changed in place; once it
   * has, the change becomes the next version and the answered one stays as it was. Either way the
   * version's translations whose Swedish source did not change are carried to the changed one.
   */
  @Transactional
  public Question update(String dialogueRef, long questionId, QuestionDraft draft) {
    Dialogue dialogue = dialogues.getByIdOrSlug(dialogueRef);
    lockQuestionnaire(dialogue.id());
    Question now = get(dialogue.id(), questionId);
    List<Question> all = current(dialogue.id());
    List<Question> earlier = all.stream().takeWhile(x -> x.id() != questionId).toList();
    CheckedQuestion q = QuestionRules.check(draft, categories(dialogue), earlier);
    refuseBreakingLaterConditions(all, now, q);
    Map<String, Map<String, String>> translated = translations.of(now.versionId());
    if (now.answers() > 0) {
      insertVersion(questionId, now.version() + 1, q);
      jdbc.sql("UPDATE question SET current_version = :v WHERE id = :q")
          .param("v", now.version() + 1).param("q", questionId).update();
    } else {
      jdbc.sql("DELETE FROM question_version WHERE id = :v").param("v", now.versionId()).update();
      insertVersion(questionId, now.version(), q);
    }
    Question changed = get(dialogue.id(), questionId);
    translations.carryForward(now, changed, translated);
    audit.record("question.change", "question", questionId, Audited.of(dialogue.id(), now), Audited.of(dialogue.id(), changed));
    return changed;
  }

  /** Deletes an unanswered question; one with answers, or named by another's condition, is a 409. */
  @Transactional
  public void delete(String dialogueRef, long questionId) {
    Dialogue dialogue = dialogues.getByIdOrSlug(dialogueRef);
    lockQuestionnaire(dialogue.id());
    Question q = get(dialogue.id(), questionId);
    if (q.totalAnswers() > 0) {
      throw new ConflictException("question.answered", "Question " + questionId + " has " + q.totalAnswers()
          + " answers and cannot be deleted; change it instead (a new version is made and the answers are kept)");
    }
    List<Long> dependents = current(dialogue.id()).stream()
        .filter(x -> x.condition() != null && Objects.equals(x.condition().question(), questionId))
        .map(Question::id).toList();
    if (!dependents.isEmpty()) {
      throw new ConflictException("question.referenced", "Question " + questionId
          + " decides whether question(s) " + dependents + " are shown; change their conditions first");
    }
    jdbc.sql("DELETE FROM question WHERE id = :q").param("q", questionId).update();
    audit.record("question.delete", "question", questionId, Audited.of(dialogue.id(), q), null);
  }

  /** Puts the questions in the given order: every current question once, conditions after their question. */
  @Transactional
  public List<Question> reorder(String dialogueRef, List<Long> order) {
    Dialogue dialogue = dialogues.getByIdOrSlug(dialogueRef);
    lockQuestionnaire(dialogue.id());
    List<Question> all = current(dialogue.id());
    Set<Long> ids = new HashSet<>();
    all.forEach(q -> ids.add(q.id()));
    if (order == null || order.size() != all.size() || !ids.equals(new HashSet<>(order))) {
      throw InvalidInputException.of("order", "questions.order_incomplete",
          "Give every question of the questionnaire exactly once: " + ids);
    }
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < order.size(); i++) {
      long id = order.get(i);
      Question q = all.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
      if (q.condition() != null && !seen.contains(q.condition().question())) {
        throw InvalidInputException.of("order[" + i + "]", "questions.order_condition",
            "Question " + id + " depends on question " + q.condition().question() + ", which must come before it");
      }
      seen.add(id);
    }
    for (int i = 0; i < order.size(); i++) {
      jdbc.sql("UPDATE question SET position = :p WHERE id = :q").param("p", i).param("q", order.get(i)).update();
    }
    audit.record("question.reorder", "dialogue", dialogue.id(), all.stream().map(Question::id).toList(), order);
    return current(dialogue.id());
  }

  Question get(long dialogueId, long questionId) {
    return jdbc.sql(SELECT + " WHERE q.dialogue_id = :d AND q.id = :q AND v.version = q.current_version")
        .param("d", dialogueId).param("q", questionId)
        .query((rs, n) -> row(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("No question " + questionId + " in dialogue " + dialogueId));
  }

  /** A later question's condition must still name options the changed question offers. */
  private static void refuseBreakingLaterConditions(List<Question> all, Question now, CheckedQuestion changed) {
    for (Question later : all) {
      Condition c = later.condition();
      if (c == null || !Objects.equals(c.question(), now.id())) {
        continue;
      }
      boolean still = changed.kind().isChoice() && Objects.equals(changed.category(), later.category())
          && c.codes().stream().allMatch(code -> changed.options().stream().anyMatch(o -> o.code().equals(code)));
      if (!still) {
        throw InvalidInputException.of("options", "question.condition_broken", "Question " + later.id()
            + " is shown on options " + c.codes() + " of this question; keep them (and the kind and scope) or change that condition first");
      }
    }
  }

  private static List<String> categories(Dialogue dialogue) {
    return dialogue.categories().stream().map(Category::code).toList();
  }

  /** Staff changes to one questionnaire go one at a time (positions, conditions, versions, translations). */
  void lockQuestionnaire(long dialogueId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(26, :d)").param("d", (int) dialogueId).query((rs, n) -> 1).list();
  }

  private void insertVersion(long questionId, int version, CheckedQuestion q) {
    jdbc.sql("""
            INSERT INTO question_version (question_id, version, kind, required, label_sv, label_en, help_sv, help_en,
                category, options, scale_labels, min_value, max_value, condition)
            VALUES (:q, :version, :kind, :required, :labelSv, :labelEn, :helpSv, :helpEn, :category,
                CAST(:options AS jsonb), CAST(:scale AS jsonb), :min, :max, CAST(:condition AS jsonb))""")
        .param("q", questionId)
        .param("version", version)
        .param("kind", q.kind().code())
        .param("required", q.required())
        .param("labelSv", q.label().sv())
        .param("labelEn", q.label().en())
        .param("helpSv", q.help().sv())
        .param("helpEn", q.help().en())
        .param("category", q.category())
        .param("options", json.writeValueAsString(q.options()))
        .param("scale", json.writeValueAsString(q.scaleLabels()))
        .param("min", q.min())
        .param("max", q.max())
        .param("condition", q.condition() == null ? null : json.writeValueAsString(q.condition()))
        .update();
  }

  private Question row(java.sql.ResultSet rs) throws java.sql.SQLException {
    String condition = rs.getString("condition");
    return new Question(
        rs.getLong("id"),
        rs.getInt("version"),
        rs.getLong("version_id"),
        rs.getInt("position"),
        org.dialogkarta.kernel.Coded.fromCode(QuestionKind.class, rs.getString("kind")).orElseThrow(),
        rs.getBoolean("required"),
        new Texts(rs.getString("label_sv"), rs.getString("label_en")),
        new Texts(rs.getString("help_sv"), rs.getString("help_en")),
        json.readValue(rs.getString("options"), new TypeReference<List<ChoiceOption>>() {}),
        json.readValue(rs.getString("scale_labels"), new TypeReference<List<Texts>>() {}),
        (Double) rs.getObject("min_value"),
        (Double) rs.getObject("max_value"),
        rs.getString("category"),
        condition == null ? null : json.readValue(condition, Condition.class),
        rs.getLong("answers"),
        rs.getLong("total_answers"));
  }

  static List<Question> inScope(List<Question> all, String category) {
    List<Question> scoped = new ArrayList<>();
    for (Question q : all) {
      if (Objects.equals(q.category(), category)) {
        scoped.add(q);
      }
    }
    return scoped;
  }
}
