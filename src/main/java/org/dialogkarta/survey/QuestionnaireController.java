package org.dialogkarta.survey;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.ContentLanguage;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizens' side: read the questionnaire (in {@code lang}, else the {@code dk-lang} cookie,
 * else Accept-Language, as a dialogue is read), send a visit's answers.
 */
@RestController
class QuestionnaireController {

  private final DialogueRepository dialogues;
  private final Questions questions;
  private final Responses responses;
  private final QuestionTranslationTable translations;

  QuestionnaireController(DialogueRepository dialogues, Questions questions, Responses responses,
      QuestionTranslationTable translations) {
    this.dialogues = dialogues;
    this.questions = questions;
    this.responses = responses;
    this.translations = translations;
  }

  @GetMapping(path = "/api/v1/dialogues/{id}/questionnaire", produces = MediaType.APPLICATION_JSON_VALUE)
  Questionnaire questionnaire(@PathVariable String id, @RequestParam(required = false) String lang,
      @CookieValue(name = "dk-lang", required = false) String pageLang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
    ContentLanguage language = ContentLanguage.ofRequest(lang, pageLang, accept);
    Dialogue dialogue = dialogues.getByIdOrSlug(id);
    List<Question> current = questions.current(dialogue.id());
    Map<Long, Map<String, String>> translated = language == ContentLanguage.SV || language == ContentLanguage.EN
        ? Map.of() : translations.in(current.stream().map(Question::versionId).toList(), language);
    return new Questionnaire(dialogue.id(), dialogue.slug(), language.code(), current.stream()
        .map(q -> AskedQuestion.of(q, language, translated.getOrDefault(q.versionId(), Map.of())))
        .toList());
  }

  @PostMapping(path = "/api/v1/dialogues/{id}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SubmittedResponse> respond(@PathVariable String id,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody ResponseSubmission submission) {
    SubmittedResponse answer = responses.submit(id, submission, IdempotencyKeys.parse(idempotencyKey));
    ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/v1/dialogues/" + id + "/responses/" + answer.id()));
    if (answer.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(answer);
  }
}
