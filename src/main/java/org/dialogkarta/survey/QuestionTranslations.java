package org.dialogkarta.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.dialogue.ContentLanguage;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.dialogue.TranslationRules;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff translations of a question's texts (its current version) into the content languages
 * beyond Swedish and English ({@code question_translation}, V37), checked by
 * {@code dialogue.TranslationRules} against the bounds of {@link QuestionTranslationFields}.
 * English stays in the question itself (the builder's form); the staff view shows it with the
 * others. Every change is audited ({@code question.translation}).
 */
@Service
class QuestionTranslations {

  /** The languages kept here; Swedish is the source and English is written in the question. */
  static final List<ContentLanguage> LANGUAGES = ContentLanguage.translations().stream()
      .filter(l -> l != ContentLanguage.EN).toList();

  /** One question's translatable texts and what each language says, for the builder. */
  record StaffView(long question, int version, List<QuestionTranslationFields.Field> fields,
      Map<String, Map<String, String>> translations, List<String> languages) {}

  private final Questions questions;
  private final QuestionTranslationTable table;
  private final DialogueRepository dialogues;
  private final AuditLog audit;

  QuestionTranslations(Questions questions, QuestionTranslationTable table, DialogueRepository dialogues, AuditLog audit) {
    this.questions = questions;
    this.table = table;
    this.dialogues = dialogues;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  StaffView view(String dialogueRef, long questionId) {
    Dialogue d = dialogues.getByIdOrSlug(dialogueRef);
    return view(questions.get(d.id(), questionId));
  }

  /**
   * Replaces one language's texts of the question's current version (field to text; blank: no
   * translation). Nothing is stored when anything is wrong; answers the stored texts.
   */
  @Transactional
  Map<String, String> replace(String dialogueRef, long questionId, String languageCode, Map<String, String> raw) {
    Dialogue d = dialogues.getByIdOrSlug(dialogueRef);
    questions.lockQuestionnaire(d.id());
    Question q = questions.get(d.id(), questionId);
    List<FieldViolation> faults = new ArrayList<>();
    if (ContentLanguage.EN.code().equals(languageCode)) {
      faults.add(FieldViolation.of("language", "question.translation_english",
          "A question's English texts are written in the question itself (label.en, help.en, options[i].en)"));
    }
    TranslationRules.Checked checked = null;
    try {
      checked = TranslationRules.check(languageCode, raw, QuestionTranslationFields.limits(q), QuestionTranslationFields.known(q));
    } catch (InvalidInputException e) {
      faults.addAll(e.violations());
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    ContentLanguage language = checked.language();
    Map<String, String> before = table.of(q.versionId()).getOrDefault(language.code(), Map.of());
    table.replace(q.versionId(), language, checked.texts());
    Map<String, String> after = new TreeMap<>(checked.texts());
    audit.record("question.translation", "question", questionId,
        Map.of("language", language.code(), "version", q.version(), "texts", new TreeMap<>(before)),
        Map.of("language", language.code(), "version", q.version(), "texts", after));
    return after;
  }

  private StaffView view(Question q) {
    Map<String, QuestionTranslationFields.Field> fields = QuestionTranslationFields.of(q);
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    Map<String, String> english = new TreeMap<>();
    fields.values().forEach(f -> {
      if (f.en() != null) {
        english.put(f.field(), f.en());
      }
    });
    all.put(ContentLanguage.EN.code(), english);
    all.putAll(table.of(q.versionId()));
    return new StaffView(q.id(), q.version(), List.copyOf(fields.values()), all,
        LANGUAGES.stream().map(ContentLanguage::code).toList());
  }
}
