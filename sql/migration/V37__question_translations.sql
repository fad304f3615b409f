-- Issue 19: the dialogue's own questions (V26) in the content languages beyond Swedish and English.
-- Swedish and English stay in question_version itself (label_sv/label_en, options [{code, sv, en}],
-- scale_labels [{sv, en}]); this holds the other languages' texts of one question version. A
-- field is label, help, option.<code> (the label of one option) or scale.<index> (0-based, of the
-- version's scale labels). Each text has the same upper bound as its Swedish field (V26's rules in
-- survey.QuestionRules). An edit that makes a new version carries a translation over only when its
-- Swedish source text did not change (survey.Questions), so a stale translation is never shown.
CREATE TABLE question_translation (
    question_version_id  bigint NOT NULL REFERENCES question_version (id) ON DELETE CASCADE,
    language             text NOT NULL CHECK (language IN ('fi', 'ar', 'se', 'fit', 'so')),
    field                text NOT NULL
        CHECK (field IN ('label', 'help') OR field ~ '^option\.[a-z0-9_]{1,40}$' OR field ~ '^scale\.[0-4]$'),
    text                 text NOT NULL CHECK (length(btrim(text)) > 0),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (question_version_id, language, field),
    CHECK (char_length(text) <= CASE
        WHEN field = 'label' THEN 500
        WHEN field = 'help' THEN 2000
        ELSE 200 END)
);
