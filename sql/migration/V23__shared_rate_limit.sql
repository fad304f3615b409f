-- The citizens' rate limit shared by every app node (issue 17), written and read only by
-- security.CitizenRateLimit: a client alternating between nodes gets one quota, not one per node.
--
-- Both tables are UNLOGGED: they are never written to the WAL, so no WAL archive, base backup or
-- streaming replica ever holds a day's secret or a count, and writing them is cheaper. After a
-- crash PostgreSQL empties them; the next write makes a new secret and the counts start again,
-- which costs nothing but a fresh quota. (pg_dump still copies them unless given
-- --no-unlogged-table-data.)

-- Today's secret (UTC day), the key of the hash by which clients are counted: one row, made by
-- the first write of a day and overwritten by the first write of the next, so no earlier day's
-- secret is kept and counts of different days cannot be linked.
CREATE UNLOGGED TABLE citizen_rate_secret (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    day       date NOT NULL,
    secret    bytea NOT NULL CHECK (length(secret) = 32)
);

-- Writes per client per ten-minute window. client is HMAC-SHA-256(today's secret, address); no
-- address is stored. Windows start at whole ten minutes (UTC) on every node alike; each node
-- deletes the windows before the current one with its first write in a new window.
CREATE UNLOGGED TABLE citizen_rate_count (
    window_start  timestamptz NOT NULL,
    client        bytea NOT NULL CHECK (length(client) = 32),
    writes        integer NOT NULL CHECK (writes > 0),
    PRIMARY KEY (window_start, client)
);
