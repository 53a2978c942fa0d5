-- Axon deadlines of the tenant's sagas and aggregates, durable: each waits here until it is due, when the subscription
-- clock's scheduler delivers it to its scope and deletes it in the same transaction.
CREATE TABLE deadline_entry (
    deadline_id      VARCHAR(64)  PRIMARY KEY,
    deadline_name    VARCHAR(255) NOT NULL,
    trigger_at       TIMESTAMPTZ  NOT NULL,
    scope_type       VARCHAR(255) NOT NULL,
    scope            BYTEA        NOT NULL,
    payload_type     VARCHAR(255),
    payload_revision VARCHAR(255),
    payload          BYTEA,
    meta_data        BYTEA
);

CREATE INDEX deadline_entry_due ON deadline_entry (trigger_at);
CREATE INDEX deadline_entry_name ON deadline_entry (deadline_name);
