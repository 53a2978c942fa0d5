-- The customer of each coupon application and whether it was removed, so that a customer a coupon still discounts
-- is not deleted. Applications recorded before this migration have no customer here and do not hold one back.
ALTER TABLE applied_coupon_lookup ADD COLUMN customer_id VARCHAR(255);
ALTER TABLE applied_coupon_lookup ADD COLUMN removed BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX applied_coupon_lookup_customer_idx ON applied_coupon_lookup (customer_id) WHERE NOT removed;
