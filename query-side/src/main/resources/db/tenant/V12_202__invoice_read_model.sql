-- Invoice read model, written by the "invoices" processing group and rebuilt by replaying it. Amounts are minor
-- units in the invoice's currency; lines as the events carry them (jsonb). invoice_date: the issue date once
-- finalized, else the creation (what GET /invoices?dateFrom&dateTo compares).
CREATE TABLE invoices (
    id                  VARCHAR(255) NOT NULL,
    invoice_number      VARCHAR(32),
    sequence_number     BIGINT,
    status              VARCHAR(16)  NOT NULL,
    customer_id         VARCHAR(255) NOT NULL,
    subscription_id     VARCHAR(255),
    currency            VARCHAR(3)   NOT NULL,
    period_start        TIMESTAMPTZ,
    period_end          TIMESTAMPTZ,
    issued_at           TIMESTAMPTZ,
    due_date            TIMESTAMPTZ,
    invoice_date        TIMESTAMPTZ  NOT NULL,
    finalize_at         TIMESTAMPTZ,
    lines               JSONB        NOT NULL DEFAULT '[]'::jsonb,
    subtotal_minor      BIGINT       NOT NULL,
    discount_minor      BIGINT       NOT NULL,
    tax_minor           BIGINT       NOT NULL,
    total_minor         BIGINT       NOT NULL,
    credit_notes_minor  BIGINT       NOT NULL,
    wallet_minor        BIGINT       NOT NULL,
    amount_paid_minor   BIGINT       NOT NULL,
    amount_due_minor    BIGINT       NOT NULL,
    paid_at             TIMESTAMPTZ,
    voided_at           TIMESTAMPTZ,
    notes               TEXT,
    metadata            JSONB        NOT NULL DEFAULT '{}'::jsonb,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id)
);

-- Lists are newest first with id as the tie-breaker; each filter has its index.
CREATE INDEX invoices_created_at_idx ON invoices (created_at, id);
CREATE INDEX invoices_status_idx ON invoices (status, created_at, id);
CREATE INDEX invoices_customer_idx ON invoices (customer_id, created_at, id);
CREATE INDEX invoices_subscription_idx ON invoices (subscription_id, created_at, id);
CREATE INDEX invoices_invoice_date_idx ON invoices (invoice_date);
