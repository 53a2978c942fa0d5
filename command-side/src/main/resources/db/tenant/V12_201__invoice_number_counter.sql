-- Gap-free document numbers per tenant (docs/billing-rules.md §6.4): one counter row per kind of document, advanced
-- with UPDATE … SET last_number = last_number + 1 RETURNING last_number in the transaction that appends the
-- finalization event (JdbcInvoiceNumbers), so a rollback gives the number back and concurrent finalizations wait
-- for each other on the row. Credit notes add their own row ('CREDIT_NOTE').
CREATE TABLE document_number_counter (
    kind        VARCHAR(32) NOT NULL,
    last_number BIGINT      NOT NULL,
    PRIMARY KEY (kind),
    CONSTRAINT document_number_counter_not_negative_ck CHECK (last_number >= 0)
);

INSERT INTO document_number_counter (kind, last_number) VALUES ('INVOICE', 0);
