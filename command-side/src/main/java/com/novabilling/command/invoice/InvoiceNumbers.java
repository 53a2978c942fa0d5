package com.novabilling.command.invoice;

/**
 * The tenant's invoice number sequence (docs/billing-rules.md §6.4): per tenant, strictly increasing and gap-free.
 * {@link #next()} must run in the transaction that appends the finalization event, so that a rollback returns the
 * number and concurrent finalizations are serialised on the counter ({@link JdbcInvoiceNumbers}).
 */
public interface InvoiceNumbers {

    /** The next position of the sequence (1, 2, …), taken in the current transaction. */
    long next();

    /** The number shown for a position: {@code INV-000001}; more than six digits when the sequence gets there. */
    static String format(long sequenceNumber) {
        return String.format("INV-%06d", sequenceNumber);
    }
}
