-- Credit notes (docs/billing-rules.md §14). Their own gap-free sequence CN-000001 is a row of the document number
-- counter (V12_201), advanced in the finalizing command's transaction (JdbcCreditNoteNumbers).
INSERT INTO document_number_counter (kind, last_number) VALUES ('CREDIT_NOTE', 0) ON CONFLICT (kind) DO NOTHING;

-- Each credit note's state and remaining credit, written only by the subscribing processor "lookup-credit-note" in
-- the transaction of the credit note's events (CreditNoteBalanceTable). Later invoices read the customer's available
-- credit here (finalized CREDIT notes with credit left, oldest first) and lock those rows while they consume it.
CREATE TABLE credit_note_balance (
    credit_note_id   VARCHAR(255) NOT NULL,
    invoice_id       VARCHAR(255) NOT NULL,
    customer_id      VARCHAR(255) NOT NULL,
    currency         VARCHAR(3)   NOT NULL,
    type             VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    amount_minor     BIGINT       NOT NULL,
    remaining_minor  BIGINT       NOT NULL,
    credit_note_number VARCHAR(32),
    sequence_number  BIGINT,
    issued_at        TIMESTAMPTZ,
    PRIMARY KEY (credit_note_id),
    CONSTRAINT credit_note_balance_remaining_ck CHECK (remaining_minor >= 0 AND remaining_minor <= amount_minor)
);
CREATE INDEX credit_note_balance_available_idx ON credit_note_balance (customer_id, currency, issued_at, sequence_number)
    WHERE status = 'FINALIZED' AND type = 'CREDIT' AND remaining_minor > 0;
CREATE INDEX credit_note_balance_invoice_idx ON credit_note_balance (invoice_id);
