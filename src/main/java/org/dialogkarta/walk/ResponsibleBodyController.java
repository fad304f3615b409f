package org.dialogkarta.walk;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The responsible bodies' staff (MODERATOR and above: the streets department, the housing
 * company's contact with a staff account) see the walk actions assigned to their body and move
 * their status. Nothing else of the action is theirs to change.
 */
@RestController
class ResponsibleBodyController {

  private final WalkActions actions;

  ResponsibleBodyController(WalkActions actions) {
    this.actions = actions;
  }

  @GetMapping("/api/v1/staff/walk-actions")
  List<WalkActions.Action> ofBody(@RequestParam long body) {
    return actions.ofBody(body);
  }

  @PatchMapping("/api/v1/staff/walk-actions/{id}")
  WalkActions.Action status(@PathVariable long id, @RequestBody WalkActions.StatusDraft draft) {
    return actions.setStatus(id, draft);
  }
}
