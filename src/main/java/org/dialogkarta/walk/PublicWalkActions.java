package org.dialogkarta.walk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What came of a dialogue's safety walks, for everyone: the actions that were agreed, are under
 * way or done, with the responsible body, due date and the stops' names. Proposals, rejections
 * and their reasons, the facilitator and the participants never leave the staff pages.
 */
@Component
class PublicWalkActions {

  record PublicAction(long id, String what, String status, String responsibleBody, LocalDate dueOn, Instant doneAt,
      String walkTitle, Instant walkedAt, List<String> stops) {}

  private final JdbcClient jdbc;

  PublicWalkActions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<PublicAction> of(long dialogueId) {
    return jdbc.sql("""
            SELECT a.id, a.what, a.status, d.name AS body, a.due_on, a.done_at, w.title, w.starts_at,
                   ARRAY(SELECT s.name FROM walk_stop s WHERE s.id = ANY (a.stop_ids) ORDER BY s.position) AS stops
            FROM walk_action a JOIN walk w ON w.id = a.walk_id JOIN department d ON d.id = a.department_id
            WHERE w.dialogue_id = :dialogue AND a.status IN ('agreed', 'in_progress', 'done')
            ORDER BY w.starts_at, a.status = 'done', a.due_on NULLS LAST, a.id""")
        .param("dialogue", dialogueId)
        .query((rs, row) -> {
          java.sql.Date due = rs.getDate("due_on");
          java.sql.Timestamp done = rs.getTimestamp("done_at");
          return new PublicAction(rs.getLong("id"), rs.getString("what"), rs.getString("status"), rs.getString("body"),
              due == null ? null : due.toLocalDate(), done == null ? null : done.toInstant(), rs.getString("title"),
              rs.getTimestamp("starts_at").toInstant(), Arrays.asList((String[]) rs.getArray("stops").getArray()));
        })
        .list();
  }
}
