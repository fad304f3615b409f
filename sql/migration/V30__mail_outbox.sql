-- The transactional outbox for e-mail (issue 18). A feature that wants a message sent writes its
-- row here in the same transaction as the change that caused it (a status change, a forwarding, a
-- confirmation request); a worker sends it later over SMTP, with retries and backoff. Rows are
-- claimed with FOR UPDATE SKIP LOCKED, so with two app nodes each message is sent by one of them.
-- With no SMTP configured the rows stay 'queued' and an administrator reads them on a page, which is
-- exactly what would have been sent.
CREATE TABLE mail_outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- what kind of message: 'confirm', 'update', 'digest', 'forward', 'receipt_link', ...
    kind             text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{1,40}$'),
    to_address       text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
    language         text NOT NULL DEFAULT 'sv' CHECK (language ~ '^[a-z]{2,8}$'),
    subject          text NOT NULL CHECK (length(subject) BETWEEN 1 AND 250 AND subject !~ '[\r\n]'),
    text_body        text NOT NULL,
    html_body        text,
    -- the one-click unsubscribe address (RFC 8058); null for messages that are not subscriptions
    unsubscribe_url  text CHECK (unsubscribe_url IS NULL OR unsubscribe_url ~ '^https?://'),
    state            text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed', 'bounced')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);

CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE state = 'queued';
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at);
