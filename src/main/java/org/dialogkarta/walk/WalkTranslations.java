package org.dialogkarta.walk;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.dialogue.ContentLanguage;
import org.dialogkarta.dialogue.TranslationRules;
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
    Map<String, String> out = new HashMap<>();
    if (language != ContentLanguage.SV) {
      jdbc.sql("SELECT field, text FROM walk_translation WHERE walk_id = :w AND language = :l")
          .param("w", walkId).param("l", language.code())
          .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
    }
    return out;
  }

  @Transactional(readOnly = true)
  Map<String, Map<String, String>> all(long walkId) {
    walks.get(walkId);
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    jdbc.sql("SELECT language, field, text FROM walk_translation WHERE walk_id = :w ORDER BY language, field")
        .param("w", walkId)
        .query((rs, n) -> out.computeIfAbsent(rs.getString(1), l -> new TreeMap<>()).put(rs.getString(2), rs.getString(3)))
        .list();
    return out;
  }

  /** Replaces one language's texts ({@code dialogue.TranslationRules}: nothing stored when any is wrong). */
  @Transactional
  Map<String, String> replace(long walkId, String languageCode, Map<String, String> raw) {
    walks.get(walkId);
    TranslationRules.Checked checked = TranslationRules.check(languageCode, raw, FIELDS, "one of " + FIELDS.keySet());
    ContentLanguage language = checked.language();
    Map<String, String> texts = checked.texts();
    Map<String, String> before = new TreeMap<>(in(walkId, language));
    jdbc.sql("DELETE FROM walk_translation WHERE walk_id = :w AND language = :l")
        .param("w", walkId).param("l", language.code()).update();
    texts.forEach((field, text) -> jdbc.sql("INSERT INTO walk_translation (walk_id, language, field, text) VALUES (:w, :l, :f, :t)")
        .param("w", walkId).param("l", language.code()).param("f", field).param("t", text).update());
    audit.record("walk.translation", "walk", walkId, Map.of("language", language.code(), "texts", before),
        Map.of("language", language.code(), "texts", texts));
    return texts;
  }
}
