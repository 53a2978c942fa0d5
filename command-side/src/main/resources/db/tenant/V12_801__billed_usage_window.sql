-- The usage window each recurring invoice bills (docs/billing-rules.md §13.3), written only by the subscribing
-- processor "lookup-billed-usage-window" in the transaction of the invoice's events (BilledUsageWindowTable). Late
-- usage events find here the DRAFT invoices whose window they fall in, to re-rate them during the grace period.
CREATE TABLE billed_usage_window (
    invoice_id      VARCHAR(255) NOT NULL,
    subscription_id VARCHAR(255) NOT NULL,
    plan_id         VARCHAR(255) NOT NULL,
    usage_from      TIMESTAMPTZ  NOT NULL,
    usage_to        TIMESTAMPTZ  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    PRIMARY KEY (invoice_id)
);
CREATE INDEX billed_usage_window_subscription_idx ON billed_usage_window (subscription_id, usage_from);
