-- What a recurring invoice needs of an active applied coupon (docs/billing-rules.md §8.4, §13.1): its code, the
-- discount terms it was applied with, what is left of it (periods for REPEATING, the fixed amount for FIXED_AMOUNT
-- ONCE once an invoice took part of it) and whether it is used up. Written by "lookup-coupon" from
-- CouponAppliedEvent and CouponUsageRecordedEvent.
ALTER TABLE applied_coupon_lookup ADD COLUMN coupon_code VARCHAR(255);
ALTER TABLE applied_coupon_lookup ADD COLUMN discount_type VARCHAR(16);
ALTER TABLE applied_coupon_lookup ADD COLUMN percentage NUMERIC(7, 4);
ALTER TABLE applied_coupon_lookup ADD COLUMN amount_minor BIGINT;
ALTER TABLE applied_coupon_lookup ADD COLUMN currency VARCHAR(3);
ALTER TABLE applied_coupon_lookup ADD COLUMN duration VARCHAR(16);
ALTER TABLE applied_coupon_lookup ADD COLUMN periods_remaining INTEGER;
ALTER TABLE applied_coupon_lookup ADD COLUMN fixed_remaining_minor BIGINT;
ALTER TABLE applied_coupon_lookup ADD COLUMN applied_at TIMESTAMPTZ;
ALTER TABLE applied_coupon_lookup ADD COLUMN exhausted BOOLEAN NOT NULL DEFAULT FALSE;

-- Backfill the rows of tenants registered before this migration from their own event store (Jackson JSON in bytea);
-- no usage was recorded before it.
UPDATE applied_coupon_lookup l
SET coupon_code       = e.doc ->> 'couponCode',
    discount_type     = e.doc -> 'discount' ->> 'type',
    percentage        = (e.doc -> 'discount' ->> 'percentage')::NUMERIC,
    amount_minor      = (e.doc -> 'discount' -> 'amount' ->> 'minor')::BIGINT,
    currency          = e.doc -> 'discount' -> 'amount' ->> 'currency',
    duration          = e.doc ->> 'duration',
    periods_remaining = (e.doc ->> 'durationInPeriods')::INTEGER,
    applied_at        = e.time_stamp::TIMESTAMPTZ
FROM (SELECT time_stamp, aggregate_identifier, convert_from(payload, 'UTF8')::JSONB AS doc
      FROM domain_event_entry
      WHERE payload_type = 'com.novabilling.api.coupon.CouponAppliedEvent') e
WHERE e.doc ->> 'appliedCouponId' = l.applied_coupon_id;

DROP INDEX applied_coupon_lookup_customer_idx;
CREATE INDEX applied_coupon_lookup_customer_idx ON applied_coupon_lookup (customer_id) WHERE NOT removed AND NOT exhausted;
