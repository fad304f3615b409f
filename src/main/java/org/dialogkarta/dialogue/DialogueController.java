package org.dialogkarta.dialogue;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/dialogues")
@Transactional(readOnly = true)
class DialogueController {

  /** Ongoing first, then planned, then completed; newest first within each. */
  private static final Comparator<Dialogue> START_PAGE_ORDER = Comparator
      .comparing((Dialogue d) -> switch (d.status()) {
        case ONGOING -> 0;
        case PLANNED -> 1;
        case COMPLETED -> 2;
      })
      .thenComparing(Dialogue::startsOn, Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(Dialogue::id);

  private final DialogueRepository dialogues;

  DialogueController(DialogueRepository dialogues) {
    this.dialogues = dialogues;
  }

  @GetMapping
  List<DialogueView> list() {
    Map<Long, Long> counts = publishedPinCounts();
    return dialogues.findAll().stream()
        .sorted(START_PAGE_ORDER)
        .map(d -> DialogueView.of(d, counts.getOrDefault(d.id(), 0L)))
        .toList();
  }

  @GetMapping("/{id}")
  DialogueView one(@PathVariable String id) {
    Dialogue d = dialogues.getByIdOrSlug(id);
    return DialogueView.of(d, dialogues.countPublishedPins(d.id()));
  }

  private Map<Long, Long> publishedPinCounts() {
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row : dialogues.countPublishedPins()) {
      counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
    return counts;
  }
}
