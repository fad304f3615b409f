package org.dialogkarta.moderation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.Coded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of each pin ({@code pin_event}), written in the caller's transaction beside the
 * change it records and the audit row. The audit log answers "who did what" for administrators;
 * this answers "what became of this pin" for staff and, for public kinds, for its submitter.
 */
@Component
class PinEvents {

  /** One event as staff see it in a pin's history. */
  record Event(long id, Instant at, String actor, PinEventKind kind, String from, String to,
      String detail, boolean shownToSubmitter) {}

  private final JdbcClient jdbc;

  PinEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(long pinId, PinEventKind kind, String from, String to, String detail) {
    recordAll(List.of(pinId), kind, from, to, detail);
  }

  /** The same event on many pins at once (one reply to forty pins), in one statement. */
  void recordAll(Collection<Long> pinIds, PinEventKind kind, String from, String to, String detail) {
    if (pinIds.isEmpty()) {
      return;
    }
    jdbc.sql("""
            INSERT INTO pin_event (pin_id, actor, kind, from_value, to_value, detail, public)
            SELECT unnest(CAST(:pins AS bigint[])), :actor, :kind, :from, :to, :detail, :public""")
        .param("pins", pinIds.toArray(Long[]::new))
        .param("actor", AuditLog.currentActor())
        .param("kind", kind.code())
        .param("from", from)
        .param("to", to)
        .param("detail", detail)
        .param("public", kind.shownToSubmitter())
        .update();
  }

  List<Event> of(long pinId) {
    return jdbc.sql("""
            SELECT id, at, actor, kind, from_value, to_value, detail, public
            FROM pin_event WHERE pin_id = :pin ORDER BY at, id""")
        .param("pin", pinId)
        .query((rs, row) -> new Event(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
            rs.getString("actor"), Coded.fromCode(PinEventKind.class, rs.getString("kind")).orElseThrow(),
            rs.getString("from_value"), rs.getString("to_value"), rs.getString("detail"),
            rs.getBoolean("public")))
        .list();
  }
}
