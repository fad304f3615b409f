package org.dialogkarta.demo;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's translated dialogue texts (demo/translations.tsv): the Navestad safety walk in
 * English, Finnish and Arabic, so that a first look in those languages shows a dialogue in the
 * page's language beside others that fall back to Swedish, marked "(på svenska)".
 */
final class DemoTranslations {

  private DemoTranslations() {}

  static void add(JdbcClient jdbc, Map<String, Long> dialogueIds) {
    for (String[] row : DemoMunicipality.readTsv("/demo/translations.tsv", 4)) {
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
