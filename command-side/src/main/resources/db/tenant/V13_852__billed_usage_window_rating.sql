-- The fingerprint of each windowed invoice's USAGE lines (LateUsageAdjustment.ratingFingerprint), kept by
-- BilledUsageWindowTable: a late event that adds no money still changes the window's rating (its event count and
-- digest), and ClosedUsageWindow records that rating so the ledger verifier re-rates the window to what was recorded
-- (docs/billing-rules.md §16). Null for invoices recorded before this column existed.
ALTER TABLE billed_usage_window ADD COLUMN usage_rating VARCHAR(64);
