package org.dialogkarta.walk;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The time window of a walk, for the rules of the pins made on it. */
@Component
public class WalkWindows {

  private final JdbcClient jdbc;

  WalkWindows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<WalkWindow> of(long walkId) {
    return jdbc.sql("SELECT id, dialogue_id, starts_at, ends_at, closed_at FROM walk WHERE id = :id")
        .param("id", walkId)
        .query((rs, row) -> new WalkWindow(rs.getLong("id"), rs.getLong("dialogue_id"),
            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
            rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant()))
        .optional();
  }
}
