package org.dialogkarta.forwarding;

import java.util.List;
import org.dialogkarta.dialogue.DialogueRepository;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A dialogue's reply templates (PLANNER, by path in SecurityConfig). */
@RestController
class ReplyTemplateController {

  private final ReplyTemplates templates;
  private final DialogueRepository dialogues;

  ReplyTemplateController(ReplyTemplates templates, DialogueRepository dialogues) {
    this.templates = templates;
    this.dialogues = dialogues;
  }

  @GetMapping("/api/v1/staff/dialogues/{id}/reply-templates")
  List<ReplyTemplates.Template> list(@PathVariable String id) {
    return templates.of(dialogue(id));
  }

  @PostMapping("/api/v1/staff/dialogues/{id}/reply-templates")
  @ResponseStatus(HttpStatus.CREATED)
  ReplyTemplates.Template create(@PathVariable String id, @RequestBody ReplyTemplates.Draft draft) {
    return templates.create(dialogue(id), draft);
  }

  @PutMapping("/api/v1/staff/dialogues/{id}/reply-templates/{templateId}")
  ReplyTemplates.Template change(@PathVariable String id, @PathVariable long templateId,
      @RequestBody ReplyTemplates.Draft draft) {
    return templates.change(dialogue(id), templateId, draft);
  }

  @DeleteMapping("/api/v1/staff/dialogues/{id}/reply-templates/{templateId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id, @PathVariable long templateId) {
    templates.delete(dialogue(id), templateId);
  }

  private long dialogue(String id) {
    return dialogues.getByIdOrSlug(id).id();
  }
}
