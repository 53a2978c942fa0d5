-- Billable metric read model, written by the "billable-metrics" processing group and rebuilt by replaying it.

CREATE TABLE billable_metrics (
    id               VARCHAR(255) NOT NULL,
    name             VARCHAR(255) NOT NULL,
    code             VARCHAR(255) NOT NULL,
    description      TEXT,
    aggregation_type VARCHAR(32)  NOT NULL,
    field_name       VARCHAR(255),
    recurring        BOOLEAN      NOT NULL,
    filters          JSONB        NOT NULL DEFAULT '[]'::jsonb,
    rounding         JSONB,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX billable_metrics_created_at_idx ON billable_metrics (created_at, id);
CREATE INDEX billable_metrics_type_created_at_idx ON billable_metrics (aggregation_type, created_at, id);
