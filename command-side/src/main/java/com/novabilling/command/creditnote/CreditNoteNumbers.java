package com.novabilling.command.creditnote;

/**
 * The tenant's credit-note number sequence, its own and gap-free like the invoices' (docs/billing-rules.md §6.4):
 * {@link #next()} runs in the transaction that appends the finalization event ({@link JdbcCreditNoteNumbers}).
 */
public interface CreditNoteNumbers {

    /** The next position of the sequence (1, 2, …), taken in the current transaction. */
    long next();

    /** The number shown for a position: {@code CN-000001}; more than six digits when the sequence gets there. */
    static String format(long sequenceNumber) {
        return String.format("CN-%06d", sequenceNumber);
    }
}
