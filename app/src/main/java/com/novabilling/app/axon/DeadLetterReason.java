package com.novabilling.app.axon;

import java.sql.SQLException;
import java.util.Arrays;

/**
 * Why an event sits in a projection's dead-letter queue, in our words. The code is what the queue stores as the
 * cause's type (in place of an exception class name); the cause's message is stored beside it.
 */
public enum DeadLetterReason {

    INVALID_DATA("invalid-data", "the read model's database refused a value of this event (invalid, too long or out of range)"),
    CONFLICT("conflict", "the event conflicts with data already in the read model"),
    DATABASE("database", "the read model's database refused the change"),
    HANDLER("handler", "the projection failed while applying this event"),
    QUEUED_BEHIND("queued-behind", "it waits behind an earlier failed event of the same resource");

    private final String code;
    private final String summary;

    DeadLetterReason(String code, String summary) {
        this.code = code;
        this.summary = summary;
    }

    public String code() {
        return code;
    }

    public String summary() {
        return summary;
    }

    /** The reason stored under {@code code}; a letter without a cause was queued behind an earlier one. */
    static DeadLetterReason ofCode(String code) {
        if (code == null) {
            return QUEUED_BEHIND;
        }
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst().orElse(HANDLER);
    }

    /** By the SQLSTATE class of the database's refusal (22: data exception, 23: integrity constraint), if any. */
    static DeadLetterReason of(Throwable failure) {
        SQLException refusal = ProjectionFailure.find(failure, SQLException.class);
        if (refusal == null) {
            return HANDLER;
        }
        String state = refusal.getSQLState();
        if (state != null && state.startsWith("22")) {
            return INVALID_DATA;
        }
        if (state != null && state.startsWith("23")) {
            return CONFLICT;
        }
        return DATABASE;
    }
}
