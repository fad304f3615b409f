package org.dialogkarta.report;

import java.util.List;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The positions written for single views ({@code view_position}), where the planner says
 * something other than the view's topic or status does. A change names the version loaded (none
 * for the first), so two planners answering the same view cannot overwrite each other.
 */
@Repository
class ViewPositions {

  private final JdbcClient jdbc;
  private final Topics topics;
  private final AuditLog audit;

  ViewPositions(JdbcClient jdbc, Topics topics, AuditLog audit) {
    this.jdbc = jdbc;
    this.topics = topics;
    this.audit = audit;
  }

  @Transactional
  void write(long dialogueId, ViewRef view, CheckedPosition p, Integer version, String actor) {
    topics.requireViews(dialogueId, List.of(view));
    Integer current = currentVersion(view);
    if (current == null && version != null && version > 0 || current != null && !current.equals(version)) {
      throw new ConflictException("position.stale", "The position on " + view + " was changed by someone else"
          + " (it is now version " + current + "; you sent " + version + "). Reload it and write it again.");
    }
    if (current == null) {
      jdbc.sql("INSERT INTO view_position (" + view.column() + ", effect, answer, reason, changed_by)"
              + " VALUES (:id, :effect, :answer, :reason, :actor)")
          .param("id", view.id()).param("effect", p.effect().code()).param("answer", p.answer())
          .param("reason", p.reason()).param("actor", actor).update();
    } else {
      jdbc.sql("UPDATE view_position SET effect = :effect, answer = :answer, reason = :reason,"
              + " version = version + 1, changed_by = :actor, changed_at = now() WHERE " + view.column() + " = :id")
          .param("id", view.id()).param("effect", p.effect().code()).param("answer", p.answer())
          .param("reason", p.reason()).param("actor", actor).update();
    }
    audit.record("position.write", "view_position", view.id(), null,
        Map.of("view", view.toString(), "effect", p.effect().code()));
  }

  /** Removes the view's own position: its topic's or status's holds again. */
  @Transactional
  void clear(long dialogueId, ViewRef view) {
    topics.requireViews(dialogueId, List.of(view));
    int deleted = jdbc.sql("DELETE FROM view_position WHERE " + view.column() + " = :id")
        .param("id", view.id()).update();
    if (deleted > 0) {
      audit.record("position.clear", "view_position", view.id(), Map.of("view", view.toString()), null);
    }
  }

  private Integer currentVersion(ViewRef view) {
    return jdbc.sql("SELECT version FROM view_position WHERE " + view.column() + " = :id FOR UPDATE")
        .param("id", view.id()).query(Integer.class).optional().orElse(null);
  }
}
