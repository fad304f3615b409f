package org.dialogkarta.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reads a {@code mail_outbox} row into an {@link OutboxMessage}. */
final class OutboxRows {

  private OutboxRows() {}

  static OutboxMessage message(ResultSet rs) throws SQLException {
    return new OutboxMessage(rs.getLong("id"), rs.getString("kind"), rs.getString("to_address"),
        rs.getString("language"), rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
        rs.getString("unsubscribe_url"), rs.getString("state"), rs.getInt("attempts"),
        rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
  }
}
