package org.dialogkarta.walk;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff plan walks, fill them in, close them and read their reports (PLANNER and above). */
@RestController
@RequestMapping("/api/v1/staff/walks")
class WalkController {

  private final Walks walks;
  private final WalkPlanning planning;
  private final WalkReports reports;
  private final DialogueRepository dialogues;

  WalkController(Walks walks, WalkPlanning planning, WalkReports reports, DialogueRepository dialogues) {
    this.walks = walks;
    this.planning = planning;
    this.reports = reports;
    this.dialogues = dialogues;
  }

  /** The walks of one dialogue (by id or slug), or of all, in the order they are walked. */
  @GetMapping
  List<Walk> list(@RequestParam(required = false) String dialogue) {
    Long dialogueId = dialogue == null || dialogue.isBlank() ? null : dialogues.getByIdOrSlug(dialogue.strip()).id();
    return walks.list(dialogueId);
  }

  @PostMapping
  ResponseEntity<Walk> create(@RequestBody WalkDraft draft) {
    Walk created = planning.create(CheckedWalk.check(draft, this::dialogue));
    return ResponseEntity.created(URI.create("/api/v1/staff/walks/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  Walk walk(@PathVariable long id) {
    return walks.get(id);
  }

  @PutMapping("/{id}")
  Walk replace(@PathVariable long id, @RequestBody WalkDraft draft) {
    return planning.replace(id, CheckedWalk.check(draft, this::dialogue));
  }

  @PostMapping("/{id}/close")
  Walk close(@PathVariable long id) {
    return planning.close(id);
  }

  @GetMapping("/{id}/report")
  WalkReport report(@PathVariable long id) {
    return reports.of(id);
  }

  private Optional<Dialogue> dialogue(String ref) {
    return ref.matches("\\d{1,18}") ? dialogues.findById(Long.parseLong(ref)) : dialogues.findBySlug(ref);
  }
}
