package org.dialogkarta.dialogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.Coded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff translations of a dialogue's own texts ({@code dialogue_translation}, V36): per language,
 * field to text. Swedish stays in the dialogue itself; a field without a translation is shown in
 * Swedish. {@link TranslationRules} checks what staff send; every change is audited.
 */
@Component
public class DialogueTranslations {

  /** The field of a sub-tag's label: {@code subtag.<code>}. */
  static final String SUBTAG = "subtag.";

  private static final TranslationTable TABLE = new TranslationTable("dialogue_translation", "dialogue_id");

  private final JdbcClient jdbc;
  private final DialogueRepository dialogues;
  private final AuditLog audit;

  DialogueTranslations(JdbcClient jdbc, DialogueRepository dialogues, AuditLog audit) {
    this.jdbc = jdbc;
    this.dialogues = dialogues;
    this.audit = audit;
  }

  /** One dialogue's texts in one language: field to text (empty for Swedish, the base). */
  @Transactional(readOnly = true)
  public Map<String, String> in(long dialogueId, ContentLanguage language) {
    return TABLE.in(jdbc, dialogueId, language);
  }

  /** Every dialogue's texts in one language: dialogue id to field to text. */
  @Transactional(readOnly = true)
  public Map<Long, Map<String, String>> allIn(ContentLanguage language) {
    Map<Long, Map<String, String>> out = new HashMap<>();
    if (language == ContentLanguage.SV) {
      return out;
    }
    jdbc.sql("SELECT dialogue_id, field, text FROM dialogue_translation WHERE language = :l")
        .param("l", language.code())
        .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3)))
        .list();
    return out;
  }

  /** The languages each dialogue has a translation in: dialogue id to languages. */
  @Transactional(readOnly = true)
  public Map<Long, List<ContentLanguage>> languages() {
    Map<Long, List<ContentLanguage>> out = new HashMap<>();
    jdbc.sql("SELECT DISTINCT dialogue_id, language FROM dialogue_translation ORDER BY 1, 2")
        .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
            .add(Coded.fromCode(ContentLanguage.class, rs.getString(2)).orElseThrow()))
        .list();
    return out;
  }

  /** For staff: every translation of one dialogue, language to field to text. */
  @Transactional(readOnly = true)
  public Map<String, Map<String, String>> all(String ref) {
    return TABLE.all(jdbc, dialogues.getByIdOrSlug(ref).id());
  }

  /**
   * Replaces one language's translations of a dialogue with {@code texts} (field to text; a blank
   * text removes that field's translation). Checked by {@link TranslationRules}: nothing is stored
   * when anything is wrong. Answers the stored texts.
   */
  @Transactional
  public Map<String, String> replace(String ref, String languageCode, Map<String, String> texts) {
    Dialogue d = dialogues.getByIdOrSlug(ref);
    TranslationRules.Checked checked = TranslationRules.check(d, languageCode, texts);
    Map<String, String> before = in(d.id(), checked.language());
    TABLE.replace(jdbc, d.id(), checked.language(), checked.texts());
    Map<String, String> after = new TreeMap<>(checked.texts());
    audit.record("dialogue.translation", "dialogue", d.id(),
        Map.of("language", checked.language().code(), "texts", new TreeMap<>(before)),
        Map.of("language", checked.language().code(), "texts", after));
    return after;
  }
}
