-- Forwarding that reaches someone (issue 18): contact addresses of departments and outside bodies,
-- each forwarding (one message, one private answer link covering its pins), the bodies' answers,
-- routing rules that forward new pins by category, sub-tag and neighbourhood, and the planners'
-- reply templates. Contact addresses are work addresses of the bodies, never shown publicly.
CREATE TABLE department_contact (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    department_id  bigint NOT NULL REFERENCES department (id) ON DELETE CASCADE,
    address        text NOT NULL CHECK (length(address) BETWEEN 3 AND 254 AND address !~ '[\s<>,;]')
);

CREATE UNIQUE INDEX department_contact_address_idx ON department_contact (department_id, lower(address));

-- One forwarding: the pins sent to one department in one action, the addresses the message went
-- to, and the answer link. Only a SHA-256 hash of the link's token is kept; sending again makes a
-- new token (the old link stops working), since the old one cannot be rebuilt.
CREATE TABLE forwarding (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    department_id  bigint NOT NULL REFERENCES department (id),
    token_hash     bytea NOT NULL UNIQUE,
    recipients     text[] NOT NULL DEFAULT '{}',
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    sent_at        timestamptz,
    sent_count     integer NOT NULL DEFAULT 0,
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_by     text
);

CREATE INDEX forwarding_department_idx ON forwarding (department_id);

CREATE TABLE forwarding_pin (
    forwarding_id  bigint NOT NULL REFERENCES forwarding (id) ON DELETE CASCADE,
    pin_id         bigint NOT NULL REFERENCES pin (id) ON DELETE CASCADE,
    PRIMARY KEY (forwarding_id, pin_id)
);

CREATE INDEX forwarding_pin_pin_idx ON forwarding_pin (pin_id);

-- What the body answered through its link, per pin. A written reply waits for a planner
-- ('pending'); approving it makes it a public reply (reply_id).
CREATE TABLE forwarding_answer (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    forwarding_id  bigint NOT NULL REFERENCES forwarding (id) ON DELETE CASCADE,
    pin_id         bigint NOT NULL REFERENCES pin (id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('accepted', 'declined', 'planned', 'done', 'reply')),
    reason         text CHECK (reason IS NULL OR length(btrim(reason)) BETWEEN 1 AND 500),
    due            date,
    text           text CHECK (text IS NULL OR length(btrim(text)) BETWEEN 1 AND 2000),
    reply_state    text CHECK (reply_state IN ('pending', 'approved', 'rejected')),
    reply_id       bigint REFERENCES reply (id) ON DELETE SET NULL,
    decided_by     text,
    decided_at     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'reply') = (reply_state IS NOT NULL AND text IS NOT NULL)),
    CHECK (kind <> 'declined' OR reason IS NOT NULL)
);

CREATE INDEX forwarding_answer_pin_idx ON forwarding_answer (pin_id);
CREATE INDEX forwarding_answer_pending_idx ON forwarding_answer (pin_id) WHERE reply_state = 'pending';

-- Routing rules per dialogue: a new pin of this category (and sub-tag, and neighbourhood, when
-- given) is forwarded to the department when it is published.
CREATE TABLE routing_rule (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dialogue_id       bigint NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    category          text NOT NULL,
    subtag            text,
    neighbourhood_id  bigint REFERENCES neighbourhood (id) ON DELETE CASCADE,
    department_id     bigint NOT NULL REFERENCES department (id),
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX routing_rule_dialogue_idx ON routing_rule (dialogue_id);

-- The planners' frequent answers per dialogue.
CREATE TABLE reply_template (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dialogue_id  bigint NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    title        text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    text         text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 2000),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX reply_template_title_idx ON reply_template (dialogue_id, lower(title));
