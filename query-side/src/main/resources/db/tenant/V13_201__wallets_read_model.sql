-- Wallet read models, written by the "wallets" processing group and rebuilt by replaying it (docs/billing-rules.md
-- §15). Amounts are minor units of the wallet's currency; credits are exact decimals. wallets.balance_minor is the
-- settled (spendable) balance, pending_minor the purchases waiting for their invoice, consumed_* what invoices spent.
CREATE TABLE wallets (
    id                                  VARCHAR(255)  NOT NULL,
    customer_id                         VARCHAR(255)  NOT NULL,
    name                                TEXT,
    currency                            VARCHAR(3)    NOT NULL,
    rate_amount                         NUMERIC       NOT NULL,
    status                              VARCHAR(16)   NOT NULL,
    balance_minor                       BIGINT        NOT NULL,
    credits_balance                     NUMERIC       NOT NULL,
    pending_minor                       BIGINT        NOT NULL,
    consumed_minor                      BIGINT        NOT NULL,
    consumed_credits                    NUMERIC       NOT NULL,
    priority                            INTEGER       NOT NULL,
    expiration_at                       TIMESTAMPTZ,
    terminated_at                       TIMESTAMPTZ,
    invoice_requires_successful_payment BOOLEAN       NOT NULL,
    metadata                            JSONB,
    created_at                          TIMESTAMPTZ   NOT NULL,
    updated_at                          TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (id)
);

-- Lists are newest first with id as the tie-breaker; each filter has its index.
CREATE INDEX wallets_created_at_idx ON wallets (created_at, id);
CREATE INDEX wallets_customer_idx ON wallets (customer_id, created_at, id);
CREATE INDEX wallets_status_idx ON wallets (status, created_at, id);

-- One row per wallet transaction: PURCHASED and GRANTED bring credit in, INVOICED and VOIDED take it out and keep
-- the inbound transactions they drew from (draws, minor units as the events carry them).
CREATE TABLE wallet_transactions (
    id           VARCHAR(255) NOT NULL,
    wallet_id    VARCHAR(255) NOT NULL,
    customer_id  VARCHAR(255) NOT NULL,
    type         VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    credits      NUMERIC      NOT NULL,
    amount_minor BIGINT       NOT NULL,
    currency     VARCHAR(3)   NOT NULL,
    invoice_id   VARCHAR(255),
    draws        JSONB        NOT NULL DEFAULT '[]'::jsonb,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    settled_at   TIMESTAMPTZ,
    failed_at    TIMESTAMPTZ,
    PRIMARY KEY (id)
);

CREATE INDEX wallet_transactions_wallet_idx ON wallet_transactions (wallet_id, created_at, id);
CREATE INDEX wallet_transactions_invoice_idx ON wallet_transactions (invoice_id);
