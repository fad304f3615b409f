package org.dialogkarta.dialogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of staff translations shaped (owner, language, field, text): {@code dialogue_translation},
 * {@code walk_translation}, {@code question_translation}. The reads and the "replace one
 * language" write they all need, in one place; the texts are checked before by
 * {@link TranslationRules}. table and owner are constants of the caller, never input.
 */
public record TranslationTable(String table, String owner) {

  public TranslationTable {
    if (!table.matches("[a-z_]+") || !owner.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a table or column name: " + table + "." + owner);
    }
  }

  /** One owner's texts in one language: field to text (empty for Swedish, the base). */
  public Map<String, String> in(JdbcClient jdbc, long ownerId, ContentLanguage language) {
    Map<String, String> out = new TreeMap<>();
    if (language != ContentLanguage.SV) {
      jdbc.sql("SELECT field, text FROM %s WHERE %s = :o AND language = :l".formatted(table, owner))
          .param("o", ownerId).param("l", language.code())
          .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
    }
    return out;
  }

  /** Every translation of one owner: language to field to text, both sorted. */
  public Map<String, Map<String, String>> all(JdbcClient jdbc, long ownerId) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    jdbc.sql("SELECT language, field, text FROM %s WHERE %s = :o ORDER BY language, field".formatted(table, owner))
        .param("o", ownerId)
        .query((rs, n) -> out.computeIfAbsent(rs.getString(1), l -> new TreeMap<>()).put(rs.getString(2), rs.getString(3)))
        .list();
    return out;
  }

  /** Replaces one language's texts of an owner with {@code texts} (field to text). */
  public void replace(JdbcClient jdbc, long ownerId, ContentLanguage language, Map<String, String> texts) {
    jdbc.sql("DELETE FROM %s WHERE %s = :o AND language = :l".formatted(table, owner))
        .param("o", ownerId).param("l", language.code()).update();
    texts.forEach((field, text) -> insert(jdbc, ownerId, language.code(), field, text));
  }

  /** One text, replacing the one stored for that field. */
  public void insert(JdbcClient jdbc, long ownerId, String language, String field, String text) {
    jdbc.sql("""
            INSERT INTO %1$s (%2$s, language, field, text) VALUES (:o, :l, :f, :t)
            ON CONFLICT (%2$s, language, field) DO UPDATE SET text = EXCLUDED.text, updated_at = now()"""
            .formatted(table, owner))
        .param("o", ownerId).param("l", language).param("f", field).param("t", text).update();
  }
}
