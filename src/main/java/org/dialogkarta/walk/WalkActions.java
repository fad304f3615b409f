package org.dialogkarta.walk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action plan of a walk: what is to be done, where (the walk's pins and stops), by which
 * department or outside body, by when, at what cost, and its status. The facilitator writes the
 * actions; the responsible bodies' staff move their status ({@link #setStatus}).
 */
@Component
class WalkActions {

  static final List<String> STATUSES = List.of("proposed", "agreed", "in_progress", "done", "rejected");
  /** What the public dialogue page shows: what was decided, never what was only proposed or turned down. */
  static final List<String> PUBLIC_STATUSES = List.of("agreed", "in_progress", "done");
  static final List<String> COSTS = List.of("none", "low", "medium", "high");
  static final ZoneId MUNICIPALITY = ZoneId.of("Europe/Stockholm");

  record Body(long id, String name, String kind, boolean enabled) {}

  record Action(long id, long walkId, String walkTitle, String what, List<Long> pinIds, List<Long> stopIds, Body responsibleBody,
      LocalDate dueOn, String status, String rejectionReason, String costClass, Instant updatedAt, Instant doneAt) {}

  record Draft(String what, List<Long> pinIds, List<Long> stopIds, Long responsibleBodyId, String dueOn,
      String status, String rejectionReason, String costClass) {}

  record StatusDraft(String status, String rejectionReason) {}

  private static final String SELECT = """
      SELECT a.id, a.walk_id, w.title AS walk_title, a.what, a.pin_ids, a.stop_ids, d.id AS body_id, d.name AS body_name,
             d.kind AS body_kind, d.enabled AS body_enabled, a.due_on, a.status, a.rejection_reason, a.cost_class,
             a.updated_at, a.done_at
      FROM walk_action a JOIN department d ON d.id = a.department_id JOIN walk w ON w.id = a.walk_id
      """;

  private final JdbcClient jdbc;
  private final AuditLog audit;

  WalkActions(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  List<Action> of(long walkId) {
    return jdbc.sql(SELECT + " WHERE a.walk_id = :walk ORDER BY a.id").param("walk", walkId).query(WalkActions::action).list();
  }

  /** A responsible body's actions, across every walk, open ones first. */
  List<Action> ofBody(long bodyId) {
    return jdbc.sql(SELECT + """
             WHERE a.department_id = :body
            ORDER BY a.status IN ('done', 'rejected'), a.due_on NULLS LAST, a.id""")
        .param("body", bodyId).query(WalkActions::action).list();
  }

  Action get(long id) {
    return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(WalkActions::action).optional()
        .orElseThrow(() -> new NotFoundException("No action " + id));
  }

  @Transactional
  Action create(long walkId, Draft d) {
    Instant startsAt = lockWalk(walkId);
    check(walkId, startsAt, d, null);
    long id = jdbc.sql("""
            INSERT INTO walk_action (walk_id, what, department_id, due_on, status, rejection_reason, cost_class,
                                     pin_ids, stop_ids, done_at)
            VALUES (:walk, :what, :body, :due, :status, :reason, :cost, :pins, :stops,
                    CASE WHEN :status = 'done' THEN now() END)
            RETURNING id""")
        .params(columns(walkId, d)).query(Long.class).single();
    Action after = get(id);
    audit.record("walk.action.create", "walk_action", id, null, after);
    return after;
  }

  @Transactional
  Action replace(long walkId, long id, Draft d) {
    Instant startsAt = lockWalk(walkId);
    Action before = get(id);
    if (before.walkId() != walkId) {
      throw new NotFoundException("No action " + id + " on walk " + walkId);
    }
    check(walkId, startsAt, d, before);
    var params = columns(walkId, d);
    params.put("id", id);
    jdbc.sql("""
            UPDATE walk_action SET what = :what, department_id = :body, due_on = :due, status = :status,
                   rejection_reason = :reason, cost_class = :cost, pin_ids = :pins, stop_ids = :stops, updated_at = now(),
                   done_at = CASE WHEN :status = 'done' THEN coalesce(done_at, now()) END
            WHERE id = :id""")
        .params(params).update();
    Action after = get(id);
    audit.record("walk.action.change", "walk_action", id, before, after);
    return after;
  }

  /** The responsible body's move: only the status, with a reason when it is rejected. */
  @Transactional
  Action setStatus(long id, StatusDraft d) {
    jdbc.sql("SELECT id FROM walk_action WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
        .orElseThrow(() -> new NotFoundException("No action " + id));
    Action before = get(id);
    List<FieldViolation> faults = new ArrayList<>();
    String status = d == null ? null : d.status();
    String reason = status(status, d == null ? null : d.rejectionReason(), faults);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    jdbc.sql("""
            UPDATE walk_action SET status = :status, rejection_reason = :reason, updated_at = now(),
                   done_at = CASE WHEN :status = 'done' THEN coalesce(done_at, now()) END
            WHERE id = :id""")
        .param("status", status).param("reason", reason).param("id", id).update();
    Action after = get(id);
    audit.record("walk.action.status", "walk_action", id, before, after);
    return after;
  }

  private Instant lockWalk(long walkId) {
    return jdbc.sql("SELECT starts_at FROM walk WHERE id = :id FOR UPDATE").param("id", walkId)
        .query((rs, row) -> rs.getTimestamp(1).toInstant()).optional()
        .orElseThrow(() -> new NotFoundException("No walk " + walkId));
  }

  private void check(long walkId, Instant startsAt, Draft d, Action before) {
    if (d == null) {
      throw InvalidInputException.of("what", "action.what", "An action says what is to be done");
    }
    List<FieldViolation> faults = new ArrayList<>();
    String what = d.what() == null ? "" : d.what().strip();
    if (what.isEmpty() || what.length() > 500) {
      faults.add(FieldViolation.of("what", "action.what", "What is to be done, in 1 to 500 characters"));
    }
    if (d.responsibleBodyId() == null) {
      faults.add(FieldViolation.of("responsibleBodyId", "action.body_missing", "Name the responsible department or body"));
    } else {
      Boolean enabled = jdbc.sql("SELECT enabled FROM department WHERE id = :id").param("id", d.responsibleBodyId())
          .query(Boolean.class).optional().orElse(null);
      boolean unchanged = before != null && before.responsibleBody().id() == d.responsibleBodyId();
      if (enabled == null || (!enabled && !unchanged)) {
        faults.add(FieldViolation.of("responsibleBodyId", "action.body_gone",
            "The department or body " + d.responsibleBodyId() + " does not exist or has been removed"));
      }
    }
    if (d.dueOn() != null && !d.dueOn().isBlank()) {
      try {
        LocalDate due = LocalDate.parse(d.dueOn().strip());
        LocalDate walked = startsAt.atZone(MUNICIPALITY).toLocalDate();
        if (due.isBefore(walked)) {
          faults.add(FieldViolation.of("dueOn", "action.due_before_walk", "The due date cannot be before the walk (" + walked + ")"));
        }
      } catch (DateTimeParseException e) {
        faults.add(FieldViolation.of("dueOn", "action.due_date", "dueOn is a date, YYYY-MM-DD"));
      }
    }
    status(d.status() == null ? "proposed" : d.status(), d.rejectionReason(), faults);
    if (d.costClass() != null && !COSTS.contains(d.costClass())) {
      faults.add(FieldViolation.of("costClass", "action.cost", "The cost class is one of " + COSTS));
    }
    ids(d.pinIds(), "pinIds", "SELECT id FROM pin WHERE walk_id = :walk", walkId, faults);
    ids(d.stopIds(), "stopIds", "SELECT id FROM walk_stop WHERE walk_id = :walk", walkId, faults);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
  }

  /** Checks a status and gives the reason to store: kept only for a rejection, which needs one. */
  private static String status(String status, String reason, List<FieldViolation> faults) {
    if (status == null || !STATUSES.contains(status)) {
      faults.add(FieldViolation.of("status", "action.status", "The status is one of " + STATUSES));
      return null;
    }
    if (!"rejected".equals(status)) {
      return null;
    }
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty() || r.length() > 2000) {
      faults.add(FieldViolation.of("rejectionReason", "action.reason_missing", "A rejected action says why, in 1 to 2000 characters"));
    }
    return r;
  }

  private void ids(List<Long> ids, String field, String sql, long walkId, List<FieldViolation> faults) {
    if (ids == null || ids.isEmpty()) {
      return;
    }
    Set<Long> own = new HashSet<>(jdbc.sql(sql).param("walk", walkId).query(Long.class).list());
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) == null || !own.contains(ids.get(i))) {
        faults.add(FieldViolation.of(field + "[" + i + "]", "action.not_of_walk", "Not one of this walk's " + field));
      }
    }
  }

  private static java.util.Map<String, Object> columns(long walkId, Draft d) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    String status = d.status() == null ? "proposed" : d.status();
    p.put("walk", walkId);
    p.put("what", d.what().strip());
    p.put("body", d.responsibleBodyId());
    p.put("due", d.dueOn() == null || d.dueOn().isBlank() ? null : LocalDate.parse(d.dueOn().strip()));
    p.put("status", status);
    p.put("reason", "rejected".equals(status) ? d.rejectionReason().strip() : null);
    p.put("cost", d.costClass());
    p.put("pins", (d.pinIds() == null ? List.<Long>of() : d.pinIds().stream().distinct().toList()).toArray(Long[]::new));
    p.put("stops", (d.stopIds() == null ? List.<Long>of() : d.stopIds().stream().distinct().toList()).toArray(Long[]::new));
    return p;
  }

  private static Action action(ResultSet rs, int row) throws SQLException {
    java.sql.Date due = rs.getDate("due_on");
    java.sql.Timestamp done = rs.getTimestamp("done_at");
    return new Action(rs.getLong("id"), rs.getLong("walk_id"), rs.getString("walk_title"), rs.getString("what"),
        Arrays.asList((Long[]) rs.getArray("pin_ids").getArray()), Arrays.asList((Long[]) rs.getArray("stop_ids").getArray()),
        new Body(rs.getLong("body_id"), rs.getString("body_name"), rs.getString("body_kind"), rs.getBoolean("body_enabled")),
        due == null ? null : due.toLocalDate(), rs.getString("status"), rs.getString("rejection_reason"),
        rs.getString("cost_class"), rs.getTimestamp("updated_at").toInstant(), done == null ? null : done.toInstant());
  }
}
