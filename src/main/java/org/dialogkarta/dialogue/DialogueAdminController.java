package org.dialogkarta.dialogue;

import java.net.URI;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Dialogue administration (admin role): create, replace, and open or close a dialogue. */
@RestController
class DialogueAdminController {

  record StatusChange(String status) {}

  private final DialogueAdministration administration;

  DialogueAdminController(DialogueAdministration administration) {
    this.administration = administration;
  }

  @PostMapping("/api/v1/staff/dialogues")
  ResponseEntity<DialogueView> create(@RequestBody DialogueDraft draft) {
    DialogueView created = administration.create(CheckedDialogue.check(draft));
    return ResponseEntity.created(URI.create("/api/v1/dialogues/" + created.id())).body(created);
  }

  @PutMapping("/api/v1/staff/dialogues/{id}")
  DialogueView replace(@PathVariable String id, @RequestBody DialogueDraft draft) {
    return administration.replace(id, CheckedDialogue.check(draft));
  }

  @PostMapping("/api/v1/staff/dialogues/{id}/status")
  DialogueView status(@PathVariable String id, @RequestBody StatusChange change) {
    DialogueStatus status = change.status() == null ? null
        : Coded.fromCode(DialogueStatus.class, change.status()).orElse(null);
    if (status == null) {
      throw InvalidInputException.of("status", "code.unknown", "One of " + Coded.codesOf(DialogueStatus.class));
    }
    return administration.changeStatus(id, status);
  }
}
