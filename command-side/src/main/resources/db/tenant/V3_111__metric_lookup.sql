-- What charges check about billable metrics when they decide: the metric's definition (type, field, recurring, filter
-- keys and values, rounding) as the JSON of com.novabilling.api.metric.BillableMetricDefinition.
-- Written only by the subscribing processor "lookup-billable-metric", in the transaction of the metric's events.

CREATE TABLE metric_lookup (
    billable_metric_id VARCHAR(255) NOT NULL,
    code               VARCHAR(255) NOT NULL,
    definition         JSONB        NOT NULL,
    PRIMARY KEY (billable_metric_id)
);
