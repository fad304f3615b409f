-- Issue 19: the language a public reply is written in, so that the citizens' pages mark it for
-- screen readers (lang=) and a planner may answer in English a pin written on an English page.
-- NULL (every reply made before this column) is Swedish.
ALTER TABLE reply ADD COLUMN language text
    CHECK (language IS NULL OR language IN ('sv', 'en', 'fi', 'ar', 'se', 'fit', 'so'));
