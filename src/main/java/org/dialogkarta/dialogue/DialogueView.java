package org.dialogkarta.dialogue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.geo.GeoJson;

/**
 * A dialogue as the public API shows it, its texts in the language asked for where staff gave a
 * translation ({@link DialogueTranslations}), else in Swedish; each {@code ...Lang} says which
 * language its text is in (null when there is no text), so that a page can mark Swedish text on a
 * page in another language. {@code language} is the language asked for, {@code languages} those
 * the dialogue has texts in (Swedish first).
 */
public record DialogueView(
    long id,
    String slug,
    String title,
    String summary,
    DialogueStatus status,
    LocalDate startsOn,
    LocalDate endsOn,
    ParticipationLevel participationLevel,
    ModerationMode moderationMode,
    List<Category> categories,
    Map<String, List<String>> subtags,
    Map<String, String> subtagLabels,
    String outcome,
    String nextSteps,
    String responsibleUnit,
    String contact,
    Map<String, Object> studyArea,
    long pinCount,
    String page,
    List<ShapeKind> acceptedShapes,
    String titleLang,
    String summaryLang,
    String outcomeLang,
    String nextStepsLang,
    String responsibleUnitLang,
    Map<String, String> subtagLabelLangs,
    String language,
    List<String> languages) {

  /** In Swedish, as staff wrote it. */
  static DialogueView of(Dialogue d, long pinCount) {
    return of(d, pinCount, ContentLanguage.SV, Map.of(), List.of());
  }

  /**
   * In {@code lang} where {@code texts} (field to text, {@link DialogueTranslations}) has the
   * field, else in Swedish; {@code translated} the languages the dialogue has translations in.
   */
  static DialogueView of(Dialogue d, long pinCount, ContentLanguage lang, Map<String, String> texts,
      List<ContentLanguage> translated) {
    Local local = new Local(lang.code(), texts);
    Map<String, String> labels = new java.util.TreeMap<>();
    Map<String, String> labelLangs = new java.util.TreeMap<>();
    java.util.Set<String> codes = new java.util.TreeSet<>(d.subtagLabels().keySet());
    d.subtagsByCategory().values().forEach(tags -> tags.stream()
        .filter(tag -> texts.containsKey(DialogueTranslations.SUBTAG + tag)).forEach(codes::add));
    for (String code : codes) {
      String field = DialogueTranslations.SUBTAG + code;
      labels.put(code, local.text(field, d.subtagLabels().get(code)));
      labelLangs.put(code, local.lang(field, d.subtagLabels().get(code)));
    }
    List<String> languages = new java.util.ArrayList<>(List.of(ContentLanguage.SV.code()));
    translated.stream().map(ContentLanguage::code).filter(c -> !languages.contains(c)).forEach(languages::add);
    return new DialogueView(d.id(), d.slug(), local.text("title", d.title()), local.text("summary", d.summary()),
        d.status(), d.startsOn(), d.endsOn(), d.participationLevel(), d.moderationMode(), d.categories(),
        subtagsByCode(d), labels, local.text("outcome", d.outcome()), local.text("nextSteps", d.nextSteps()),
        local.text("responsibleUnit", d.responsibleUnit()), d.contact(),
        d.studyArea().map(GeoJson::geometry).orElse(null), pinCount, "/dialoger/" + d.slug(),
        d.acceptedShapes(), local.lang("title", d.title()), local.lang("summary", d.summary()),
        local.lang("outcome", d.outcome()), local.lang("nextSteps", d.nextSteps()),
        local.lang("responsibleUnit", d.responsibleUnit()), labelLangs, lang.code(), languages);
  }

  /** A field's text in the language asked for, or the Swedish one, and which it is. */
  private record Local(String lang, Map<String, String> texts) {
    String text(String field, String swedish) {
      return texts.getOrDefault(field, swedish);
    }

    String lang(String field, String swedish) {
      return texts.containsKey(field) ? lang : swedish == null ? null : ContentLanguage.SV.code();
    }
  }

  private static Map<String, List<String>> subtagsByCode(Dialogue d) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    d.subtagsByCategory().forEach((category, tags) -> out.put(category.code(), tags));
    return out;
  }
}
