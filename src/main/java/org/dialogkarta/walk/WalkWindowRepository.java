package org.dialogkarta.walk;

import java.util.Optional;
import org.dialogkarta.pin.WalkWindow;
import org.dialogkarta.pin.WalkWindows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The time window of a walk from the {@code walk} table: for the pins made on it and its tracks. */
@Repository
class WalkWindowRepository implements WalkWindows {

  private final JdbcClient jdbc;

  WalkWindowRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<WalkWindow> of(long walkId) {
    return jdbc.sql("SELECT id, dialogue_id, starts_at, ends_at, closed_at FROM walk WHERE id = :id")
        .param("id", walkId)
        .query((rs, row) -> new WalkWindow(rs.getLong("id"), rs.getLong("dialogue_id"),
            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
            rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant()))
        .optional();
  }
}
