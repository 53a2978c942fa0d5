-- What the coupon endpoints and other features check about coupons, written only by the subscribing processor
-- "lookup-coupon" in the transaction of the coupon's events. Coupon codes live in resource_codes (kind COUPON).

-- Which coupon an application belongs to, so that DELETE /coupons/applied/{id} can address the coupon aggregate
-- that owns it. Rows of a deleted coupon are deleted with it.
CREATE TABLE applied_coupon_lookup (
    applied_coupon_id VARCHAR(255) NOT NULL,
    coupon_id         VARCHAR(255) NOT NULL,
    PRIMARY KEY (applied_coupon_id)
);
CREATE INDEX applied_coupon_lookup_coupon_idx ON applied_coupon_lookup (coupon_id);

-- The plans a coupon is restricted to; a plan listed here cannot be deleted.
CREATE TABLE coupon_plan_lookup (
    coupon_id VARCHAR(255) NOT NULL,
    plan_id   VARCHAR(255) NOT NULL,
    PRIMARY KEY (coupon_id, plan_id)
);
CREATE INDEX coupon_plan_lookup_plan_idx ON coupon_plan_lookup (plan_id);
