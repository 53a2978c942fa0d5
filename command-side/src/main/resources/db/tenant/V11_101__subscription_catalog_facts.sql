-- What a subscription decides on (docs/billing-rules.md §10), read by the command side in the command's transaction:
-- a plan's billing interval and trial days, each price's amount, and whether a customer was deleted (a deleted
-- customer keeps its row, marked, with its email and external id released, so that subscribing it is a 409 and not
-- a 404). Written by "lookup-plan" and "lookup-customer" from the plan and customer events.
ALTER TABLE plan_lookup ADD COLUMN billing_interval VARCHAR(16);
ALTER TABLE plan_lookup ADD COLUMN trial_days INTEGER;
ALTER TABLE plan_price_lookup ADD COLUMN amount_minor BIGINT;
ALTER TABLE customer_lookup ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE customer_lookup ALTER COLUMN email DROP NOT NULL;

-- Backfill the rows of tenants registered before this migration from their own event store (the events are the
-- truth; the read models are never read by the command side). Events are Jackson JSON in bytea.
UPDATE plan_lookup p
SET billing_interval = latest.doc ->> 'billingInterval',
    trial_days       = COALESCE((latest.doc ->> 'trialDays')::INTEGER, 0)
FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, convert_from(payload, 'UTF8')::JSONB AS doc
      FROM domain_event_entry
      WHERE payload_type IN ('com.novabilling.api.plan.PlanCreatedEvent', 'com.novabilling.api.plan.PlanUpdatedEvent')
      ORDER BY aggregate_identifier, sequence_number DESC) latest
WHERE latest.aggregate_identifier = p.plan_id;

WITH plan_events AS (
    SELECT global_index, convert_from(payload, 'UTF8')::JSONB AS doc, payload_type
    FROM domain_event_entry
    WHERE payload_type IN ('com.novabilling.api.plan.PlanCreatedEvent', 'com.novabilling.api.plan.PlanPriceAddedEvent',
                           'com.novabilling.api.plan.PlanPriceUpdatedEvent')
), price_amounts AS (
    SELECT e.global_index, price ->> 'priceId' AS price_id, (price -> 'amount' ->> 'minor')::BIGINT AS minor
    FROM plan_events e,
         jsonb_array_elements(CASE WHEN jsonb_typeof(e.doc -> 'prices') = 'array' THEN e.doc -> 'prices'
                                   ELSE '[]'::JSONB END) AS price
    WHERE e.payload_type = 'com.novabilling.api.plan.PlanCreatedEvent'
    UNION ALL
    SELECT e.global_index, e.doc ->> 'priceId', (e.doc -> 'amount' ->> 'minor')::BIGINT
    FROM plan_events e
    WHERE e.payload_type <> 'com.novabilling.api.plan.PlanCreatedEvent'
), latest AS (
    SELECT DISTINCT ON (price_id) price_id, minor FROM price_amounts ORDER BY price_id, global_index DESC
)
UPDATE plan_price_lookup l SET amount_minor = latest.minor FROM latest WHERE latest.price_id = l.price_id;

INSERT INTO customer_lookup (customer_id, email, deleted)
SELECT DISTINCT aggregate_identifier, NULL, TRUE
FROM domain_event_entry
WHERE payload_type = 'com.novabilling.api.customer.CustomerDeletedEvent'
ON CONFLICT (customer_id) DO UPDATE SET deleted = TRUE, email = NULL, external_id = NULL;
