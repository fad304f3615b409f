package org.dialogkarta.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox for administrators (page {@code /personal/utskick}): what was sent, is waiting, failed
 * or bounced, newest first, a page at a time, and one message's text on demand. Addresses are
 * personal data: this API is for the ADMIN role only (SecurityConfig) and nothing else shows them.
 * Without an SMTP host the page says that these messages would have been sent.
 */
@RestController
class OutboxAdminController {

  private static final Set<String> STATES = Set.of("queued", "sent", "failed", "bounced");

  /** One row of the list, without the bodies. */
  record Item(long id, String kind, String to, String language, String subject, String state, int attempts,
      String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt, OffsetDateTime nextAttemptAt) {}

  record Listing(boolean smtpConfigured, long total, int page, int size, List<Item> items) {}

  record Detail(long id, String kind, String to, String subject, String state, String text, boolean hasHtml,
      String unsubscribeUrl) {}

  private final JdbcClient jdbc;
  private final SmtpMailer mailer;

  OutboxAdminController(JdbcClient jdbc, SmtpMailer mailer) {
    this.jdbc = jdbc;
    this.mailer = mailer;
  }

  @GetMapping("/api/v1/staff/mail/outbox")
  Listing list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) String state) {
    if (state != null && !state.isBlank() && !STATES.contains(state)) {
      throw InvalidInputException.of("state", "mail.state_unknown", "One of queued, sent, failed, bounced");
    }
    String chosen = state == null || state.isBlank() ? null : state;
    int pageSize = Math.clamp(size, 1, 200);
    int pageNo = Math.clamp(page, 0, 100_000);
    long total = jdbc.sql("SELECT count(*) FROM mail_outbox WHERE CAST(:state AS text) IS NULL OR state = :state")
        .param("state", chosen).query(Long.class).single();
    List<Item> items = jdbc.sql("""
            SELECT id, kind, to_address, language, subject, state, attempts, last_error, created_at, sent_at,
                   next_attempt_at
            FROM mail_outbox
            WHERE CAST(:state AS text) IS NULL OR state = :state
            ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
        .param("state", chosen)
        .param("limit", pageSize)
        .param("offset", (long) pageNo * pageSize)
        .query((rs, i) -> new Item(rs.getLong("id"), rs.getString("kind"), rs.getString("to_address"),
            rs.getString("language"), rs.getString("subject"), rs.getString("state"), rs.getInt("attempts"),
            rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("next_attempt_at", OffsetDateTime.class)))
        .list();
    return new Listing(mailer.configured(), total, pageNo, pageSize, items);
  }

  @GetMapping("/api/v1/staff/mail/outbox/{id}")
  Detail one(@PathVariable long id) {
    return jdbc.sql("""
            SELECT id, kind, to_address, subject, state, text_body, html_body IS NOT NULL AS has_html, unsubscribe_url
            FROM mail_outbox WHERE id = :id""")
        .param("id", id)
        .query((rs, i) -> new Detail(rs.getLong("id"), rs.getString("kind"), rs.getString("to_address"),
            rs.getString("subject"), rs.getString("state"), rs.getString("text_body"), rs.getBoolean("has_html"),
            rs.getString("unsubscribe_url")))
        .optional()
        .orElseThrow(() -> new NotFoundException("No such message in the outbox"));
  }
}
