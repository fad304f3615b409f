package org.dialogkarta.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit log for administrators, newest first, optionally for one thing, one person and some days. */
@RestController
class AuditController {

  record AuditEvent(long id, Instant at, String actor, String action, String targetType, Long targetId,
      JsonNode before, JsonNode after) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditController(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @GetMapping("/api/v1/staff/audit")
  List<AuditEvent> events(@RequestParam(required = false) String targetType,
      @RequestParam(required = false) Long targetId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "200") int limit) {
    AuditFilter filter = AuditFilter.of(actor, from, to);
    int capped = Math.clamp(limit, 1, 1000);
    return jdbc.sql("""
            SELECT id, at, actor, action, target_type, target_id, before::text AS before, after::text AS after
            FROM audit_event
            WHERE (CAST(:type AS text) IS NULL OR target_type = :type)
              AND (CAST(:id AS bigint) IS NULL OR target_id = :id)
              AND (CAST(:actor AS text) IS NULL OR actor = :actor)
              AND (CAST(:since AS timestamptz) IS NULL OR at >= :since)
              AND (CAST(:before AS timestamptz) IS NULL OR at < :before)
            ORDER BY at DESC, id DESC LIMIT :limit""")
        .param("type", targetType)
        .param("id", targetId)
        .param("actor", filter.actor())
        .param("since", filter.since() == null ? null : java.sql.Timestamp.from(filter.since()))
        .param("before", filter.before() == null ? null : java.sql.Timestamp.from(filter.before()))
        .param("limit", capped)
        .query((rs, i) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
            rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
            (Long) rs.getObject("target_id"), parse(rs.getString("before")), parse(rs.getString("after"))))
        .list();
  }

  private JsonNode parse(String text) {
    return text == null ? null : json.readTree(text);
  }
}
