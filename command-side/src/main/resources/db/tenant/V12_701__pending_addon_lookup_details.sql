-- What a recurring invoice needs of a pending applied add-on (docs/billing-rules.md §13.1): its subscription (null:
-- any of the customer's invoices), the name printed, quantity and amounts as captured when applied. Written by
-- "lookup-add-on" from AddOnAppliedEvent; the row leaves when the application is removed or invoiced.
ALTER TABLE pending_addon_lookup ADD COLUMN subscription_id VARCHAR(255);
ALTER TABLE pending_addon_lookup ADD COLUMN name VARCHAR(255);
ALTER TABLE pending_addon_lookup ADD COLUMN quantity INTEGER;
ALTER TABLE pending_addon_lookup ADD COLUMN currency VARCHAR(3);
ALTER TABLE pending_addon_lookup ADD COLUMN unit_amount_minor BIGINT;
ALTER TABLE pending_addon_lookup ADD COLUMN amount_minor BIGINT;
ALTER TABLE pending_addon_lookup ADD COLUMN applied_at TIMESTAMPTZ;

-- Backfill the rows of tenants registered before this migration from their own event store (Jackson JSON in bytea).
UPDATE pending_addon_lookup l
SET subscription_id   = e.doc ->> 'subscriptionId',
    name              = COALESCE(e.doc ->> 'invoiceDisplayName', e.doc ->> 'name'),
    quantity          = (e.doc ->> 'quantity')::INTEGER,
    currency          = e.doc -> 'unitAmount' ->> 'currency',
    unit_amount_minor = (e.doc -> 'unitAmount' ->> 'minor')::BIGINT,
    amount_minor      = (e.doc -> 'amount' ->> 'minor')::BIGINT,
    applied_at        = e.time_stamp::TIMESTAMPTZ
FROM (SELECT time_stamp, aggregate_identifier, convert_from(payload, 'UTF8')::JSONB AS doc
      FROM domain_event_entry
      WHERE payload_type = 'com.novabilling.api.addon.AddOnAppliedEvent') e
WHERE e.aggregate_identifier = l.applied_addon_id;

CREATE INDEX pending_addon_lookup_customer_currency_idx ON pending_addon_lookup (customer_id, currency);
