-- Charge read model, written by the "charges" processing group and rebuilt by replaying it.
-- Pricing is kept as sent (JSON numbers keep their scale: 0.010 stays 0.010): properties, graduated_ranges and
-- volume_ranges hold the default pricing of the charge's model (only one is set), filters the charge filters.

CREATE TABLE charges (
    id                 VARCHAR(255) NOT NULL,
    plan_id            VARCHAR(255) NOT NULL,
    billable_metric_id VARCHAR(255) NOT NULL,
    charge_model       VARCHAR(32)  NOT NULL,
    billing_timing     VARCHAR(32)  NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    properties         JSONB,
    graduated_ranges   JSONB,
    volume_ranges      JSONB,
    filters            JSONB        NOT NULL DEFAULT '[]'::jsonb,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX charges_plan_created_at_idx ON charges (plan_id, created_at, id);
CREATE INDEX charges_metric_created_at_idx ON charges (billable_metric_id, created_at, id);
CREATE INDEX charges_created_at_idx ON charges (created_at, id);
