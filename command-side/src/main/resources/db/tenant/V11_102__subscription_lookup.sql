-- Which customer and plan each subscription has, the plan a pending change moves it to, and whether it is live
-- (not CANCELED). Written only by the subscribing processor "lookup-subscription", in the transaction of the
-- subscription's events. Read by the deletion guards: a plan any subscription is or will be on is kept; a customer
-- with a live subscription is kept (serialised against a concurrent create by locking the customer's
-- customer_lookup row: FOR SHARE when subscribing, FOR UPDATE when deleting).
CREATE TABLE subscription_lookup (
    subscription_id VARCHAR(255) NOT NULL,
    customer_id     VARCHAR(255) NOT NULL,
    plan_id         VARCHAR(255) NOT NULL,
    pending_plan_id VARCHAR(255),
    live            BOOLEAN      NOT NULL,
    PRIMARY KEY (subscription_id)
);
CREATE INDEX subscription_lookup_customer_idx ON subscription_lookup (customer_id) WHERE live;
CREATE INDEX subscription_lookup_plan_idx ON subscription_lookup (plan_id);
CREATE INDEX subscription_lookup_pending_plan_idx ON subscription_lookup (pending_plan_id)
    WHERE pending_plan_id IS NOT NULL;
