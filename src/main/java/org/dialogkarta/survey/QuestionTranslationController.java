package org.dialogkarta.survey;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A question's translations (administrators, as the rest of the builder): its texts and every
 * language's, or one language's replaced ({@code {"label": "…", "option.daily": "…"}}).
 */
@RestController
class QuestionTranslationController {

  private static final String BASE = "/api/v1/staff/dialogues/{id}/questions/{questionId}/translations";

  private final QuestionTranslations translations;

  QuestionTranslationController(QuestionTranslations translations) {
    this.translations = translations;
  }

  @GetMapping(BASE)
  QuestionTranslations.StaffView all(@PathVariable String id, @PathVariable long questionId) {
    return translations.view(id, questionId);
  }

  @PutMapping(BASE + "/{language}")
  Map<String, String> replace(@PathVariable String id, @PathVariable long questionId, @PathVariable String language,
      @RequestBody Map<String, String> texts) {
    return translations.replace(id, questionId, language, texts);
  }
}
