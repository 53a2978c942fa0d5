-- Subscription read model, written by the "subscriptions" processing group and rebuilt by replaying it.
-- price_minor/currency: the subscription's captured fee per interval; pending_*: a plan change waiting for the
-- period end.
CREATE TABLE subscriptions (
    id                    VARCHAR(255) NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    customer_id           VARCHAR(255) NOT NULL,
    plan_id               VARCHAR(255) NOT NULL,
    billing_interval      VARCHAR(16)  NOT NULL,
    currency              VARCHAR(3)   NOT NULL,
    price_minor           BIGINT       NOT NULL,
    billing_anchor        VARCHAR(16)  NOT NULL,
    time_zone             VARCHAR(64)  NOT NULL,
    current_period_start  TIMESTAMPTZ  NOT NULL,
    current_period_end    TIMESTAMPTZ  NOT NULL,
    trial_start           TIMESTAMPTZ,
    trial_end             TIMESTAMPTZ,
    cancel_at             TIMESTAMPTZ,
    cancel_at_period_end  BOOLEAN      NOT NULL DEFAULT FALSE,
    canceled_at           TIMESTAMPTZ,
    paused_at             TIMESTAMPTZ,
    pending_plan_id       VARCHAR(255),
    pending_kind          VARCHAR(16),
    pending_effective_at  TIMESTAMPTZ,
    metadata              JSONB        NOT NULL DEFAULT '{}'::jsonb,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id)
);

-- Lists are newest first with id as the tie-breaker; each filter has its index.
CREATE INDEX subscriptions_created_at_idx ON subscriptions (created_at, id);
CREATE INDEX subscriptions_status_idx ON subscriptions (status, created_at, id);
CREATE INDEX subscriptions_plan_idx ON subscriptions (plan_id, created_at, id);
CREATE INDEX subscriptions_customer_idx ON subscriptions (customer_id, created_at, id);
