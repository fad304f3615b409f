package org.dialogkarta.report;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The planner's work on the report: topics, which views are under them, and the municipality's
 * position on a topic or a single view (PLANNER and above, by path in SecurityConfig).
 */
@RestController
@RequestMapping("/api/v1/staff/dialogues/{dialogueId}/report")
class TopicController {

  private final Topics topics;
  private final ViewPositions positions;
  private final WorkingViews working;
  private final TopicSuggestions suggestions;

  TopicController(Topics topics, ViewPositions positions, WorkingViews working, TopicSuggestions suggestions) {
    this.suggestions = suggestions;
    this.topics = topics;
    this.positions = positions;
    this.working = working;
  }

  @GetMapping("/topics")
  List<Topic> topics(@PathVariable long dialogueId) {
    working.requireDialogue(dialogueId);
    return topics.list(dialogueId);
  }

  /** Themes found in the ungrouped views, to take over as topics. */
  @GetMapping("/topic-suggestions")
  List<TopicSuggestions.Suggestion> suggestions(@PathVariable long dialogueId) {
    working.requireDialogue(dialogueId);
    return suggestions.of(dialogueId);
  }

  @PostMapping("/topics")
  ResponseEntity<Topic> create(@PathVariable long dialogueId, @RequestBody TopicDraft draft) {
    working.requireDialogue(dialogueId);
    PositionRules.CheckedTopic checked = PositionRules.topic(draft);
    List<ViewRef> views = refs(draft.views());
    Topic topic = topics.create(dialogueId, checked, views, AuditLog.currentActor());
    return ResponseEntity.created(URI.create("/api/v1/staff/dialogues/" + dialogueId + "/report/topics/" + topic.id()))
        .body(topic);
  }

  @PutMapping("/topics/{id}")
  Topic change(@PathVariable long dialogueId, @PathVariable long id, @RequestBody TopicDraft draft) {
    int version = requireVersion(draft.version());
    return topics.change(dialogueId, id, version, PositionRules.topic(draft), AuditLog.currentActor());
  }

  @DeleteMapping("/topics/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable long dialogueId, @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean releaseViews) {
    topics.delete(dialogueId, id, releaseViews);
  }

  /** Body: {@code {"from": <topic id>, "version": <this topic's version>}}. */
  @PostMapping("/topics/{id}/merge")
  Topic merge(@PathVariable long dialogueId, @PathVariable long id, @RequestBody Map<String, Object> body) {
    Object from = body.get("from");
    if (!(from instanceof Number n)) {
      throw InvalidInputException.of("from", "from.missing", "Name the topic to merge into this one by its id");
    }
    int version = requireVersion(body.get("version") instanceof Number v ? v.intValue() : null);
    return topics.merge(dialogueId, id, n.longValue(), version, AuditLog.currentActor());
  }

  /** Groups views under a topic, or with {@code "topic": null} leaves them ungrouped. */
  @PostMapping("/grouping")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void group(@PathVariable long dialogueId, @RequestBody Grouping grouping) {
    working.requireDialogue(dialogueId);
    List<ViewRef> views = refs(grouping.views());
    if (views.isEmpty()) {
      throw InvalidInputException.of("views", "views.missing", "Name at least one view, e.g. K-123 or I-7");
    }
    topics.group(dialogueId, views, grouping.topic());
  }

  record Grouping(List<String> views, Long topic) {}

  @GetMapping("/views")
  WorkingViews.Page views(@PathVariable long dialogueId, @RequestParam(required = false) String topic,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw InvalidInputException.of("limit", "paging.range", "offset must be 0 or more and limit 1 to 1000");
    }
    return working.page(dialogueId, topic, offset, limit);
  }

  @PutMapping("/views/{ref}/position")
  WorkingViews.Row position(@PathVariable long dialogueId, @PathVariable String ref, @RequestBody PositionDraft draft) {
    ViewRef view = ViewRef.parse(ref, "ref");
    positions.write(dialogueId, view, PositionRules.view(draft), draft.version(), AuditLog.currentActor());
    return working.one(dialogueId, view);
  }

  @DeleteMapping("/views/{ref}/position")
  WorkingViews.Row clearPosition(@PathVariable long dialogueId, @PathVariable String ref) {
    ViewRef view = ViewRef.parse(ref, "ref");
    positions.clear(dialogueId, view);
    return working.one(dialogueId, view);
  }

  private static List<ViewRef> refs(List<String> texts) {
    List<ViewRef> refs = new ArrayList<>();
    if (texts != null) {
      for (int i = 0; i < texts.size(); i++) {
        refs.add(ViewRef.parse(texts.get(i), "views[" + i + "]"));
      }
    }
    return refs.stream().distinct().toList();
  }

  private static int requireVersion(Integer version) {
    if (version == null || version < 0) {
      throw InvalidInputException.of("version", "version.missing",
          "Send the version of the topic you changed, so that nobody else's change is lost");
    }
    return version;
  }
}
