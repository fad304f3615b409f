package org.dialogkarta.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.ContentLanguage;

/**
 * A question as the public questionnaire gives it: {@link Question}'s fields without the staff's
 * counts, each text with its words in the language asked for where staff translated it (English
 * from the question itself, the others from {@code question_translation}), else Swedish, flagged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AskedQuestion(
    long id,
    int version,
    int position,
    QuestionKind kind,
    boolean required,
    LocalText label,
    LocalText help,
    List<LocalOption> options,
    List<LocalText> scaleLabels,
    Double min,
    Double max,
    String category,
    Condition condition) {

  /** {@code q} in {@code language}; {@code translated}: the version's texts in it (field to text). */
  static AskedQuestion of(Question q, ContentLanguage language, Map<String, String> translated) {
    List<LocalOption> options = new ArrayList<>();
    for (ChoiceOption o : q.options()) {
      LocalText t = local(o.sv(), o.en(), language, translated.get(QuestionTranslationFields.OPTION + o.code()));
      options.add(new LocalOption(o.code(), o.sv(), o.en(), t.text(), t.lang(), t.fallback()));
    }
    List<LocalText> scale = new ArrayList<>();
    for (int i = 0; i < q.scaleLabels().size(); i++) {
      Texts t = q.scaleLabels().get(i);
      scale.add(local(t.sv(), t.en(), language, translated.get(QuestionTranslationFields.SCALE + i)));
    }
    return new AskedQuestion(q.id(), q.version(), q.position(), q.kind(), q.required(),
        local(q.label().sv(), q.label().en(), language, translated.get("label")),
        q.help() == null ? LocalText.NONE : local(q.help().sv(), q.help().en(), language, translated.get("help")),
        options, scale, q.min(), q.max(), q.category(), q.condition());
  }

  private static LocalText local(String sv, String en, ContentLanguage language, String translation) {
    if (sv == null) {
      return en == null ? LocalText.NONE : new LocalText(null, en, null, null, null);
    }
    String own = language == ContentLanguage.EN ? en : translation;
    if (language == ContentLanguage.SV) {
      return new LocalText(sv, en, sv, ContentLanguage.SV.code(), false);
    }
    return own == null
        ? new LocalText(sv, en, sv, ContentLanguage.SV.code(), true)
        : new LocalText(sv, en, own, language.code(), false);
  }
}
