package com.novabilling.command.billing;

import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The tenant's {@code billed_usage_window} table (tenant migration V12_801), kept in the transaction that appends each
 * invoice event: the usage window of every invoice that bills one, and the invoice's status. Late usage finds the
 * drafts to re-rate here. An insert that ignores a repeat and updates by id, so a redelivered event changes nothing.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-billed-usage-window")
public class BilledUsageWindowTable {

    private final JdbcTemplate jdbcTemplate;

    public BilledUsageWindowTable(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @EventHandler
    public void on(InvoiceCreatedEvent event) {
        if (event.usageWindow() == null) {
            return;
        }
        jdbcTemplate.update("""
                INSERT INTO billed_usage_window (invoice_id, subscription_id, plan_id, usage_from, usage_to, status)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (invoice_id) DO NOTHING
                """, event.invoiceId(), event.subscriptionId(), event.usageWindow().planId(),
                Timestamp.from(event.usageWindow().from()), Timestamp.from(event.usageWindow().to()),
                InvoiceStatus.DRAFT.name());
    }

    @EventHandler
    public void on(InvoiceFinalizedEvent event) {
        setStatus(event.invoiceId(), InvoiceStatus.FINALIZED);
    }

    @EventHandler
    public void on(InvoiceVoidedEvent event) {
        setStatus(event.invoiceId(), InvoiceStatus.VOIDED);
    }

    /** The DRAFT invoices of the subscription whose usage window overlaps {@code [from, to)}. */
    public List<String> draftsBilling(String subscriptionId, Instant from, Instant to) {
        return jdbcTemplate.queryForList("""
                SELECT invoice_id FROM billed_usage_window
                WHERE subscription_id = ? AND status = 'DRAFT' AND usage_from < ? AND usage_to > ?
                ORDER BY usage_from""", String.class, subscriptionId, Timestamp.from(to), Timestamp.from(from));
    }

    private void setStatus(String invoiceId, InvoiceStatus status) {
        jdbcTemplate.update("UPDATE billed_usage_window SET status = ? WHERE invoice_id = ?", status.name(),
                invoiceId);
    }
}
