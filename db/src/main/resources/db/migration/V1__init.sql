-- arraysweep schema, version 1. Parameter columns (table run_param) are added from the
-- parameter registry at start-up (dev.arraysweep.db.schema.ParamColumns), so that one
-- definition of every parameter serves validation, the worker and the SQL views alike.

CREATE TABLE sweep (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL UNIQUE,
    description  VARCHAR(4000),
    source_path  VARCHAR(4000),
    source_text  CHARACTER LARGE OBJECT,
    slurm_json   VARCHAR(100000),
    expansions   INT           NOT NULL DEFAULT 1,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE run (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    sweep_id           BIGINT       NOT NULL REFERENCES sweep(id) ON DELETE CASCADE,
    array_index        INT          NOT NULL,
    params_hash        VARCHAR(64)  NOT NULL,
    params_json        VARCHAR(100000) NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    attempt            INT          NOT NULL DEFAULT 0,
    epochs_total       INT          NOT NULL,
    epochs_done        INT          NOT NULL DEFAULT 0,
    slurm_job_id       VARCHAR(64),
    slurm_array_job_id VARCHAR(64),
    node               VARCHAR(256),
    started_at         TIMESTAMP WITH TIME ZONE,
    ended_at           TIMESTAMP WITH TIME ZONE,
    heartbeat_at       TIMESTAMP WITH TIME ZONE,
    error_text         VARCHAR(100000),
    CONSTRAINT run_index_unique UNIQUE (sweep_id, array_index),
    CONSTRAINT run_hash_unique UNIQUE (sweep_id, params_hash),
    CONSTRAINT run_state_known CHECK (state IN ('pending','running','done','failed','preempted','lost','retired'))
);
CREATE INDEX run_state_idx ON run(sweep_id, state);

CREATE TABLE run_param (
    run_id BIGINT PRIMARY KEY REFERENCES run(id) ON DELETE CASCADE
);

CREATE TABLE epoch_metric (
    run_id                     BIGINT      NOT NULL REFERENCES run(id) ON DELETE CASCADE,
    epoch                      INT         NOT NULL,
    split                      VARCHAR(8)  NOT NULL,
    attempt                    INT         NOT NULL,
    accuracy                   DOUBLE PRECISION,
    mean_loss                  DOUBLE PRECISION,
    best_loss                  DOUBLE PRECISION,
    worst_loss                 DOUBLE PRECISION,
    q50_loss                   DOUBLE PRECISION,
    q90_loss                   DOUBLE PRECISION,
    q99_loss                   DOUBLE PRECISION,
    sample_count               BIGINT,
    epoch_seconds              DOUBLE PRECISION,
    wall_seconds               DOUBLE PRECISION,
    learning_rate              DOUBLE PRECISION,
    raw_forwarded              BIGINT,
    accepted                   BIGINT,
    trained                    BIGINT,
    overflow_discarded         BIGINT,
    steps                      BIGINT,
    mean_raw_batches_per_step  DOUBLE PRECISION,
    acceptance_ratio           DOUBLE PRECISION,
    host_memory_bytes          BIGINT,
    device_memory_bytes        BIGINT,
    recorded_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, epoch, split),
    CONSTRAINT epoch_metric_split CHECK (split IN ('train','test'))
);

CREATE TABLE run_event (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id   BIGINT       NOT NULL REFERENCES run(id) ON DELETE CASCADE,
    attempt  INT          NOT NULL,
    kind     VARCHAR(32)  NOT NULL,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    detail   VARCHAR(100000)
);
CREATE INDEX run_event_run_idx ON run_event(run_id);

CREATE TABLE submission (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    sweep_id      BIGINT        NOT NULL REFERENCES sweep(id) ON DELETE CASCADE,
    job_id        VARCHAR(64)   NOT NULL,
    array_spec    VARCHAR(100000) NOT NULL,
    index_offset  INT           NOT NULL DEFAULT 0,
    script_path   VARCHAR(4000),
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- How far each journal file has been ingested, so `ingest` reads only what is new.
CREATE TABLE journal_position (
    path   VARCHAR(4000) PRIMARY KEY,
    bytes  BIGINT NOT NULL
);
