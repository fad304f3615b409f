package org.dialogkarta.walk;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Translations of a walk's title, description and meeting point's name (planners, like the walk itself). */
@RestController
class WalkTranslationController {

  private final WalkTranslations translations;

  WalkTranslationController(WalkTranslations translations) {
    this.translations = translations;
  }

  @GetMapping("/api/v1/staff/walks/{id}/translations")
  Map<String, Map<String, String>> all(@PathVariable long id) {
    return translations.all(id);
  }

  @PutMapping("/api/v1/staff/walks/{id}/translations/{language}")
  Map<String, String> replace(@PathVariable long id, @PathVariable String language,
      @RequestBody Map<String, String> texts) {
    return translations.replace(id, language, texts);
  }
}
