-- Dead letters of the projections: Axon's JdbcSequencedDeadLetterQueue, one queue per read-model processing group
-- (AxonSchemas.DEAD_LETTERS names the columns). An event a projection cannot apply waits here, with the later events
-- of its aggregate queued behind it, while every other event flows on; /api/admin/projections lists, retries and
-- evicts them, and a rebuild of the group clears them. Timestamps are ISO-8601 strings, as Axon writes them.

CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_index_uk UNIQUE (processing_group, sequence_identifier, sequence_index)
);
-- a read right after a write asks whether a projection dead-lettered the events it wrote
CREATE INDEX dead_letter_entry_event_idx ON dead_letter_entry (event_identifier);
