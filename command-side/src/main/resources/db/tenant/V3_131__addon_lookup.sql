-- What applying an add-on needs to know about it: that it exists, its code and names (captured by each application)
-- and its price per currency. Owned by the command side, never read by queries. Written only by the subscribing
-- processor "lookup-add-on", in the same transaction as the add-on's events; deleting an add-on deletes its rows.
-- The add-on's unique code is held in resource_codes (kind ADD_ON).

CREATE TABLE addon_lookup (
    addon_id             VARCHAR(255) NOT NULL,
    code                 VARCHAR(255) NOT NULL,
    name                 VARCHAR(255) NOT NULL,
    invoice_display_name VARCHAR(255),
    PRIMARY KEY (addon_id)
);

-- One price per currency, in integer minor units; position keeps the order the prices were given in.
CREATE TABLE addon_price_lookup (
    addon_id     VARCHAR(255) NOT NULL REFERENCES addon_lookup (addon_id) ON DELETE CASCADE,
    currency     VARCHAR(3)   NOT NULL,
    amount_minor BIGINT       NOT NULL,
    position     INTEGER      NOT NULL,
    PRIMARY KEY (addon_id, currency),
    CONSTRAINT addon_price_lookup_positive_ck CHECK (amount_minor > 0)
);
