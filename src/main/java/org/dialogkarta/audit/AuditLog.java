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

  private static final ThreadLocal<String> ACTING_AS = new ThreadLocal<>();

  /**
   * Runs {@code work} with {@code actor} (such as {@code department:7} for an outside body
   * answering through its link, or {@code rule:3}) as the actor of every audit row and history
   * event it writes.
   */
  public static <T> T actingAs(String actor, java.util.function.Supplier<T> work) {
    String before = ACTING_AS.get();
    ACTING_AS.set(actor);
    try {
      return work.get();
    } finally {
      if (before == null) {
        ACTING_AS.remove();
      } else {
        ACTING_AS.set(before);
      }
    }
  }

  /** The signed-in staff member, or {@code system} for work the service does by itself. */
  public static String currentActor() {
    if (ACTING_AS.get() != null) {
      return ACTING_AS.get();
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())
        ? "system" : auth.getName();
  }
}
