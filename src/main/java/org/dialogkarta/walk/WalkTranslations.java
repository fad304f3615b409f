package org.dialogkarta.walk;

import java.util.Map;
import java.util.TreeMap;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.dialogue.ContentLanguage;
import org.dialogkarta.dialogue.TranslationRules;
import org.dialogkarta.dialogue.TranslationTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Translations of the walk texts walk mode shows, its title, its description (V40) and the meeting
 * point's name ({@code walk_translation}, V36), like a dialogue's ({@code dialogue.DialogueTranslations}):
 * per language, the title and name at most 200 characters on one line, the description at most 2000
 * on several lines, blank for none; audited.
 */
@Component
class WalkTranslations {

  /** The texts a walk has translated, as long as the walk's own (title, description, meeting point's name). */
  static final Map<String, TranslationRules.Limit> FIELDS = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
      "meetingPointName", new TranslationRules.Limit(CheckedWalk.SHORT_TEXT, true),
      "title", new TranslationRules.Limit(CheckedWalk.SHORT_TEXT, true),
      "description", new TranslationRules.Limit(WalkDescription.MAX, false))));

  private static final TranslationTable TABLE = new TranslationTable("walk_translation", "walk_id");

  private final JdbcClient jdbc;
  private final Walks walks;
  private final AuditLog audit;

  WalkTranslations(JdbcClient jdbc, Walks walks, AuditLog audit) {
    this.jdbc = jdbc;
    this.walks = walks;
    this.audit = audit;
  }

  /** One walk's texts in one language, field to text (empty for Swedish). */
  @Transactional(readOnly = true)
  Map<String, String> in(long walkId, ContentLanguage language) {
    return TABLE.in(jdbc, walkId, language);
  }

  @Transactional(readOnly = true)
  Map<String, Map<String, String>> all(long walkId) {
    walks.get(walkId);
    return TABLE.all(jdbc, walkId);
  }

  /** Replaces one language's texts ({@code dialogue.TranslationRules}: nothing stored when any is wrong). */
  @Transactional
  Map<String, String> replace(long walkId, String languageCode, Map<String, String> raw) {
    walks.get(walkId);
    TranslationRules.Checked checked = TranslationRules.check(languageCode, raw, FIELDS, "one of " + FIELDS.keySet());
    ContentLanguage language = checked.language();
    Map<String, String> texts = checked.texts();
    Map<String, String> before = in(walkId, language);
    TABLE.replace(jdbc, walkId, language, texts);
    audit.record("walk.translation", "walk", walkId, Map.of("language", language.code(), "texts", before),
        Map.of("language", language.code(), "texts", texts));
    return texts;
  }
}
