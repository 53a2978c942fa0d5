-- The wallets an invoice may spend at its finalization (docs/billing-rules.md §15), written only by the subscribing
-- processor "lookup-wallet" in the transaction of the wallet's events (WalletLookupTable): each wallet's settled
-- balance, spending order and status, and the credit-purchase invoice of each PURCHASED transaction (never paid from
-- a wallet; paid → the purchase settles, voided → it fails).
CREATE TABLE wallet_balance (
    wallet_id     VARCHAR(255) NOT NULL,
    customer_id   VARCHAR(255) NOT NULL,
    currency      VARCHAR(3)   NOT NULL,
    priority      INTEGER      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    expiration_at TIMESTAMPTZ,
    status        VARCHAR(16)  NOT NULL,
    balance_minor BIGINT       NOT NULL,
    PRIMARY KEY (wallet_id)
);
CREATE INDEX wallet_balance_customer_idx ON wallet_balance (customer_id, currency);

CREATE TABLE wallet_purchase_invoice (
    invoice_id     VARCHAR(255) NOT NULL,
    wallet_id      VARCHAR(255) NOT NULL,
    transaction_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (invoice_id)
);
