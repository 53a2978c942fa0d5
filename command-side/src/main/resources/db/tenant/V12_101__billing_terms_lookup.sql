-- The billing terms a plan and a customer set themselves (docs/billing-rules.md §7), read by the command side in the
-- command's transaction when an invoice is issued (BillingTermsLookup). Written by "lookup-plan" and
-- "lookup-customer" from the plan and customer events. NULL means "not set": the next level (plan, then tenant)
-- applies; billing_timing NULL is IN_ADVANCE. No backfill: no event stored before this migration carries a term.
ALTER TABLE plan_lookup ADD COLUMN billing_timing VARCHAR(16);
ALTER TABLE plan_lookup ADD COLUMN net_payment_terms INTEGER;
ALTER TABLE plan_lookup ADD COLUMN invoice_grace_period_days INTEGER;
ALTER TABLE customer_lookup ADD COLUMN net_payment_terms INTEGER;
ALTER TABLE customer_lookup ADD COLUMN tax_rate NUMERIC(7, 4);
ALTER TABLE customer_lookup ADD COLUMN tax_name VARCHAR(100);
