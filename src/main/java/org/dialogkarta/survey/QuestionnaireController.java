package org.dialogkarta.survey;

import java.net.URI;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The citizens' side: read the questionnaire, send a visit's answers. */
@RestController
class QuestionnaireController {

  private final DialogueRepository dialogues;
  private final Questions questions;
  private final Responses responses;

  QuestionnaireController(DialogueRepository dialogues, Questions questions, Responses responses) {
    this.dialogues = dialogues;
    this.questions = questions;
    this.responses = responses;
  }

  @GetMapping(path = "/api/v1/dialogues/{id}/questionnaire", produces = MediaType.APPLICATION_JSON_VALUE)
  Questionnaire questionnaire(@PathVariable String id) {
    Dialogue dialogue = dialogues.getByIdOrSlug(id);
    return new Questionnaire(dialogue.id(), dialogue.slug(),
        questions.current(dialogue.id()).stream().map(Question::forPublic).toList());
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
