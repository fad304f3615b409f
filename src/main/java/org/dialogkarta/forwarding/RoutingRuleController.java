package org.dialogkarta.forwarding;

import java.util.List;
import org.dialogkarta.dialogue.DialogueRepository;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators keep a dialogue's routing rules (ADMIN, by the dialogue administration's path). */
@RestController
class RoutingRuleController {

  private final RoutingRules rules;
  private final DialogueRepository dialogues;

  RoutingRuleController(RoutingRules rules, DialogueRepository dialogues) {
    this.rules = rules;
    this.dialogues = dialogues;
  }

  @GetMapping("/api/v1/staff/dialogues/{id}/routing-rules")
  List<RoutingRules.Rule> list(@PathVariable String id) {
    return rules.of(dialogues.getByIdOrSlug(id).id());
  }

  @PostMapping("/api/v1/staff/dialogues/{id}/routing-rules")
  @ResponseStatus(HttpStatus.CREATED)
  RoutingRules.Rule create(@PathVariable String id, @RequestBody RoutingRules.Draft draft) {
    return rules.create(dialogues.getByIdOrSlug(id).id(), draft);
  }

  @DeleteMapping("/api/v1/staff/dialogues/{id}/routing-rules/{ruleId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id, @PathVariable long ruleId) {
    rules.delete(dialogues.getByIdOrSlug(id).id(), ruleId);
  }
}
