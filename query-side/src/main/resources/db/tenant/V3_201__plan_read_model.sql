-- Plan read model, written by the "plans" processing group and rebuilt by replaying it.
-- prices: JSON array of {id, currency, minor} in the order the prices were added.

CREATE TABLE plans (
    id               VARCHAR(255) NOT NULL,
    name             VARCHAR(255) NOT NULL,
    code             VARCHAR(255) NOT NULL,
    description      TEXT,
    billing_interval VARCHAR(16)  NOT NULL,
    features         JSONB        NOT NULL DEFAULT '[]'::jsonb,
    trial_days       INTEGER      NOT NULL,
    active           BOOLEAN      NOT NULL,
    metadata         JSONB        NOT NULL DEFAULT '{}'::jsonb,
    prices           JSONB        NOT NULL DEFAULT '[]'::jsonb,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX plans_created_at_idx ON plans (created_at, id);
CREATE INDEX plans_active_created_at_idx ON plans (active, created_at, id);
