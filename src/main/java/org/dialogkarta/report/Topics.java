package org.dialogkarta.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report's topics and which views are grouped under them ({@code report_topic},
 * {@code report_topic_view}). A view is under at most one topic: grouping it elsewhere moves it.
 * Changes to a topic's texts carry the version the planner loaded, so that of two planners editing
 * the same topic the second is told instead of overwriting the first. Every write is audited
 * without its texts.
 */
@Repository
class Topics {

  private final JdbcClient jdbc;
  private final AuditLog audit;

  Topics(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  List<Topic> list(long dialogueId) {
    Map<Long, List<ViewRef>> views = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT tv.topic_id, tv.pin_id, tv.incoming_view_id FROM report_topic_view tv
            JOIN report_topic t ON t.id = tv.topic_id WHERE t.dialogue_id = :dialogue
            ORDER BY tv.topic_id, tv.pin_id IS NOT NULL, tv.incoming_view_id, tv.pin_id""")
        .param("dialogue", dialogueId)
        .query((ResultSet rs) -> {
          views.computeIfAbsent(rs.getLong("topic_id"), k -> new ArrayList<>()).add(ref(rs));
        });
    return jdbc.sql("SELECT * FROM report_topic WHERE dialogue_id = :dialogue ORDER BY lower(title), id")
        .param("dialogue", dialogueId)
        .query((rs, row) -> topic(rs, views.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  /** The dialogue's topics by id, in the list's order. */
  Map<Long, Topic> byId(long dialogueId) {
    Map<Long, Topic> byId = new LinkedHashMap<>();
    list(dialogueId).forEach(t -> byId.put(t.id(), t));
    return byId;
  }

  Topic find(long dialogueId, long id) {
    return jdbc.sql("SELECT * FROM report_topic WHERE id = :id AND dialogue_id = :dialogue")
        .param("id", id).param("dialogue", dialogueId)
        .query((rs, row) -> topic(rs, viewsOf(id)))
        .optional()
        .orElseThrow(() -> new NotFoundException("No topic " + id + " in dialogue " + dialogueId));
  }

  @Transactional
  Topic create(long dialogueId, PositionRules.CheckedTopic t, Collection<ViewRef> views, String actor) {
    long id;
    try {
      id = position(jdbc.sql("""
              INSERT INTO report_topic (dialogue_id, title, summary, effect, answer, reason, created_by, changed_by)
              VALUES (:dialogue, :title, :summary, :effect, :answer, :reason, :actor, :actor) RETURNING id"""), t)
          .param("dialogue", dialogueId).param("actor", actor)
          .query(Long.class).single();
    } catch (DuplicateKeyException e) {
      throw sameTitle(t.title());
    }
    group(dialogueId, views, id);
    Topic created = find(dialogueId, id);
    audit.record("topic.create", "report_topic", id, null, created.audited());
    return created;
  }

  @Transactional
  Topic change(long dialogueId, long id, int version, PositionRules.CheckedTopic t, String actor) {
    Topic before = find(dialogueId, id);
    int updated;
    try {
      updated = position(jdbc.sql("""
              UPDATE report_topic SET title = :title, summary = :summary, effect = :effect, answer = :answer,
                     reason = :reason, version = version + 1, changed_by = :actor, changed_at = now()
              WHERE id = :id AND dialogue_id = :dialogue AND version = :version"""), t)
          .param("actor", actor).param("id", id).param("dialogue", dialogueId).param("version", version)
          .update();
    } catch (DuplicateKeyException e) {
      throw sameTitle(t.title());
    }
    if (updated == 0) {
      throw stale(before, version);
    }
    Topic after = find(dialogueId, id);
    audit.record("topic.change", "report_topic", id, before.audited(), after.audited());
    return after;
  }

  /**
   * Deletes a topic. One that still holds views is kept, with a conflict that says how many,
   * unless {@code releaseViews}: then its views become ungrouped (none leaves the report).
   */
  @Transactional
  void delete(long dialogueId, long id, boolean releaseViews) {
    Topic before = find(dialogueId, id);
    if (!before.views().isEmpty() && !releaseViews) {
      throw new ConflictException("topic.notEmpty", "Topic '" + before.title() + "' holds " + before.views().size()
          + " views. Move them to other topics first, or delete with releaseViews=true to leave them ungrouped.");
    }
    jdbc.sql("DELETE FROM report_topic_view WHERE topic_id = :id").param("id", id).update();
    jdbc.sql("DELETE FROM report_topic WHERE id = :id").param("id", id).update();
    audit.record("topic.delete", "report_topic", id, before.audited(), null);
  }

  /** Moves every view of topic {@code from} into {@code into} and deletes {@code from}. */
  @Transactional
  Topic merge(long dialogueId, long into, long from, int version, String actor) {
    if (into == from) {
      throw InvalidInputException.of("from", "topic.mergeSelf", "A topic cannot be merged into itself");
    }
    Topic target = find(dialogueId, into);
    if (target.version() != version) {
      throw stale(target, version);
    }
    Topic source = find(dialogueId, from);
    jdbc.sql("UPDATE report_topic_view SET topic_id = :into WHERE topic_id = :from")
        .param("into", into).param("from", from).update();
    jdbc.sql("DELETE FROM report_topic WHERE id = :from").param("from", from).update();
    jdbc.sql("UPDATE report_topic SET version = version + 1, changed_by = :actor, changed_at = now() WHERE id = :id")
        .param("actor", actor).param("id", into).update();
    audit.record("topic.delete", "report_topic", from, source.audited(), null);
    Topic after = find(dialogueId, into);
    audit.record("topic.merge", "report_topic", into, target.audited(), after.audited());
    return after;
  }

  /**
   * Groups the views under topic {@code topicId}, moving them from wherever they were; with a null
   * topic they become ungrouped. Every view must belong to the dialogue.
   */
  @Transactional
  void group(long dialogueId, Collection<ViewRef> views, Long topicId) {
    if (topicId != null) {
      find(dialogueId, topicId);
    }
    requireViews(dialogueId, views);
    for (ViewRef v : views) {
      jdbc.sql("DELETE FROM report_topic_view WHERE " + v.column() + " = :id").param("id", v.id()).update();
      if (topicId != null) {
        jdbc.sql("INSERT INTO report_topic_view (topic_id, " + v.column() + ") VALUES (:topic, :id)")
            .param("topic", topicId).param("id", v.id()).update();
      }
    }
  }

  /** Refuses, naming them, views that are not in the dialogue (or do not exist). */
  void requireViews(long dialogueId, Collection<ViewRef> views) {
    List<Long> pins = views.stream().filter(v -> v.kind() == ViewRef.Kind.PIN).map(ViewRef::id).toList();
    List<Long> incoming = views.stream().filter(v -> v.kind() == ViewRef.Kind.INCOMING).map(ViewRef::id).toList();
    List<ViewRef> found = new ArrayList<>();
    if (!pins.isEmpty()) {
      jdbc.sql("SELECT id FROM pin WHERE dialogue_id = :dialogue AND id IN (:ids)")
          .param("dialogue", dialogueId).param("ids", pins)
          .query(Long.class).list().forEach(id -> found.add(ViewRef.pin(id)));
    }
    if (!incoming.isEmpty()) {
      jdbc.sql("SELECT id FROM incoming_view WHERE dialogue_id = :dialogue AND id IN (:ids)")
          .param("dialogue", dialogueId).param("ids", incoming)
          .query(Long.class).list().forEach(id -> found.add(ViewRef.incoming(id)));
    }
    List<ViewRef> missing = views.stream().filter(v -> !found.contains(v)).sorted().toList();
    if (!missing.isEmpty()) {
      throw InvalidInputException.of("views", "view.notInDialogue",
          "Not views of dialogue " + dialogueId + ": " + missing);
    }
  }

  private List<ViewRef> viewsOf(long topicId) {
    return jdbc.sql("""
            SELECT pin_id, incoming_view_id FROM report_topic_view WHERE topic_id = :id
            ORDER BY pin_id IS NOT NULL, incoming_view_id, pin_id""")
        .param("id", topicId)
        .query((rs, row) -> ref(rs)).list();
  }

  private static ViewRef ref(ResultSet rs) throws SQLException {
    long pin = rs.getLong("pin_id");
    return rs.wasNull() ? ViewRef.incoming(rs.getLong("incoming_view_id")) : ViewRef.pin(pin);
  }

  private static JdbcClient.StatementSpec position(JdbcClient.StatementSpec spec, PositionRules.CheckedTopic t) {
    CheckedPosition p = t.position();
    return spec.param("title", t.title()).param("summary", t.summary())
        .param("effect", p.effect() == null ? null : p.effect().code())
        .param("answer", p.answer()).param("reason", p.reason());
  }

  private static Topic topic(ResultSet rs, List<ViewRef> views) throws SQLException {
    String effect = rs.getString("effect");
    return new Topic(rs.getLong("id"), rs.getLong("dialogue_id"), rs.getString("title"), rs.getString("summary"),
        effect == null ? null : Coded.fromCode(Effect.class, effect).orElseThrow(),
        rs.getString("answer"), rs.getString("reason"), views, rs.getInt("version"),
        rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class));
  }

  private static InvalidInputException sameTitle(String title) {
    return InvalidInputException.of("title", "title.taken", "The dialogue already has a topic called '" + title + "'");
  }

  private static ConflictException stale(Topic current, int sent) {
    return new ConflictException("topic.stale", "Topic '" + current.title() + "' was changed by " + current.changedBy()
        + " at " + current.changedAt() + " (it is now version " + current.version() + "; you sent version " + sent
        + "). Reload it and make your change again.");
  }
}
