package org.dialogkarta.dialogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * What a translation of staff-written texts may be (a dialogue's here, a walk's in
 * {@code walk.WalkTranslations}): in a language of {@link ContentLanguage} other than Swedish; only
 * the translatable fields; each at most as long as the Swedish field may be; one-line fields on one
 * line; several-line fields without control characters other than line breaks and tabs. Any script and mixed scripts are fine; right-to-left controls in multi-line texts are kept
 * as written (pages show every such text isolated, {@code dir="auto"}). A blank text means "no
 * translation": the Swedish text is shown.
 */
public final class TranslationRules {

  /** How long a translatable text may be, and whether it must stay on one line. */
  public record Limit(int max, boolean oneLine) {}

  /** A checked translation: its language and the non-blank texts by field. */
  public record Checked(ContentLanguage language, Map<String, String> texts) {}

  /** A dialogue's fields, as long as {@link CheckedDialogue} allows them in Swedish. */
  private static final Map<String, Limit> DIALOGUE_FIELDS = Map.of(
      "title", new Limit(200, true), "summary", new Limit(5000, false), "outcome", new Limit(5000, false),
      "nextSteps", new Limit(5000, false), "responsibleUnit", new Limit(200, true));
  private static final Limit SUBTAG_LABEL = new Limit(60, true);

  private TranslationRules() {}

  /** A translation of {@code dialogue}'s texts: its fields and the labels of the sub-tags it offers. */
  static Checked check(Dialogue dialogue, String languageCode, Map<String, String> raw) {
    Map<String, Limit> fields = new HashMap<>(DIALOGUE_FIELDS);
    dialogue.subtagsByCategory().values().forEach(codes ->
        codes.forEach(code -> fields.put(DialogueTranslations.SUBTAG + code, SUBTAG_LABEL)));
    return check(languageCode, raw, fields,
        "one of " + new TreeMap<>(DIALOGUE_FIELDS).keySet() + " or subtag.<a sub-tag it offers>");
  }

  /**
   * A translation into {@code languageCode} of texts whose fields are {@code fields}; every fault at
   * once ({@code language}, {@code texts.<field>}), nothing returned when any. {@code knownFields}
   * says in the fault of an unknown field which ones there are.
   */
  public static Checked check(String languageCode, Map<String, String> raw, Map<String, Limit> fields,
      String knownFields) {
    List<FieldViolation> faults = new ArrayList<>();
    ContentLanguage language = languageCode == null ? null
        : Coded.fromCode(ContentLanguage.class, languageCode).orElse(null);
    if (language == null || language == ContentLanguage.SV) {
      faults.add(FieldViolation.of("language", "language.unknown", "'" + languageCode
          + "' is not a translation language: one of " + ContentLanguage.translations().stream().map(ContentLanguage::code).toList()
          + " (Swedish is the original text)"));
    }
    Map<String, String> texts = new TreeMap<>();
    (raw == null ? Map.<String, String>of() : raw).forEach((field, value) -> {
      Limit limit = field == null ? null : fields.get(field);
      if (limit == null) {
        faults.add(FieldViolation.of("texts." + field, "translation.field_unknown", "Not a translatable text: " + knownFields));
        return;
      }
      String text = value == null ? "" : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
      if (text.isEmpty()) {
        return;
      }
      if (text.codePointCount(0, text.length()) > limit.max()) {
        faults.add(FieldViolation.of("texts." + field, "text.too_long", "At most " + limit.max() + " characters"));
      } else if (limit.oneLine() && text.chars().anyMatch(Character::isISOControl)) {
        faults.add(FieldViolation.of("texts." + field, "text.one_line", "One line, without control characters"));
      } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
        faults.add(FieldViolation.of("texts." + field, "text.invalid", "Line breaks are fine, other control characters are not"));
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
