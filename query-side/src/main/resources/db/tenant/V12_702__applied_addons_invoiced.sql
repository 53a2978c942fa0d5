-- The invoice that billed an applied add-on (status INVOICED), written by "add-ons" from AppliedAddOnInvoicedEvent.
ALTER TABLE applied_addons ADD COLUMN invoice_id VARCHAR(255);
ALTER TABLE applied_addons ADD COLUMN invoiced_at TIMESTAMPTZ;
