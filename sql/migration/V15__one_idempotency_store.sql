-- One store for the Idempotency-Key of every citizen write a phone may retry: pins (V1's
-- idempotency_key table), photos and walk tracks (V6's columns on their own rows) are kept in
-- one table, written and read only by receipt.IdempotencyKeys and purged by its one job after
-- a day (issue 12, item 3).
--
-- kind          what the request made: 'pin', 'photo' or 'walk_track'; a key is one request per kind
-- key           the client's Idempotency-Key (a UUID it made once per form, photo or track)
-- request_hash  a hash of the request's digest (receipt.TokenSeal.stored), never the digest: the
--               same key with another request is refused, the same request is replayed
-- created_id    the id of the pin, photo or walk_track it made; NULL only while the claiming
--               transaction runs (the claim is the first write, so that a concurrent retry waits)
-- receipt_token pins only: the receipt token sealed by receipt.TokenSeal (v1:...), never in clear
CREATE TABLE idempotency_record (
    kind           text NOT NULL CHECK (kind IN ('pin', 'photo', 'walk_track')),
    key            uuid NOT NULL,
    request_hash   bytea NOT NULL,
    created_id     bigint,
    receipt_token  text CHECK (receipt_token IS NULL OR (kind = 'pin' AND receipt_token LIKE 'v1:%')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, key)
);

-- The hourly purge deletes by age.
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
-- Forgetting the keys of deleted rows (below) finds them by what they made.
CREATE INDEX idempotency_record_made_idx ON idempotency_record (kind, created_id);

-- When what a request made is deleted (a submitter deletes their pin, retention deletes photos,
-- a walk goes with its tracks), its key is forgotten with it, as the foreign key's cascade and
-- the key columns on the rows themselves did before: a retry then makes it again rather than
-- replaying something that is gone.
CREATE FUNCTION idempotency_record_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM idempotency_record r USING gone g WHERE r.kind = TG_ARGV[0] AND r.created_id = g.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER pin_forget_idempotency AFTER DELETE ON pin REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION idempotency_record_forget('pin');
CREATE TRIGGER photo_forget_idempotency AFTER DELETE ON photo REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION idempotency_record_forget('photo');
CREATE TRIGGER walk_track_forget_idempotency AFTER DELETE ON walk_track REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION idempotency_record_forget('walk_track');

-- The keys still within their day move over, so a retry across the upgrade still replays. Pins'
-- rows already hold TokenSeal.stored(digest) and the sealed token (V14). Photos and tracks held
-- the digest itself (SHA-256 of what was sent); it becomes TokenSeal.stored's hash of it:
-- SHA-256 of 'dialogkarta-idempotency-stored\n' followed by the digest.
INSERT INTO idempotency_record (kind, key, request_hash, created_id, receipt_token, created_at)
SELECT 'pin', key, request_hash, pin_id, receipt_token, created_at
FROM idempotency_key
WHERE pin_id IS NOT NULL;

INSERT INTO idempotency_record (kind, key, request_hash, created_id, created_at)
SELECT 'photo', idempotency_key,
       sha256(convert_to(E'dialogkarta-idempotency-stored\n', 'UTF8') || request_hash), id, created_at
FROM photo
WHERE idempotency_key IS NOT NULL;

INSERT INTO idempotency_record (kind, key, request_hash, created_id, created_at)
SELECT 'walk_track', idempotency_key,
       sha256(convert_to(E'dialogkarta-idempotency-stored\n', 'UTF8') || request_hash), id, created_at
FROM walk_track
WHERE idempotency_key IS NOT NULL;

DROP TABLE idempotency_key;
-- Dropping the columns drops their UNIQUE constraints and the pair checks with them.
ALTER TABLE photo DROP COLUMN idempotency_key, DROP COLUMN request_hash;
ALTER TABLE walk_track DROP COLUMN idempotency_key, DROP COLUMN request_hash;
