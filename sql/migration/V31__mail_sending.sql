-- Sending the outbox (issue 18): addresses whose mail server refused them for good. A permanent
-- refusal (SMTP 5xx for the recipient) makes the row here; from then on Outbox.enqueue stores a
-- message to that address as 'bounced' at once, and the worker does not send queued ones, so a
-- dead address stops receiving. The address is kept lower-cased, as the key.
CREATE TABLE mail_bounce (
    address      text PRIMARY KEY CHECK (address = lower(address) AND length(address) BETWEEN 3 AND 254),
    -- the SMTP server's answer, shortened
    reason       text NOT NULL,
    bounced_at   timestamptz NOT NULL DEFAULT now()
);

-- The admin page lists the outbox newest first; the hourly purge deletes sent rows by sent_at.
CREATE INDEX mail_outbox_sent_idx ON mail_outbox (sent_at) WHERE state = 'sent';
