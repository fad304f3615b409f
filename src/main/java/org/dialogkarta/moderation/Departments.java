package org.dialogkarta.moderation;

import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The departments and outside bodies a pin can be routed to, as far as routing needs them: one
 * that exists and is in use. Their list is kept by the administrators elsewhere.
 */
@Component
class Departments {

  record Department(long id, String name, boolean enabled) {}

  private final JdbcClient jdbc;

  Departments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The department to route to, or a 422 on {@code departmentId}; null for null. */
  Department usable(Long id) {
    if (id == null) {
      return null;
    }
    Department d = jdbc.sql("SELECT id, name, enabled FROM department WHERE id = :id").param("id", id)
        .query((rs, row) -> new Department(rs.getLong("id"), rs.getString("name"), rs.getBoolean("enabled")))
        .optional()
        .orElseThrow(() -> InvalidInputException.of("departmentId", "department.unknown", "No department " + id));
    if (!d.enabled()) {
      throw InvalidInputException.of("departmentId", "department.disabled",
          "The department " + d.name() + " is no longer in use");
    }
    return d;
  }

  String name(Long id) {
    return id == null ? null : jdbc.sql("SELECT name FROM department WHERE id = :id").param("id", id)
        .query(String.class).optional().orElse(null);
  }
}
