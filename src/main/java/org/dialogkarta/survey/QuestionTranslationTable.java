package org.dialogkarta.survey;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dialogkarta.dialogue.ContentLanguage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code question_translation} (V37): per question version, language and field, a text.
 * No checks here: {@link QuestionTranslations} checks what staff send, {@link Questions} carries
 * texts over to a new version.
 */
@Component
class QuestionTranslationTable {

  private final JdbcClient jdbc;

  QuestionTranslationTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every translation of one version: language to field to text, languages and fields sorted. */
  Map<String, Map<String, String>> of(long versionId) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    jdbc.sql("SELECT language, field, text FROM question_translation WHERE question_version_id = :v")
        .param("v", versionId)
        .query((rs, n) -> out.computeIfAbsent(rs.getString(1), l -> new TreeMap<>()).put(rs.getString(2), rs.getString(3)))
        .list();
    return out;
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
    jdbc.sql("DELETE FROM question_translation WHERE question_version_id = :v AND language = :l")
        .param("v", versionId).param("l", language.code()).update();
    texts.forEach((field, text) -> insert(versionId, language.code(), field, text));
  }

  /**
   * Gives {@code after} (a new version, or the same version rewritten) the translations of
   * {@code before} (read before the change: {@code kept}) whose Swedish source did not change; the
   * others are dropped, so a translation of words that are gone is never shown.
   */
  void carryForward(Question before, Question after, Map<String, Map<String, String>> kept) {
    kept.forEach((language, texts) -> texts.forEach((field, text) -> {
      if (QuestionTranslationFields.stillValid(field, before, after)) {
        insert(after.versionId(), language, field, text);
      }
    }));
  }

  private void insert(long versionId, String language, String field, String text) {
    jdbc.sql("""
            INSERT INTO question_translation (question_version_id, language, field, text) VALUES (:v, :l, :f, :t)
            ON CONFLICT (question_version_id, language, field) DO UPDATE SET text = EXCLUDED.text, updated_at = now()""")
        .param("v", versionId).param("l", language).param("f", field).param("t", text).update();
  }
}
