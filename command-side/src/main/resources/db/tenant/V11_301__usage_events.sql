-- Usage metering (issue 11 items 7-10, docs/billing-rules.md §11).
--
-- usage_event: the metering ledger, append-only and immutable. Not Axon events: one row per accepted usage event,
-- inserted in batches (INSERT ... ON CONFLICT (transaction_id) DO NOTHING) and acknowledged after the commit.
-- transaction_id is the client's idempotency key, unique in the tenant forever. payload_hash (SHA-256, hex) of the
-- payload as sent tells a retry (same hash: answered with the original) from a reuse of the key (409).
-- seq is the ingestion order (LATEST and PERCENTAGE break timestamp ties with it).
CREATE TABLE usage_event (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY,
    id              VARCHAR(64)  NOT NULL,
    transaction_id  VARCHAR(255) NOT NULL,
    subscription_id VARCHAR(64)  NOT NULL,
    code            VARCHAR(255) NOT NULL,
    "timestamp"     TIMESTAMPTZ  NOT NULL,
    properties      JSONB        NOT NULL,
    payload_hash    CHAR(64)     NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    late            BOOLEAN      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT usage_event_transaction_id_uk UNIQUE (transaction_id)
);

-- Current usage and the per-subscription list: one subscription's events of one metric in a time window.
CREATE INDEX usage_event_subscription_code_time ON usage_event (subscription_id, code, "timestamp");

CREATE FUNCTION usage_event_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'usage events are immutable';
END
$$;

CREATE TRIGGER usage_event_no_update_or_delete BEFORE UPDATE OR DELETE ON usage_event
    FOR EACH ROW EXECUTE FUNCTION usage_event_immutable();

-- What ingestion checks about each subscription, kept by the subscribing processor "lookup-usage-window"
-- (UsageWindowTable) in the transaction of the subscription's events, and cached per node (UsageWindows).
-- period_start: the open period's start (events before it are late); paused_at: an open pause;
-- canceled_at: the end of the subscription (events at or after it are refused, earlier ones are late).
CREATE TABLE usage_subscription_window (
    subscription_id VARCHAR(64)  NOT NULL,
    plan_id         VARCHAR(64)  NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    period_start    TIMESTAMPTZ  NOT NULL,
    period_end      TIMESTAMPTZ  NOT NULL,
    paused_at       TIMESTAMPTZ,
    canceled_at     TIMESTAMPTZ,
    PRIMARY KEY (subscription_id)
);

-- Closed pauses [paused_at, resumed_at): events inside one are refused.
CREATE TABLE usage_subscription_pause (
    subscription_id VARCHAR(64) NOT NULL,
    paused_at       TIMESTAMPTZ NOT NULL,
    resumed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subscription_id, paused_at)
);
