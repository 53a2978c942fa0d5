-- Customer read model, written by the "customers" processing group and rebuilt by replaying it.
-- Every tenant has its own database, so there is no tenant column.

CREATE TABLE customers (
    id          VARCHAR(255) NOT NULL,
    external_id VARCHAR(255),
    name        VARCHAR(255) NOT NULL,
    email       VARCHAR(255) NOT NULL,
    country     VARCHAR(2),
    currency    VARCHAR(3),
    metadata    JSONB        NOT NULL DEFAULT '{}'::jsonb,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id)
);

-- Text columns are searched and sorted case-insensitively, hence the lower(...) expressions;
-- id is the tie-breaker of every sort so that pages are stable.
CREATE INDEX customers_lower_name_idx ON customers (lower(name), id);
CREATE INDEX customers_lower_email_idx ON customers (lower(email), id);
CREATE INDEX customers_lower_external_id_idx ON customers (lower(external_id), id);
CREATE INDEX customers_created_at_idx ON customers (created_at, id);
CREATE INDEX customers_updated_at_idx ON customers (updated_at, id);
