-- Ledger verification runs (POST /api/admin/ledger/verifications): one row per run, written by the node that runs it
-- and read by any node (GET /api/admin/ledger/verifications/{id}). Progress is written at each step and every ~5,000
-- events read; report is the finished run's LedgerReport, the JSON GET /api/admin/ledger/verify answers.
-- started_at / finished_at are the tenant's clock (test clocks move them); updated_at is the database server's time
-- of the last write, by which a later POST judges a RUNNING run abandoned (its node died).
CREATE TABLE ledger_verification_run (
    id           VARCHAR(64)  PRIMARY KEY,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    rebuild      BOOLEAN      NOT NULL,
    step         VARCHAR(64),
    steps_done   INT          NOT NULL DEFAULT 0,
    steps_total  INT          NOT NULL,
    events_done  BIGINT       NOT NULL DEFAULT 0,
    events_total BIGINT       NOT NULL DEFAULT 0,
    report       JSONB,
    error        TEXT,
    started_at   TIMESTAMPTZ  NOT NULL,
    finished_at  TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- at most one RUNNING run per tenant, also when two nodes start one at once
CREATE UNIQUE INDEX ledger_verification_run_one_running ON ledger_verification_run ((status))
    WHERE status = 'RUNNING';
