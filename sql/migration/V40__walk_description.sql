-- Issue 19: a walk has a description for its participants (what the walk is for, how long and how
-- accessible the route is, what to bring), and it may be translated like the walk's title.

-- Several lines allowed; null when the planner wrote none. The API checks the same bound.
ALTER TABLE walk ADD COLUMN description text
    CHECK (description IS NULL OR (length(btrim(description)) > 0 AND char_length(description) <= 2000));

-- walk_translation (V36) takes the description too, with its own bound; the one-line texts keep 200.
ALTER TABLE walk_translation DROP CONSTRAINT walk_translation_field_check;
ALTER TABLE walk_translation ADD CONSTRAINT walk_translation_field_check
    CHECK (field IN ('title', 'meetingPointName', 'description'));
ALTER TABLE walk_translation DROP CONSTRAINT walk_translation_text_check;
ALTER TABLE walk_translation ADD CONSTRAINT walk_translation_text_check
    CHECK (length(btrim(text)) > 0
           AND char_length(text) <= CASE WHEN field = 'description' THEN 2000 ELSE 200 END);
