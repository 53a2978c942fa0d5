package com.novabilling.command.creditnote;

import com.novabilling.api.creditnote.CreditNoteConsumedEvent;
import com.novabilling.api.creditnote.CreditNoteCreatedEvent;
import com.novabilling.api.creditnote.CreditNoteDraftUpdatedEvent;
import com.novabilling.api.creditnote.CreditNoteFinalizedEvent;
import com.novabilling.api.creditnote.CreditNoteStatus;
import com.novabilling.api.creditnote.CreditNoteVoidedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.billing.invoice.AvailableCredit;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.util.List;

/**
 * The tenant's {@code credit_note_balance} table (tenant migration V12_501), kept in the transaction that appends each
 * credit note event: every credit note's type, status and remaining credit. Every statement is an upsert or an update
 * by id that sets values from the event, so a redelivered event changes nothing. Answers {@link AvailableCredits}.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-credit-note")
public class CreditNoteBalanceTable implements AvailableCredits {

    private final JdbcTemplate jdbcTemplate;

    public CreditNoteBalanceTable(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @EventHandler
    public void on(CreditNoteCreatedEvent event) {
        jdbcTemplate.update("""
                INSERT INTO credit_note_balance (credit_note_id, invoice_id, customer_id, currency, type, status,
                                                 amount_minor, remaining_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT (credit_note_id) DO NOTHING
                """, event.creditNoteId(), event.invoiceId(), event.customerId(), event.currency().name(),
                event.type().name(), CreditNoteStatus.DRAFT.name(), event.amount().minor());
    }

    @EventHandler
    public void on(CreditNoteDraftUpdatedEvent event) {
        jdbcTemplate.update("UPDATE credit_note_balance SET type = ?, amount_minor = ? WHERE credit_note_id = ?",
                event.type().name(), event.amount().minor(), event.creditNoteId());
    }

    @EventHandler
    public void on(CreditNoteFinalizedEvent event) {
        jdbcTemplate.update("""
                UPDATE credit_note_balance SET status = ?, amount_minor = ?, remaining_minor = ?,
                       credit_note_number = ?, sequence_number = ?, issued_at = ?
                WHERE credit_note_id = ?""", CreditNoteStatus.FINALIZED.name(), event.amount().minor(),
                event.creditAmount().minor(), event.creditNoteNumber(), event.sequenceNumber(),
                Timestamp.from(event.issuedAt()), event.creditNoteId());
    }

    @EventHandler
    public void on(CreditNoteConsumedEvent event) {
        jdbcTemplate.update("UPDATE credit_note_balance SET remaining_minor = ? WHERE credit_note_id = ?",
                event.remaining().minor(), event.creditNoteId());
    }

    @EventHandler
    public void on(CreditNoteVoidedEvent event) {
        jdbcTemplate.update("UPDATE credit_note_balance SET status = ?, remaining_minor = 0 WHERE credit_note_id = ?",
                CreditNoteStatus.VOIDED.name(), event.creditNoteId());
    }

    @Override
    public List<AvailableCredit> availableCredit(String customerId, CurrencyCode currency) {
        String lock = TransactionSynchronizationManager.isActualTransactionActive() ? " FOR UPDATE" : "";
        return jdbcTemplate.query("""
                SELECT credit_note_id, credit_note_number, issued_at, remaining_minor FROM credit_note_balance
                WHERE customer_id = ? AND currency = ? AND status = 'FINALIZED' AND type = 'CREDIT'
                  AND remaining_minor > 0
                ORDER BY issued_at, sequence_number""" + lock,
                (row, i) -> new AvailableCredit(row.getString(1), row.getString(2),
                        row.getTimestamp(3).toInstant(), Money.ofMinor(row.getLong(4), currency)),
                customerId, currency.name());
    }
}
