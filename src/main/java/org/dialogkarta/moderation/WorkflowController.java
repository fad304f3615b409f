package org.dialogkarta.moderation;

import java.util.List;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.pin.ModerationState;
import org.dialogkarta.pin.PinStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The planners' workspace (PLANNER and above, by path in SecurityConfig). */
@RestController
@RequestMapping("/api/v1/staff/pins")
class WorkflowController {

  record StatusRequest(String status, Long departmentId) {}

  record NoteRequest(String text) {}

  /** Which pins (see {@link PinSelection.Request}), the reply, and optionally a status for them all. */
  record ReplyRequest(List<Long> pinIds, JsonNode area, String dialogue, PinSelection.Cluster cluster,
      String text, String language, String status, Long departmentId) {
    PinSelection.Request selection() {
      return new PinSelection.Request(pinIds, area, dialogue, cluster);
    }
  }

  record SelectionRequest(List<Long> pinIds, JsonNode area, String dialogue, PinSelection.Cluster cluster) {}

  record Selected(List<StaffPin> pins) {}

  record MergeRequest(Long into, List<Long> duplicates) {}

  private final StaffPins staffPins;
  private final PinDetails details;
  private final PinSelection selection;
  private final Workflow workflow;
  private final Replies replies;
  private final Merges merges;
  private final DialogueRepository dialogues;

  WorkflowController(StaffPins staffPins, PinDetails details, PinSelection selection, Workflow workflow,
      Replies replies, Merges merges, DialogueRepository dialogues) {
    this.staffPins = staffPins;
    this.details = details;
    this.selection = selection;
    this.workflow = workflow;
    this.replies = replies;
    this.merges = merges;
    this.dialogues = dialogues;
  }

  @GetMapping
  StaffPin.Page list(@RequestParam(required = false) String dialogue,
      @RequestParam(required = false) List<String> status,
      @RequestParam(required = false) List<String> category,
      @RequestParam(required = false) Long department,
      @RequestParam(required = false) List<String> state,
      @RequestParam(defaultValue = "" + StaffFilters.DEFAULT_LIMIT) int limit,
      @RequestParam(required = false) Long after) {
    List<String> statuses = StaffFilters.codes(PinStatus.class, "status", status);
    List<String> categories = StaffFilters.codes(Category.class, "category", category);
    List<String> states = StaffFilters.codes(ModerationState.class, "state", state);
    Long dialogueId = dialogue == null || dialogue.isBlank() ? null : dialogues.getByIdOrSlug(dialogue.strip()).id();
    return staffPins.find(new StaffPins.Filter(dialogueId, states, statuses, categories, department, after,
        StaffFilters.limit(limit)));
  }

  @PostMapping("/{id}/status")
  PinDetails.Detail status(@PathVariable long id, @RequestBody StatusRequest body, Authentication auth) {
    workflow.changeStatus(id, body.status(), body.departmentId());
    return details.of(id, PinDetails.forAdmin(auth));
  }

  @PostMapping("/{id}/notes")
  @ResponseStatus(HttpStatus.CREATED)
  PinDetails.Note note(@PathVariable long id, @RequestBody NoteRequest body) {
    return workflow.addNote(id, body.text());
  }

  /** What a reply with this selection would answer, so the planner sees it before sending. */
  @PostMapping("/selection")
  Selected select(@RequestBody SelectionRequest body) {
    return new Selected(staffPins.byIds(selection.resolve(
        new PinSelection.Request(body.pinIds(), body.area(), body.dialogue(), body.cluster()))));
  }

  @PostMapping("/replies")
  @ResponseStatus(HttpStatus.CREATED)
  Replies.Answer reply(@RequestBody ReplyRequest body) {
    return replies.reply(body.selection(), body.text(), body.language(), body.status(), body.departmentId());
  }

  @PostMapping("/merge")
  Merges.Answer merge(@RequestBody MergeRequest body) {
    return merges.merge(body.into(), body.duplicates());
  }
}
