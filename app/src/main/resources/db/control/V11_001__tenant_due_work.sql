-- The subscription clock's one schedule for all tenants: when each tenant next has work due. Nodes claim due rows
-- (FOR UPDATE SKIP LOCKED), so each runs on exactly one node; a claim that outlives its node expires. `version`
-- grows with every new due instant, so a run that finishes does not overwrite an earlier instant noted meanwhile.
CREATE TABLE tenant_due_work (
    tenant_id     VARCHAR(64) PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    due_at        TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0,
    claimed_by    VARCHAR(100),
    claimed_until TIMESTAMPTZ
);

CREATE INDEX tenant_due_work_due ON tenant_due_work (due_at);

-- A tenant's test clock (NOVABILLING_TEST_CLOCK=true): its time stands at frozen_at and moves only when told.
CREATE TABLE tenant_test_clocks (
    tenant_id  VARCHAR(64) PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    frozen_at  TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
