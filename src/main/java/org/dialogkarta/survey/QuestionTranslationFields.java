package org.dialogkarta.survey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.dialogkarta.dialogue.TranslationRules;

/**
 * The texts of one question version that may be translated, each with its Swedish source and its
 * bound: {@code label}, {@code help} (when the version has help), {@code option.<code>} per option
 * and {@code scale.<index>} per scale label, as long as {@link QuestionRules} allows them in Swedish.
 * A translation is valid for a version only while its Swedish source is the same.
 */
final class QuestionTranslationFields {

  static final String OPTION = "option.";
  static final String SCALE = "scale.";

  /** One translatable text: the field, its Swedish and English texts (English may be null), its bound. */
  record Field(String field, String sv, String en, int max, boolean multiline) {}

  private QuestionTranslationFields() {}

  /** The version's translatable texts in the order a form shows them. */
  static Map<String, Field> of(Question q) {
    Map<String, Field> fields = new LinkedHashMap<>();
    fields.put("label", new Field("label", q.label().sv(), q.label().en(), QuestionRules.LABEL_MAX, false));
    if (q.help() != null && q.help().sv() != null) {
      fields.put("help", new Field("help", q.help().sv(), q.help().en(), QuestionRules.HELP_MAX, true));
    }
    for (ChoiceOption o : q.options()) {
      fields.put(OPTION + o.code(), new Field(OPTION + o.code(), o.sv(), o.en(), QuestionRules.OPTION_LABEL_MAX, false));
    }
    for (int i = 0; i < q.scaleLabels().size(); i++) {
      Texts t = q.scaleLabels().get(i);
      fields.put(SCALE + i, new Field(SCALE + i, t.sv(), t.en(), QuestionRules.OPTION_LABEL_MAX, false));
    }
    return fields;
  }

  /** The bounds {@link TranslationRules} checks a translation of {@code q} against. */
  static Map<String, TranslationRules.Limit> limits(Question q) {
    Map<String, TranslationRules.Limit> limits = new LinkedHashMap<>();
    of(q).values().forEach(f -> limits.put(f.field(), new TranslationRules.Limit(f.max(), !f.multiline())));
    return limits;
  }

  /** The known fields, for the fault of an unknown one. */
  static String known(Question q) {
    return "one of " + of(q).keySet();
  }

  /**
   * Whether a translation of {@code field} made for {@code before} still says the same as
   * {@code after}'s Swedish: the field exists in both with the same Swedish text (scale labels also
   * need the same number of labels, as an index means another step when that changes).
   */
  static boolean stillValid(String field, Question before, Question after) {
    if (field.startsWith(SCALE) && before.scaleLabels().size() != after.scaleLabels().size()) {
      return false;
    }
    Field old = of(before).get(field);
    Field now = of(after).get(field);
    return old != null && now != null && Objects.equals(old.sv(), now.sv());
  }
}
