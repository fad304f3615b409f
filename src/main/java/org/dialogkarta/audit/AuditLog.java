package org.dialogkarta.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every staff action: who (the signed-in staff member), what, on which thing, and the
 * state before and after as JSON. Written in the caller's transaction, so an action that fails is
 * not logged as done, and an action is never done without being logged.
 */
@Component
public class AuditLog {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditLog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void record(String action, String targetType, Long targetId, Object before, Object after) {
    jdbc.sql("""
            INSERT INTO audit_event (actor, action, target_type, target_id, before, after)
            VALUES (:actor, :action, :type, :id, CAST(:before AS jsonb), CAST(:after AS jsonb))""")
        .param("actor", currentActor())
        .param("action", action)
        .param("type", targetType)
        .param("id", targetId)
        .param("before", before == null ? null : json.writeValueAsString(before))
        .param("after", after == null ? null : json.writeValueAsString(after))
        .update();
  }

  /** The signed-in staff member, or {@code system} for work the service does by itself. */
  public static String currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())
        ? "system" : auth.getName();
  }
}
