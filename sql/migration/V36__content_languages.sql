-- Issue 19: a dialogue's own texts in several languages, the page language a pin was written in,
-- and the accessibility statement's "report a problem" form.

-- A staff translation of one text of a dialogue. Swedish is the base and stays in the dialogue
-- row itself; a language without a row for a field falls back to the Swedish text. field is
-- title, summary, outcome, nextSteps, responsibleUnit, or subtag.<code> for the label of a
-- planner's own sub-tag. Each text has the same upper bound as the Swedish field.
CREATE TABLE dialogue_translation (
    dialogue_id  bigint NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    language     text NOT NULL CHECK (language IN ('en', 'fi', 'ar', 'se', 'fit', 'so')),
    field        text NOT NULL
        CHECK (field IN ('title', 'summary', 'outcome', 'nextSteps', 'responsibleUnit')
               OR field ~ '^subtag\.[a-z0-9_]{1,40}$'),
    text         text NOT NULL CHECK (length(btrim(text)) > 0),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dialogue_id, language, field),
    CHECK (char_length(text) <= CASE
        WHEN field = 'title' THEN 200
        WHEN field = 'responsibleUnit' THEN 200
        WHEN field LIKE 'subtag.%' THEN 60
        ELSE 5000 END)
);

-- The same for a walk's texts that walk mode shows: its title and the meeting point's name.
CREATE TABLE walk_translation (
    walk_id      bigint NOT NULL REFERENCES walk (id) ON DELETE CASCADE,
    language     text NOT NULL CHECK (language IN ('en', 'fi', 'ar', 'se', 'fit', 'so')),
    field        text NOT NULL CHECK (field IN ('title', 'meetingPointName')),
    text         text NOT NULL CHECK (length(btrim(text)) > 0 AND char_length(text) <= 200),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (walk_id, language, field)
);

-- The language of the page a citizen wrote a pin on (null for pins made before this column).
-- Citizens may write in any language; this only tells staff what the page showed them.
ALTER TABLE pin ADD COLUMN language text
    CHECK (language IS NULL OR language IN ('sv', 'lattlast', 'en', 'fi', 'ar', 'se', 'fit', 'so'));

-- "Report an accessibility problem" from the accessibility statement (/tillganglighet). The
-- reporter follows it with a receipt token (only its hash is stored, in receipt); the e-mail
-- address is optional and only for the answer, never exported.
CREATE TABLE accessibility_report (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    receipt_id   bigint REFERENCES receipt (id) ON DELETE SET NULL,
    page         text NOT NULL CHECK (length(btrim(page)) BETWEEN 1 AND 500),
    description  text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 4000),
    email        text CHECK (email IS NULL OR char_length(email) BETWEEN 3 AND 254),
    language     text CHECK (language IS NULL OR language ~ '^[a-z]{2,8}$'),
    state        text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered', 'closed')),
    answer       text CHECK (answer IS NULL OR length(btrim(answer)) BETWEEN 1 AND 4000),
    answered_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX accessibility_report_state_idx ON accessibility_report (state, created_at);
CREATE INDEX accessibility_report_receipt_idx ON accessibility_report (receipt_id);
