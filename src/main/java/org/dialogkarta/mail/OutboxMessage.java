package org.dialogkarta.mail;

import java.time.OffsetDateTime;

/** One row of {@code mail_outbox} as the worker and the admin page read it. */
public record OutboxMessage(long id, String kind, String to, String language, String subject, String text,
    String html, String unsubscribeUrl, String state, int attempts, OffsetDateTime nextAttemptAt,
    String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {}
