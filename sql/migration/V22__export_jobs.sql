-- Export jobs as rows, so that any app node can say how far a job has come and hand over its
-- file (from the shared export directory): the node running the job writes its progress and a
-- heartbeat; a job whose node stopped is reported as failed. What the job exports is kept as the
-- audit log's description of it (layers, format, CRS, dialogue), never any of the content.
CREATE TABLE export_job (
    id            uuid PRIMARY KEY,
    owner         text NOT NULL,
    state         text NOT NULL CHECK (state IN ('running', 'done', 'failed')),
    file_name     text NOT NULL,
    format        text NOT NULL,
    crs           text NOT NULL,
    described     jsonb NOT NULL,
    dialogue_id   bigint,
    written       bigint NOT NULL DEFAULT 0,
    total         bigint,
    error         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    heartbeat_at  timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz
);

CREATE INDEX export_job_running_idx ON export_job (heartbeat_at) WHERE state = 'running';
