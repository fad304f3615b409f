package org.dialogkarta.walk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.DialogueRef;
import org.dialogkarta.pin.WalkWindow;

/**
 * A walk as staff see it: the plan, what was filled in afterwards (participants, groups,
 * conditions, note), and how much came of it. {@code pinsFrom} and {@code pinsUntil} are the
 * window in which the walk takes pins ({@link WalkWindow}); {@code open} says whether that is now
 * (the dialogue's {@code status} decides too: only an ongoing dialogue takes pins).
 */
record Walk(
    long id,
    DialogueRef dialogue,
    WalkKind kind,
    String title,
    String description,
    Instant startsAt,
    Instant endsAt,
    Instant closedAt,
    Map<String, Object> meetingPoint,
    String meetingPointName,
    Map<String, Object> plannedRoute,
    Integer participantCount,
    List<WalkGroup> groups,
    String facilitator,
    Light light,
    String weather,
    String note,
    Instant createdAt,
    Instant pinsFrom,
    Instant pinsUntil,
    boolean open,
    long pinCount,
    long trackCount) {

  WalkWindow window() {
    return new WalkWindow(id, dialogue.id(), startsAt, endsAt, closedAt);
  }
}
