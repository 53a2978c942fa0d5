-- Coupon read models, written by the "coupons" processing group and rebuilt by replaying it.
-- A discount is either a percentage (up to 4 decimals) or an amount in minor units of its currency.

CREATE TABLE coupons (
    id                  VARCHAR(255)  NOT NULL,
    name                VARCHAR(255)  NOT NULL,
    code                VARCHAR(255)  NOT NULL,
    description         TEXT,
    discount_type       VARCHAR(16)   NOT NULL,
    percentage          NUMERIC(7, 4),
    amount_minor        BIGINT,
    currency            VARCHAR(3),
    duration            VARCHAR(16)   NOT NULL,
    duration_in_periods INTEGER,
    max_redemptions     INTEGER,
    times_redeemed      INTEGER       NOT NULL DEFAULT 0,
    expires_at          TIMESTAMPTZ,
    plan_ids            JSONB         NOT NULL DEFAULT '[]'::jsonb,
    active              BOOLEAN       NOT NULL,
    metadata            JSONB         NOT NULL DEFAULT '{}'::jsonb,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX coupons_created_at_idx ON coupons (created_at, id);
CREATE INDEX coupons_active_created_at_idx ON coupons (active, created_at, id);

-- One row per application of a coupon to a customer, kept after removal (status REMOVED) and after the coupon's
-- deletion, with the discount terms it was applied with.
CREATE TABLE applied_coupons (
    id                  VARCHAR(255)  NOT NULL,
    coupon_id           VARCHAR(255)  NOT NULL,
    coupon_code         VARCHAR(255)  NOT NULL,
    customer_id         VARCHAR(255)  NOT NULL,
    discount_type       VARCHAR(16)   NOT NULL,
    percentage          NUMERIC(7, 4),
    amount_minor        BIGINT,
    currency            VARCHAR(3),
    duration            VARCHAR(16)   NOT NULL,
    duration_in_periods INTEGER,
    status              VARCHAR(16)   NOT NULL,
    applied_at          TIMESTAMPTZ   NOT NULL,
    removed_at          TIMESTAMPTZ,
    PRIMARY KEY (id)
);

CREATE INDEX applied_coupons_customer_status_idx ON applied_coupons (customer_id, status, applied_at, id);
CREATE INDEX applied_coupons_applied_at_idx ON applied_coupons (applied_at, id);
CREATE INDEX applied_coupons_coupon_idx ON applied_coupons (coupon_id);
