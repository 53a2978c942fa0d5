-- Applied add-ons still waiting for an invoice, by customer: money owed, so their customer is not deleted.
-- Written only by the subscribing processor "lookup-add-on"; a removed (later: invoiced) application leaves.
CREATE TABLE pending_addon_lookup (
    applied_addon_id VARCHAR(255) NOT NULL,
    customer_id      VARCHAR(255) NOT NULL,
    PRIMARY KEY (applied_addon_id)
);
CREATE INDEX pending_addon_lookup_customer_idx ON pending_addon_lookup (customer_id);
