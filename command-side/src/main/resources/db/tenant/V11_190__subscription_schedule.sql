-- When each subscription next has something due (trial end, period end): the subscription clock runs the tenant's
-- due subscriptions from here, in the transaction of the events that move it. NULL: nothing due (paused, canceled).
CREATE TABLE subscription_schedule (
    subscription_id VARCHAR(64) PRIMARY KEY,
    due_at          TIMESTAMPTZ
);

CREATE INDEX subscription_schedule_due ON subscription_schedule (due_at) WHERE due_at IS NOT NULL;
