package org.dialogkarta.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.DialogueRef;

/**
 * A pin as staff see it in the queue and the workspace: everything needed to decide on it,
 * whatever its moderation state. Photos link the staff addresses, which work for pending and
 * hidden pins too. Profile answers are left to the one-pin view.
 */
record StaffPin(
    long id,
    DialogueRef dialogue,
    Map<String, Object> location,
    String category,
    List<String> subtags,
    String text,
    Instant createdAt,
    String source,
    String moderationState,
    String moderationReason,
    String status,
    DepartmentRef department,
    int supports,
    List<Photo> photos,
    boolean redacted,
    Long mergedInto,
    int replyCount,
    Map<String, Object> shape) {


  record DepartmentRef(long id, String name, String kind) {}

  record Photo(long id, String url, String thumbnailUrl) {
    static Photo of(long id) {
      String url = "/api/v1/staff/moderation/photos/" + id;
      return new Photo(id, url, url + "/thumbnail");
    }
  }

  /** A page of pins, oldest first; {@code nextAfter} is the {@code after} of the next page. */
  record Page(List<StaffPin> pins, Long nextAfter) {}
}
