-- Unique codes of catalog resources (plans, billable metrics, coupons, add-ons), written by the lookup-* processors
-- in the transaction that appends the resource's events. Owner ids carry a type prefix, so they are unique alone.

CREATE TABLE resource_codes (
    kind     VARCHAR(32)  NOT NULL,
    code     VARCHAR(255) NOT NULL,
    owner_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (kind, code),
    CONSTRAINT resource_codes_owner_uk UNIQUE (owner_id)
);
