package org.dialogkarta.survey;

import java.net.URI;
import java.util.List;
import org.dialogkarta.dialogue.DialogueRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The questionnaire builder's API (administrators, as for the dialogue's other settings). Under
 * {@code /api/v1/staff/} so that it keeps the staff's CSRF check (citizens' paths skip it).
 */
@RestController
class QuestionAdminController {

  record Order(List<Long> order) {}

  private static final String BASE = "/api/v1/staff/dialogues/{id}/questions";

  private final Questions questions;
  private final DialogueRepository dialogues;

  QuestionAdminController(Questions questions, DialogueRepository dialogues) {
    this.questions = questions;
    this.dialogues = dialogues;
  }

  @GetMapping(BASE)
  List<Question> list(@PathVariable String id) {
    return questions.current(dialogues.getByIdOrSlug(id).id());
  }

  @PostMapping(BASE)
  ResponseEntity<Question> create(@PathVariable String id, @RequestBody QuestionDraft draft) {
    Question created = questions.create(id, draft);
    return ResponseEntity.created(URI.create("/api/v1/staff/dialogues/" + id + "/questions/" + created.id()))
        .body(created);
  }

  @PutMapping(BASE + "/{questionId}")
  Question update(@PathVariable String id, @PathVariable long questionId, @RequestBody QuestionDraft draft) {
    return questions.update(id, questionId, draft);
  }

  @DeleteMapping(BASE + "/{questionId}")
  ResponseEntity<Void> delete(@PathVariable String id, @PathVariable long questionId) {
    questions.delete(id, questionId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping(BASE + "/{questionId}/versions")
  List<Question> versions(@PathVariable String id, @PathVariable long questionId) {
    return questions.versions(dialogues.getByIdOrSlug(id).id(), questionId);
  }

  @PutMapping(BASE + "/order")
  List<Question> reorder(@PathVariable String id, @RequestBody Order order) {
    return questions.reorder(id, order == null ? null : order.order());
  }
}
