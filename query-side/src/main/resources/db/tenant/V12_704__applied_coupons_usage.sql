-- What invoices left of an applied coupon (docs/billing-rules.md §8.4), written by "coupons" from
-- CouponUsageRecordedEvent: periods left (REPEATING), the fixed amount left (FIXED_AMOUNT ONCE, minor units of the
-- coupon's currency) and the last invoice it discounted. Status EXHAUSTED when used up.
ALTER TABLE applied_coupons ADD COLUMN periods_remaining INTEGER;
ALTER TABLE applied_coupons ADD COLUMN amount_remaining_minor BIGINT;
ALTER TABLE applied_coupons ADD COLUMN last_invoice_id VARCHAR(255);
-- applications recorded before: a REPEATING coupon has all its periods left
UPDATE applied_coupons SET periods_remaining = duration_in_periods WHERE duration = 'REPEATING';
