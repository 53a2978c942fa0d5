-- The tax each windowed invoice was issued with (its TAX line's name and percentage; 0 when it had none), kept by
-- BilledUsageWindowTable: a decrease found by late usage is credited against that invoice at the tax it charged,
-- not at the customer's terms of today (docs/billing-rules.md §16). Null for invoices recorded before this column.
ALTER TABLE billed_usage_window ADD COLUMN tax_name VARCHAR(255);
ALTER TABLE billed_usage_window ADD COLUMN tax_percent NUMERIC;
