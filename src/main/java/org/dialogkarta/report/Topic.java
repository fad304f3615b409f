package org.dialogkarta.report;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A topic of the report as planners read it: its texts, the municipality's position, the views
 * grouped under it (by report number), and who changed it last.
 */
public record Topic(long id, long dialogueId, String title, String summary, Effect effect, String answer,
    String reason, List<ViewRef> views, int version, String changedBy, OffsetDateTime changedAt) {

  /** The audit's copy: no texts, only what changed. */
  record Audited(long dialogueId, String title, Effect effect, int views, int version) {}

  Audited audited() {
    return new Audited(dialogueId, title, effect, views.size(), version);
  }
}
