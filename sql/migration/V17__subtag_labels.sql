-- A sub-tag a planner makes up ("Skadegörelse & klotter") is stored as a code
-- (skadegorelse_klotter) and was shown as that code on the meeting page and in walk reports.
-- Its label as the planner typed it is now kept beside it; codes with a label in the message
-- bundles (lighting, vegetation, ...) keep NULL here and are named by the bundles.
ALTER TABLE dialogue_subtag ADD COLUMN label text
    CHECK (label IS NULL OR (length(label) BETWEEN 1 AND 60 AND label !~ '[[:cntrl:]]'));
