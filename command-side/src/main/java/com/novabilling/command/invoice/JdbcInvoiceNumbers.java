package com.novabilling.command.invoice;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The invoice sequence as a counter row of {@code document_number_counter} (tenant migration V12_201), advanced with
 * {@code UPDATE … SET last_number = last_number + 1 RETURNING last_number} in the command's own transaction — the
 * Axon unit of work's, which also appends the {@code InvoiceFinalizedEvent}. The row stays locked until that
 * transaction ends, so concurrent finalizations take their numbers one after the other, and a finalization that
 * rolls back (a refused command, a failed append) gives its number back: no gap, no duplicate. Not a PostgreSQL
 * sequence (rollbacks would leave gaps), never "the last number + 1" read outside the lock.
 */
@Component
public class JdbcInvoiceNumbers implements InvoiceNumbers {

    static final String KIND = "INVOICE";

    private final JdbcTemplate jdbcTemplate;

    public JdbcInvoiceNumbers(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public long next() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the number would be committed on its own and lost on a later failure: a gap
            throw new IllegalStateException("invoice numbers are taken only in the finalizing command's transaction");
        }
        Long next = jdbcTemplate.queryForObject(
                "UPDATE document_number_counter SET last_number = last_number + 1 WHERE kind = ? RETURNING last_number",
                Long.class, KIND);
        if (next == null) {
            throw new IllegalStateException("document_number_counter has no " + KIND + " row");
        }
        return next;
    }
}
