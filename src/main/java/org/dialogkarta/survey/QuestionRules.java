package org.dialogkarta.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.pin.PinText;

/**
 * Checks a {@link QuestionDraft} from the questionnaire builder and gives a
 * {@link CheckedQuestion}, or throws {@link InvalidInputException} naming every wrong field.
 */
final class QuestionRules {

  static final int LABEL_MAX = 500;
  static final int HELP_MAX = 2000;
  static final int OPTION_LABEL_MAX = 200;
  static final int OPTIONS_MAX = 30;
  static final int RANKING_OPTIONS_MAX = 10;
  private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,40}");

  private QuestionRules() {}

  /**
   * @param categories the categories the dialogue offers
   * @param earlier    the current questions placed before this one (what a condition may name)
   */
  static CheckedQuestion check(QuestionDraft d, List<String> categories, List<Question> earlier) {
    List<FieldViolation> faults = new ArrayList<>();
    if (d == null) {
      throw InvalidInputException.of("kind", "question.kind_missing", "Send the question as a JSON object");
    }
    QuestionKind kind = null;
    if (d.kind() == null) {
      faults.add(FieldViolation.of("kind", "question.kind_missing", "Choose a kind: " + Coded.codesOf(QuestionKind.class)));
    } else {
      kind = Coded.fromCode(QuestionKind.class, d.kind()).orElse(null);
      if (kind == null) {
        faults.add(FieldViolation.of("kind", "question.kind_unknown", "One of " + Coded.codesOf(QuestionKind.class)));
      }
    }
    Texts label = texts("label", d.label(), true, LABEL_MAX, faults);
    Texts help = texts("help", d.help(), false, HELP_MAX, faults);
    List<ChoiceOption> options = options(kind, d.options(), faults);
    List<Texts> scaleLabels = scaleLabels(kind, d.scaleLabels(), faults);
    Double min = d.min();
    Double max = d.max();
    if ((min != null || max != null) && kind != QuestionKind.NUMBER) {
      faults.add(FieldViolation.of(min != null ? "min" : "max", "question.min_max_not_number",
          "Only a number question has a minimum and maximum"));
    } else if (min != null && max != null && min > max) {
      faults.add(FieldViolation.of("max", "question.max_below_min", "The maximum must not be below the minimum"));
    }
    String category = d.category() == null || d.category().isBlank() ? null : d.category();
    if (category != null && !categories.contains(category)) {
      faults.add(FieldViolation.of("category", "question.category_unknown",
          "The dialogue offers the categories " + categories));
    }
    Condition condition = condition(d.condition(), category, earlier, faults);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new CheckedQuestion(kind, Boolean.TRUE.equals(d.required()), label, help, options, scaleLabels,
        min, max, category, condition);
  }

  private static Texts texts(String field, Texts t, boolean svRequired, int max, List<FieldViolation> faults) {
    String sv = t == null ? null : clean(field + ".sv", t.sv(), max, faults);
    String en = t == null ? null : clean(field + ".en", t.en(), max, faults);
    if (svRequired && sv == null && faults.stream().noneMatch(f -> f.field().equals(field + ".sv"))) {
      faults.add(FieldViolation.of(field + ".sv", "question.text_missing", "Write the Swedish text"));
    }
    return new Texts(sv, en);
  }

  private static String clean(String field, String raw, int max, List<FieldViolation> faults) {
    if (raw != null && PinText.hasLoneSurrogate(raw)) {
      faults.add(FieldViolation.of(field, "question.text_invalid", "The text holds a broken character"));
      return null;
    }
    String text = PinText.clean(raw);
    if (text != null && PinText.length(text) > max) {
      faults.add(FieldViolation.of(field, "question.text_too_long", "At most " + max + " characters"));
      return null;
    }
    return text;
  }

  private static List<ChoiceOption> options(QuestionKind kind, List<ChoiceOption> given, List<FieldViolation> faults) {
    List<ChoiceOption> options = given == null ? List.of() : given;
    if (kind == null || !kind.hasOptions()) {
      if (!options.isEmpty()) {
        faults.add(FieldViolation.of("options", "question.options_not_allowed", "Only choice and ranking questions have options"));
      }
      return List.of();
    }
    int most = kind == QuestionKind.RANKING ? RANKING_OPTIONS_MAX : OPTIONS_MAX;
    if (options.size() < 2 || options.size() > most) {
      faults.add(FieldViolation.of("options", "question.options_count", "Give 2 to " + most + " options"));
      return List.of();
    }
    List<ChoiceOption> checked = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < options.size(); i++) {
      ChoiceOption o = options.get(i);
      String field = "options[" + i + "]";
      if (o == null || o.code() == null || !CODE.matcher(o.code()).matches()) {
        faults.add(FieldViolation.of(field + ".code", "question.option_code",
            "A code is 1–40 of a–z, 0–9 and _, and stays the same when the label changes"));
        continue;
      }
      if (!codes.add(o.code())) {
        faults.add(FieldViolation.of(field + ".code", "question.option_duplicate", "Each option needs its own code"));
        continue;
      }
      String sv = clean(field + ".sv", o.sv(), OPTION_LABEL_MAX, faults);
      String en = clean(field + ".en", o.en(), OPTION_LABEL_MAX, faults);
      if (sv == null && faults.stream().noneMatch(f -> f.field().equals(field + ".sv"))) {
        faults.add(FieldViolation.of(field + ".sv", "question.text_missing", "Write the Swedish label"));
      }
      checked.add(new ChoiceOption(o.code(), sv, en));
    }
    return checked;
  }

  private static List<Texts> scaleLabels(QuestionKind kind, List<Texts> given, List<FieldViolation> faults) {
    List<Texts> labels = given == null ? List.of() : given;
    if (kind != QuestionKind.SCALE) {
      if (!labels.isEmpty()) {
        faults.add(FieldViolation.of("scaleLabels", "question.scale_labels_not_allowed", "Only a scale has step labels"));
      }
      return List.of();
    }
    if (labels.size() != 2 && labels.size() != 5) {
      faults.add(FieldViolation.of("scaleLabels", "question.scale_labels_count",
          "Give labels for the two ends (1 and 5) or for each of the five steps"));
      return List.of();
    }
    List<Texts> checked = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      checked.add(texts("scaleLabels[" + i + "]", labels.get(i), true, OPTION_LABEL_MAX, faults));
    }
    return checked;
  }

  private static Condition condition(Condition c, String category, List<Question> earlier, List<FieldViolation> faults) {
    if (c == null || (c.question() == null && (c.codes() == null || c.codes().isEmpty()))) {
      return null;
    }
    Optional<Question> target = earlier.stream().filter(q -> c.question() != null && q.id() == c.question()).findFirst();
    if (target.isEmpty()) {
      faults.add(FieldViolation.of("condition.question", "question.condition_unknown",
          "A condition names an earlier question of the same questionnaire"));
      return null;
    }
    Question q = target.get();
    if (!q.kind().isChoice()) {
      faults.add(FieldViolation.of("condition.question", "question.condition_not_choice",
          "A condition can only look at a single or multiple choice question"));
      return null;
    }
    if (!java.util.Objects.equals(q.category(), category)) {
      faults.add(FieldViolation.of("condition.question", "question.condition_other_scope",
          "A condition names a question asked at the same time (the same category, or the whole dialogue)"));
      return null;
    }
    List<String> codes = c.codes() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(c.codes()));
    if (codes.isEmpty()) {
      faults.add(FieldViolation.of("condition.codes", "question.condition_codes", "Choose at least one option"));
      return null;
    }
    for (String code : codes) {
      if (code == null || !q.hasOption(code)) {
        faults.add(FieldViolation.of("condition.codes", "question.condition_codes",
            "The question named has no option '" + code + "'"));
        return null;
      }
    }
    return new Condition(q.id(), codes);
  }
}
