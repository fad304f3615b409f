-- Sign-in throttling and sessions that end when an account changes (issue 14, items 2 and 3).

-- Bumped whenever an administrator disables an account, changes its roles or resets its
-- password: a staff session signed in under an older version ends at its next request.
ALTER TABLE staff_account ADD COLUMN access_version integer NOT NULL DEFAULT 0;

-- Failed sign-ins, per account ("account:<username>") and per client ("client:<keyed hash of its
-- address>"): kept in the database so that every app node sees the same count. The address
-- itself is never stored, only a hash keyed with this installation's secret, and rows go a day
-- after their last failure.
CREATE TABLE sign_in_throttle (
    key             text PRIMARY KEY,
    failures        integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked_until    timestamptz,
    last_failure_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE installation_secret (
    name   text PRIMARY KEY,
    value  text NOT NULL
);

INSERT INTO installation_secret (name, value)
VALUES ('sign-in-throttle', md5(random()::text || clock_timestamp()::text) || md5(random()::text));
