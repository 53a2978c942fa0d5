-- Credit note read model, written by the "credit-notes" processing group and rebuilt by replaying it. Amounts are
-- minor units in the invoice's currency; items as the events carry them (jsonb).
CREATE TABLE credit_notes (
    id                  VARCHAR(255) NOT NULL,
    credit_note_number  VARCHAR(32),
    sequence_number     BIGINT,
    invoice_id          VARCHAR(255) NOT NULL,
    customer_id         VARCHAR(255) NOT NULL,
    currency            VARCHAR(3)   NOT NULL,
    type                VARCHAR(16)  NOT NULL,
    reason              VARCHAR(32)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    items               JSONB        NOT NULL DEFAULT '[]'::jsonb,
    amount_minor        BIGINT       NOT NULL,
    credit_minor        BIGINT       NOT NULL,
    remaining_minor     BIGINT       NOT NULL,
    offset_minor        BIGINT       NOT NULL,
    description         TEXT,
    issued_at           TIMESTAMPTZ,
    voided_at           TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id)
);

-- Lists are newest first with id as the tie-breaker; each filter has its index.
CREATE INDEX credit_notes_created_at_idx ON credit_notes (created_at, id);
CREATE INDEX credit_notes_customer_idx ON credit_notes (customer_id, created_at, id);
CREATE INDEX credit_notes_invoice_idx ON credit_notes (invoice_id, created_at, id);
CREATE INDEX credit_notes_status_idx ON credit_notes (status, created_at, id);
