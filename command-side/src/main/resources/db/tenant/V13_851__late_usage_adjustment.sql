-- Late usage of finalized periods (docs/billing-rules.md §16). What each windowed invoice billed for usage (before
-- tax), kept by BilledUsageWindowTable with its window: the base a re-rating compares with. Null for invoices
-- recorded before this column existed (their windows are not re-rated).
ALTER TABLE billed_usage_window ADD COLUMN currency VARCHAR(3);
ALTER TABLE billed_usage_window ADD COLUMN usage_amount_minor BIGINT;

-- Each difference a re-rating recorded (ClosedUsageWindowReRatedEvent), written only by the subscribing processor
-- "lookup-late-usage-adjustment" (LateUsageAdjustmentTable) in the transaction of the re-rating's events. NEXT_INVOICE
-- adjustments wait here, PENDING, for the subscription's next recurring invoice, which marks them BILLED in its own
-- transaction; the others name the adjustment invoice or credit note issued for them (ISSUED).
CREATE TABLE late_usage_adjustment (
    adjustment_id       VARCHAR(64)  NOT NULL,
    re_rating_id        VARCHAR(64)  NOT NULL,
    adjustment_number   INTEGER      NOT NULL,
    original_invoice_id VARCHAR(64)  NOT NULL,
    subscription_id     VARCHAR(64)  NOT NULL,
    currency            VARCHAR(3)   NOT NULL,
    kind                VARCHAR(32)  NOT NULL,
    amount_minor        BIGINT       NOT NULL,
    usage_from          TIMESTAMPTZ  NOT NULL,
    usage_to            TIMESTAMPTZ  NOT NULL,
    description         VARCHAR(255),
    units               NUMERIC,
    event_count         BIGINT,
    digest              VARCHAR(64),
    document_id         VARCHAR(64),
    status              VARCHAR(16)  NOT NULL,
    billed_invoice_id   VARCHAR(64),
    recorded_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (adjustment_id),
    CONSTRAINT late_usage_adjustment_number_uk UNIQUE (re_rating_id, adjustment_number)
);
CREATE INDEX late_usage_adjustment_pending_idx ON late_usage_adjustment (subscription_id, status);
