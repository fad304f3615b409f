package org.dialogkarta.demo;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's translated dialogue texts (demo/translations.tsv): the Navestad safety walk in
 * English, Finnish and Arabic, so that a first look in those languages shows a dialogue in the
 * page's language beside others that fall back to Swedish, marked "(på svenska)"; and the rural
 * dialogue's own questions in Finnish and Arabic (rows whose field is
 * {@code question.<position>.<field>}, written with the questions by {@link DemoQuestionnaire}); and
 * the texts of the safety walk's walks (rows {@code walk.<index in DemoWalks.navestad>.<field>}).
 */
final class DemoTranslations {

  private static final String QUESTION = "question.";
  private static final String WALK = "walk.";

  private DemoTranslations() {}

  /** The translations of {@code slug}'s questions, by position, into their current versions. */
  static void addQuestions(JdbcClient jdbc, String slug, long dialogueId) {
    for (String[] row : DemoMunicipality.readTsv("/demo/translations.tsv", 4)) {
      if (!row[0].equals(slug) || !row[2].startsWith(QUESTION)) {
        continue;
      }
      String[] positionAndField = row[2].substring(QUESTION.length()).split("\\.", 2);
      int updated = jdbc.sql("""
              INSERT INTO question_translation (question_version_id, language, field, text)
              SELECT v.id, :language, :field, :text FROM question q
              JOIN question_version v ON v.question_id = q.id AND v.version = q.current_version
              WHERE q.dialogue_id = :dialogue AND q.position = :position ON CONFLICT DO NOTHING""")
          .param("language", row[1]).param("field", positionAndField[1]).param("text", row[3])
          .param("dialogue", dialogueId).param("position", Integer.parseInt(positionAndField[0]))
          .update();
      if (updated == 0) {
        throw new IllegalStateException("demo/translations.tsv: " + slug + " has no question at " + row[2]);
      }
    }
  }

  /** The translations of {@code slug}'s walks ({@code walkIds} in the order of {@link DemoWalks#navestad}). */
  static void addWalks(JdbcClient jdbc, String slug, java.util.List<Long> walkIds) {
    for (String[] row : DemoMunicipality.readTsv("/demo/translations.tsv", 4)) {
      if (!row[0].equals(slug) || !row[2].startsWith(WALK)) {
        continue;
      }
      String[] indexAndField = row[2].substring(WALK.length()).split("\\.", 2);
      int index = Integer.parseInt(indexAndField[0]);
      if (index >= walkIds.size()) {
        throw new IllegalStateException("demo/translations.tsv: " + slug + " has no walk " + index);
      }
      jdbc.sql("""
              INSERT INTO walk_translation (walk_id, language, field, text)
              VALUES (:walk, :language, :field, :text) ON CONFLICT DO NOTHING""")
          .param("walk", walkIds.get(index)).param("language", row[1]).param("field", indexAndField[1])
          .param("text", row[3].replace("\\n", "\n"))
          .update();
    }
  }

  static void add(JdbcClient jdbc, Map<String, Long> dialogueIds) {
    for (String[] row : DemoMunicipality.readTsv("/demo/translations.tsv", 4)) {
      if (row[2].startsWith(QUESTION) || row[2].startsWith(WALK)) {
        continue;
      }
      Long dialogue = dialogueIds.get(row[0]);
      if (dialogue == null) {
        throw new IllegalStateException("demo/translations.tsv names no demo dialogue " + row[0]);
      }
      jdbc.sql("""
              INSERT INTO dialogue_translation (dialogue_id, language, field, text)
              VALUES (:dialogue, :language, :field, :text) ON CONFLICT DO NOTHING""")
          .param("dialogue", dialogue).param("language", row[1]).param("field", row[2]).param("text", row[3])
          .update();
    }
  }
}
