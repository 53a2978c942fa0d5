-- Add-on read models, written by the "add-ons" processing group and rebuilt by replaying it.
-- addons.prices: JSON array of {currency, minor} in the order the prices were given.

CREATE TABLE addons (
    id                   VARCHAR(255) NOT NULL,
    name                 VARCHAR(255) NOT NULL,
    code                 VARCHAR(255) NOT NULL,
    description          TEXT,
    invoice_display_name VARCHAR(255),
    prices               JSONB        NOT NULL DEFAULT '[]'::jsonb,
    metadata             JSONB        NOT NULL DEFAULT '{}'::jsonb,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX addons_created_at_idx ON addons (created_at, id);

-- Add-ons applied to customers, with the add-on's code, names and price captured when applied; amounts in minor
-- units of currency. Rows stay after the add-on is deleted.
CREATE TABLE applied_addons (
    id                   VARCHAR(255) NOT NULL,
    addon_id             VARCHAR(255) NOT NULL,
    addon_code           VARCHAR(255) NOT NULL,
    name                 VARCHAR(255) NOT NULL,
    invoice_display_name VARCHAR(255),
    customer_id          VARCHAR(255) NOT NULL,
    subscription_id      VARCHAR(255),
    quantity             INTEGER      NOT NULL,
    currency             VARCHAR(3)   NOT NULL,
    unit_amount_minor    BIGINT       NOT NULL,
    amount_minor         BIGINT       NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    applied_at           TIMESTAMPTZ  NOT NULL,
    removed_at           TIMESTAMPTZ,
    PRIMARY KEY (id)
);

CREATE INDEX applied_addons_applied_at_idx ON applied_addons (applied_at, id);
CREATE INDEX applied_addons_customer_idx ON applied_addons (customer_id, status, applied_at, id);
CREATE INDEX applied_addons_subscription_idx ON applied_addons (subscription_id, status, applied_at, id);
