package org.dialogkarta.dialogue;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Translations of a dialogue's texts (admin role): all of them, or one language's replaced.
 * {@code PUT} takes field to text ({@code {"title": "…", "subtag.lighting": "…"}}).
 */
@RestController
class DialogueTranslationController {

  private final DialogueTranslations translations;

  DialogueTranslationController(DialogueTranslations translations) {
    this.translations = translations;
  }

  @GetMapping("/api/v1/staff/dialogues/{id}/translations")
  Map<String, Map<String, String>> all(@PathVariable String id) {
    return translations.all(id);
  }

  @PutMapping("/api/v1/staff/dialogues/{id}/translations/{language}")
  Map<String, String> replace(@PathVariable String id, @PathVariable String language,
      @RequestBody Map<String, String> texts) {
    return translations.replace(id, language, texts);
  }
}
