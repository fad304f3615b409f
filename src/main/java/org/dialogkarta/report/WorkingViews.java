package org.dialogkarta.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The views as the report page lists them: a page at a time, all of them, the ungrouped ones
 * ({@code topic=none}) or one topic's, each with the position that holds for it and where it
 * comes from.
 */
@Component
class WorkingViews {

  private final JdbcClient jdbc;
  private final ReportViews views;
  private final Topics topics;

  WorkingViews(JdbcClient jdbc, ReportViews views, Topics topics) {
    this.jdbc = jdbc;
    this.views = views;
    this.topics = topics;
  }

  /** A view on the page; {@code own} is its own position (with the version to send back), or null. */
  record Row(String ref, LocalDate receivedOn, String channel, String category, String senderType, String text,
      boolean hidden, String hiddenReason, String neighbourhood, boolean hasPlace, Long topicId, String topic,
      Stance stance, ReportView.OwnPosition own, String status) {}

  record Page(int total, int offset, int pending, List<Row> views) {}

  void requireDialogue(long dialogueId) {
    boolean exists = jdbc.sql("SELECT count(*) > 0 FROM dialogue WHERE id = :id").param("id", dialogueId)
        .query(Boolean.class).single();
    if (!exists) {
      throw new NotFoundException("No dialogue " + dialogueId);
    }
  }

  Page page(long dialogueId, String topicFilter, int offset, int limit) {
    requireDialogue(dialogueId);
    Long only = null;
    boolean ungrouped = "none".equals(topicFilter);
    if (topicFilter != null && !topicFilter.isBlank() && !ungrouped) {
      try {
        only = Long.parseLong(topicFilter);
      } catch (NumberFormatException e) {
        throw InvalidInputException.of("topic", "topic.filter", "topic is a topic id, or 'none' for ungrouped views");
      }
    }
    Map<Long, Topic> byId = byId(dialogueId);
    Long wanted = only;
    List<Row> rows = new ArrayList<>();
    int[] total = {0};
    views.forEach(dialogueId, v -> {
      boolean keep = ungrouped ? v.topicId() == null : wanted == null || wanted.equals(v.topicId());
      if (keep) {
        if (total[0] >= offset && rows.size() < limit) {
          rows.add(row(v, byId));
        }
        total[0]++;
      }
    });
    return new Page(total[0], offset, views.pending(dialogueId), rows);
  }

  Row one(long dialogueId, ViewRef ref) {
    ReportView view = views.find(dialogueId, ref)
        .orElseThrow(() -> new NotFoundException("No view " + ref + " in the report of dialogue " + dialogueId));
    return row(view, byId(dialogueId));
  }

  private Map<Long, Topic> byId(long dialogueId) {
    return topics.byId(dialogueId);
  }

  private static Row row(ReportView v, Map<Long, Topic> topics) {
    Topic topic = v.topicId() == null ? null : topics.get(v.topicId());
    return new Row(v.ref().toString(), v.receivedOn(), v.channel(), v.category(), v.senderType(), v.text(),
        v.hidden(), v.hiddenReason(), v.neighbourhood(), v.x() != null, v.topicId(),
        topic == null ? null : topic.title(), Stance.of(v, topic), v.own(), v.status());
  }
}
