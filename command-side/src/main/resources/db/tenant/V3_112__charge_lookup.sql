-- Which plan, metric and currency each charge prices: one charge per (plan, metric, currency), the metrics and plan
-- prices that cannot be deleted, the charges to delete with their plan. charge_filter_lookup holds the metric filter
-- values the charge's filters use, which the metric must keep declaring.
-- Written only by the subscribing processor "lookup-charge", in the transaction of the charge's events.
-- No foreign key to plan_lookup: a deleted plan's charges are deleted after the plan, by their own events.

CREATE TABLE charge_lookup (
    charge_id          VARCHAR(255) NOT NULL,
    plan_id            VARCHAR(255) NOT NULL,
    billable_metric_id VARCHAR(255) NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    PRIMARY KEY (charge_id),
    CONSTRAINT charge_lookup_plan_metric_currency_uk UNIQUE (plan_id, billable_metric_id, currency)
);
CREATE INDEX charge_lookup_metric_idx ON charge_lookup (billable_metric_id);

CREATE TABLE charge_filter_lookup (
    charge_id    VARCHAR(255) NOT NULL REFERENCES charge_lookup (charge_id) ON DELETE CASCADE,
    filter_key   TEXT         NOT NULL,
    filter_value TEXT         NOT NULL,
    PRIMARY KEY (charge_id, filter_key, filter_value)
);
