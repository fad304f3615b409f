package org.dialogkarta.survey;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.ContentLanguage;
import org.dialogkarta.dialogue.TranslationTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code question_translation} (V37): per question version, language and field, a text.
 * No checks here: {@link QuestionTranslations} checks what staff send, {@link Questions} carries
 * texts over to a new version.
 */
@Component
class QuestionTranslationTable {

  private static final TranslationTable TABLE = new TranslationTable("question_translation", "question_version_id");

  private final JdbcClient jdbc;

  QuestionTranslationTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every translation of one version: language to field to text, languages and fields sorted. */
  Map<String, Map<String, String>> of(long versionId) {
    return TABLE.all(jdbc, versionId);
  }

  /** The texts of several versions in one language: version id to field to text. */
  Map<Long, Map<String, String>> in(Collection<Long> versionIds, ContentLanguage language) {
    Map<Long, Map<String, String>> out = new HashMap<>();
    if (versionIds.isEmpty()) {
      return out;
    }
    jdbc.sql("SELECT question_version_id, field, text FROM question_translation WHERE question_version_id IN (:v) AND language = :l")
        .param("v", List.copyOf(versionIds)).param("l", language.code())
        .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3)))
        .list();
    return out;
  }

  /** Replaces one language's texts of a version with {@code texts} (field to text). */
  void replace(long versionId, ContentLanguage language, Map<String, String> texts) {
    TABLE.replace(jdbc, versionId, language, texts);
  }

  /**
   * Gives {@code after} (a new version, or the same version rewritten) the translations of
   * {@code before} (read before the change: {@code kept}) whose Swedish source did not change; the
   * others are dropped, so a translation of words that are gone is never shown.
   */
  void carryForward(Question before, Question after, Map<String, Map<String, String>> kept) {
    kept.forEach((language, texts) -> texts.forEach((field, text) -> {
      if (QuestionTranslationFields.stillValid(field, before, after)) {
        TABLE.insert(jdbc, after.versionId(), language, field, text);
      }
    }));
  }
}
