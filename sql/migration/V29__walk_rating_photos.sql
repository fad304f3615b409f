-- Issue 16: a group's checklist ratings at a stop may carry one photo, cleaned like pin photos
-- (re-encoded, no metadata). The rating set is anonymous, so the photo is added with the set's
-- photo token, which only the phone that sent the set learns (in the answer to the ratings).
ALTER TABLE walk_rating_set ADD COLUMN photo_token uuid NOT NULL DEFAULT gen_random_uuid();

CREATE TABLE walk_rating_photo (
    set_id        bigint PRIMARY KEY REFERENCES walk_rating_set (id) ON DELETE CASCADE,
    image         bytea NOT NULL,
    thumbnail     bytea NOT NULL,
    width         integer NOT NULL CHECK (width > 0),
    height        integer NOT NULL CHECK (height > 0),
    byte_size     integer NOT NULL CHECK (byte_size = length(image)),
    -- SHA-256 of the bytes as sent: the same photo sent again is a retry, not a conflict.
    request_hash  bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE walk_rating_photo ALTER COLUMN image SET STORAGE EXTERNAL;
ALTER TABLE walk_rating_photo ALTER COLUMN thumbnail SET STORAGE EXTERNAL;
