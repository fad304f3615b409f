package org.dialogkarta.dialogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * What a translation of a dialogue's texts may be: in a language of {@link ContentLanguage}
 * other than Swedish; only the dialogue's translatable fields; each at most as long as the Swedish
 * field may be; one-line fields on one line. Any script and mixed scripts are fine; right-to-left
 * controls are kept as written (pages show every such text isolated, {@code dir="auto"}).
 */
final class TranslationRules {

  /** Field to its maximum length in characters, as {@link CheckedDialogue} has it for Swedish. */
  private static final Map<String, Integer> FIELDS = Map.of(
      "title", 200, "summary", 5000, "outcome", 5000, "nextSteps", 5000, "responsibleUnit", 200);
  private static final Set<String> ONE_LINE = Set.of("title", "responsibleUnit");
  private static final int SUBTAG_LABEL = 60;

  record Checked(ContentLanguage language, Map<String, String> texts) {}

  private TranslationRules() {}

  static Checked check(Dialogue dialogue, String languageCode, Map<String, String> raw) {
    List<FieldViolation> faults = new ArrayList<>();
    ContentLanguage language = languageCode == null ? null
        : Coded.fromCode(ContentLanguage.class, languageCode).orElse(null);
    if (language == null || language == ContentLanguage.SV) {
      faults.add(FieldViolation.of("language", "language.unknown", "'" + languageCode
          + "' is not a translation language: one of " + ContentLanguage.translations().stream().map(ContentLanguage::code).toList()
          + " (Swedish is the dialogue's own text)"));
    }
    Set<String> subtags = new java.util.HashSet<>();
    dialogue.subtagsByCategory().values().forEach(subtags::addAll);
    Map<String, String> texts = new TreeMap<>();
    (raw == null ? Map.<String, String>of() : raw).forEach((field, value) -> {
      Integer max = FIELDS.get(field);
      boolean oneLine = ONE_LINE.contains(field);
      if (max == null && field != null && field.startsWith(DialogueTranslations.SUBTAG)
          && subtags.contains(field.substring(DialogueTranslations.SUBTAG.length()))) {
        max = SUBTAG_LABEL;
        oneLine = true;
      }
      if (max == null) {
        faults.add(FieldViolation.of("texts." + field, "translation.field_unknown",
            "Not a text of this dialogue: one of " + new TreeMap<>(FIELDS).keySet() + " or subtag.<a sub-tag it offers>"));
        return;
      }
      String text = value == null ? "" : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
      if (text.isEmpty()) {
        return; // a blank field has no translation: the Swedish text is shown
      }
      if (text.codePointCount(0, text.length()) > max) {
        faults.add(FieldViolation.of("texts." + field, "text.too_long", "At most " + max + " characters"));
      } else if (oneLine && text.chars().anyMatch(Character::isISOControl)) {
        faults.add(FieldViolation.of("texts." + field, "text.one_line", "One line, without control characters"));
      } else {
        texts.put(field, text);
      }
    });
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new Checked(language, texts);
  }
}
