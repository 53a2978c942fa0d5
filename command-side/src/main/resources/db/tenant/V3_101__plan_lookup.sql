-- What other features check about plans when they decide (charges need the plan's currencies, coupons its existence).
-- Written only by the subscribing processor "lookup-plan", in the transaction of the plan's events.

CREATE TABLE plan_lookup (
    plan_id VARCHAR(255) NOT NULL,
    code    VARCHAR(255) NOT NULL,
    active  BOOLEAN      NOT NULL,
    PRIMARY KEY (plan_id)
);

-- position keeps the order prices were added: a charge without a currency prices in the plan's first one.
CREATE TABLE plan_price_lookup (
    price_id VARCHAR(255) NOT NULL,
    plan_id  VARCHAR(255) NOT NULL REFERENCES plan_lookup (plan_id) ON DELETE CASCADE,
    currency VARCHAR(3)   NOT NULL,
    position BIGSERIAL    NOT NULL,
    PRIMARY KEY (price_id),
    CONSTRAINT plan_price_lookup_currency_uk UNIQUE (plan_id, currency)
);
