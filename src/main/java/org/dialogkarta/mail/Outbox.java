package org.dialogkarta.mail;

import java.util.List;
import java.util.regex.Pattern;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door for sending e-mail: {@link #enqueue} writes the message into {@code mail_outbox} in
 * the caller's transaction, so a message exists exactly when the change that caused it was
 * committed. Sending is the worker's business ({@link OutboxWorker}), never the caller's. A message
 * to an address that bounced before is stored as 'bounced' and never sent.
 */
@Component
public class Outbox {

  /** A line break or other control in a header value would let a name or subject forge headers. */
  private static final Pattern HEADER_BREAK = Pattern.compile("[\\r\\n\\u0000-\\u001f\\u007f]");
  private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>\",;]{1,64}@[^\\s@<>\",;]{1,189}\\.[^\\s@<>\",;.]{2,63}");

  private final JdbcClient jdbc;

  public Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues {@code mail}; the caller's transaction must be open. Returns the outbox row's id. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long enqueue(Mail mail) {
    requireHeaderSafe("to", mail.to());
    requireHeaderSafe("subject", mail.subject());
    if (!isAddress(mail.to())) {
      throw InvalidInputException.of("to", "mail.address_invalid", "Not an e-mail address");
    }
    // an address that bounced (mail_bounce, V31) gets its messages stored as 'bounced', never sent
    return jdbc.sql("""
            WITH b AS (SELECT EXISTS (SELECT 1 FROM mail_bounce WHERE address = :key) AS bounced)
            INSERT INTO mail_outbox (kind, to_address, language, subject, text_body, html_body, unsubscribe_url,
                                     state, last_error)
            SELECT :kind, :to, :language, :subject, :text, :html, :unsubscribe,
                   CASE WHEN b.bounced THEN 'bounced' ELSE 'queued' END,
                   CASE WHEN b.bounced THEN 'The address bounced before' END
            FROM b RETURNING id""")
        .param("kind", mail.kind())
        .param("to", mail.to().strip())
        .param("key", MailBounces.key(mail.to()))
        .param("language", mail.language() == null ? "sv" : mail.language())
        .param("subject", mail.subject().strip())
        .param("text", mail.text())
        .param("html", mail.html())
        .param("unsubscribe", mail.unsubscribeUrl())
        .query(Long.class).single();
  }

  /** Whether {@code address} is one address of the plain form {@code local@domain.tld}, no name, no list. */
  public static boolean isAddress(String address) {
    return address != null && address.length() <= 254 && ADDRESS.matcher(address.strip()).matches()
        && !HEADER_BREAK.matcher(address).find();
  }

  private static void requireHeaderSafe(String field, String value) {
    if (value == null || value.isBlank()) {
      throw InvalidInputException.of(field, "mail." + field + "_missing", "The message has no " + field);
    }
    if (HEADER_BREAK.matcher(value).find()) {
      throw new InvalidInputException(List.of(FieldViolation.of(field, "mail.header_injection",
          "A line break or control character is not allowed in the " + field)));
    }
  }
}
