-- One row per scheduled job (ShedLock): the node that runs a job holds its row until the job is
-- done, so retention and the purges run once per cluster, not once per app node.
CREATE TABLE shedlock (
    name        varchar(64) PRIMARY KEY,
    lock_until  timestamptz NOT NULL,
    locked_at   timestamptz NOT NULL,
    locked_by   varchar(255) NOT NULL
);
