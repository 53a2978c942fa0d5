-- The billing terms plans and customers set themselves (docs/billing-rules.md §7). NULL: not set (the plan's or the
-- tenant's applies); billing_timing NULL is IN_ADVANCE, as in plans created before this migration.
ALTER TABLE plans ADD COLUMN billing_timing VARCHAR(16);
ALTER TABLE plans ADD COLUMN net_payment_terms INTEGER;
ALTER TABLE plans ADD COLUMN invoice_grace_period_days INTEGER;
ALTER TABLE customers ADD COLUMN net_payment_terms INTEGER;
ALTER TABLE customers ADD COLUMN tax_rate NUMERIC(7, 4);
ALTER TABLE customers ADD COLUMN tax_name VARCHAR(100);
