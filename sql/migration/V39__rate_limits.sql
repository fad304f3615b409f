-- One rate-limit mechanism (ratelimit.RateLimiter) for the citizens' writes and for following by
-- e-mail: counts per budget, window and keyed hash, instead of citizen_rate_count (V23) and
-- follow_rate (V33). Unlogged like V23's tables: never in the WAL, an archive, a base backup or
-- the replica; after a crash PostgreSQL empties them and the counts start again.

-- Uses per budget (e.g. 'citizen.writes', 'follow.client', 'follow.address') per window per key.
-- key is HMAC-SHA-256(the day's secret, a client's address) or the SHA-256 of an e-mail address;
-- no address is stored. Each node deletes a budget's earlier windows with its first use of the
-- budget in a new window.
CREATE UNLOGGED TABLE rate_count (
    budget        text NOT NULL CHECK (budget ~ '^[a-z][a-z0-9_.]*$'),
    window_start  timestamptz NOT NULL,
    key           bytea NOT NULL CHECK (length(key) = 32),
    count         integer NOT NULL CHECK (count > 0),
    PRIMARY KEY (budget, window_start, key)
);

DROP TABLE citizen_rate_count;
DROP TABLE follow_rate;

-- The day's secret now keys every budget's client hashes.
ALTER TABLE citizen_rate_secret RENAME TO rate_secret;
