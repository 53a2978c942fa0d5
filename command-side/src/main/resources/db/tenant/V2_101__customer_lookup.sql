-- Set-based validation of customers: unique external id and unique email within the tenant.
-- Owned by the command side, never read by queries. Written only by the subscribing processor "lookup-customer",
-- in the same transaction as the customer's events, so a unique violation rolls the events back too.
-- Deleting a customer deletes its row, which releases its email and external id.

CREATE TABLE customer_lookup (
    customer_id VARCHAR(255) NOT NULL,
    external_id VARCHAR(255),
    email       VARCHAR(255) NOT NULL,
    PRIMARY KEY (customer_id),
    CONSTRAINT customer_lookup_external_id_uk UNIQUE (external_id),
    CONSTRAINT customer_lookup_email_uk UNIQUE (email),
    CONSTRAINT customer_lookup_email_lower_case_ck CHECK (email = lower(email))
);
