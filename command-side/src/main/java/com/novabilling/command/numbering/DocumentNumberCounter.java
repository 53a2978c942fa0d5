package com.novabilling.command.numbering;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenant's gap-free document sequences (docs/billing-rules.md §6.4): one counter row per kind of document in
 * {@code document_number_counter} (tenant migrations V12_201 for invoices, V12_501 for credit notes), advanced with
 * {@code UPDATE … SET last_number = last_number + 1 RETURNING last_number} in the command's own transaction — the Axon
 * unit of work's, which also appends the finalization event. The row stays locked until that transaction ends, so
 * concurrent finalizations take their numbers one after the other, and one that rolls back (a refused command, a
 * failed append) gives its number back: no gap, no duplicate. Not a PostgreSQL sequence (rollbacks would leave gaps),
 * never "the last number + 1" read outside the lock.
 */
@Component
public class DocumentNumberCounter {

    private final JdbcTemplate jdbcTemplate;

    public DocumentNumberCounter(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /** The next position (1, 2, …) of the {@code kind} sequence, taken in the current transaction. */
    public long next(String kind) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the number would be committed on its own and lost on a later failure: a gap
            throw new IllegalStateException("document numbers are taken only in the finalizing command's transaction");
        }
        Long next = jdbcTemplate.queryForObject(
                "UPDATE document_number_counter SET last_number = last_number + 1 WHERE kind = ? RETURNING last_number",
                Long.class, kind);
        if (next == null) {
            throw new IllegalStateException("document_number_counter has no " + kind + " row");
        }
        return next;
    }
}
