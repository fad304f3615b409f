-- Open311 GeoReport v2 (issue 18): fault-report systems and apps that post service requests
-- (pins) with an API key, one client each. Only the key's SHA-256 is stored: the key is shown
-- once, when an administrator creates the client. A revoked client's key is refused (403).
CREATE TABLE open311_client (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    key_sha256      bytea NOT NULL UNIQUE CHECK (length(key_sha256) = 32),
    enabled         boolean NOT NULL DEFAULT true,
    -- the client's own rate limit: requests it may post per hour
    posts_per_hour  integer NOT NULL DEFAULT 600 CHECK (posts_per_hour BETWEEN 1 AND 100000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);

-- Which client posted a pin (a pin deleted by its submitter or by retention goes with it).
CREATE TABLE open311_request (
    pin_id      bigint PRIMARY KEY REFERENCES pin (id) ON DELETE CASCADE,
    client_id   bigint NOT NULL REFERENCES open311_client (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX open311_request_client_idx ON open311_request (client_id, created_at);

-- Posts per client per hour, shared by every app node. UNLOGGED like the citizens' rate limit
-- (V23): a count lost in a crash only gives a fresh quota.
CREATE UNLOGGED TABLE open311_rate (
    client_id     bigint NOT NULL,
    window_start  timestamptz NOT NULL,
    posts         integer NOT NULL CHECK (posts > 0),
    PRIMARY KEY (client_id, window_start)
);
