package com.novabilling.command.billing;

import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceDraftRevisedEvent;
import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.billing.invoice.LateUsageAdjustment;
import com.novabilling.billing.invoice.TaxRate;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's {@code billed_usage_window} table (tenant migration V12_801), kept in the transaction that appends each
 * invoice event: the usage window of every invoice that bills one, and the invoice's status. Late usage finds the
 * drafts to re-rate here, and the finalized invoices whose windows it re-rates into adjustments, with what each billed
 * for usage (docs/billing-rules.md §16). An insert that ignores a repeat and updates by id, so a redelivered event changes nothing.
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
        TaxRate tax = taxOf(event.lines());
        jdbcTemplate.update("""
                INSERT INTO billed_usage_window (invoice_id, subscription_id, plan_id, usage_from, usage_to, status,
                                                 currency, usage_amount_minor, usage_rating, tax_name, tax_percent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (invoice_id) DO NOTHING
                """, event.invoiceId(), event.subscriptionId(), event.usageWindow().planId(),
                Timestamp.from(event.usageWindow().from()), Timestamp.from(event.usageWindow().to()),
                InvoiceStatus.DRAFT.name(), event.currency().name(),
                LateUsageAdjustment.usageAmount(event.currency(), event.lines()).minor(),
                LateUsageAdjustment.ratingFingerprint(event.lines()), tax.name(), tax.percent());
    }

    /** A draft re-rated (late usage, a shortened fee): what it bills for usage now. */
    @EventHandler
    public void on(InvoiceDraftRevisedEvent event) {
        if (event.totals() == null) {
            return;
        }
        jdbcTemplate.update(
                "UPDATE billed_usage_window SET usage_amount_minor = ?, usage_rating = ? WHERE invoice_id = ?",
                LateUsageAdjustment.usageAmount(event.totals().total().currency(), event.lines()).minor(),
                LateUsageAdjustment.ratingFingerprint(event.lines()), event.invoiceId());
    }

    @EventHandler
    public void on(InvoiceFinalizedEvent event) {
        setStatus(event.invoiceId(), InvoiceStatus.FINALIZED);
    }

    @EventHandler
    public void on(InvoiceVoidedEvent event) {
        setStatus(event.invoiceId(), InvoiceStatus.VOIDED);
    }

    /** The tax an invoice's lines charge: its (first) TAX line's name and percentage, exempt when it has none. */
    static TaxRate taxOf(List<InvoiceLine> lines) {
        for (InvoiceLine line : lines) {
            if (line.type() == InvoiceLineType.TAX && line.taxRate() != null) {
                return new TaxRate(line.sourceId() == null ? "" : line.sourceId(), line.taxRate());
            }
        }
        return TaxRate.exempt();
    }

    /** The DRAFT invoices of the subscription whose usage window overlaps {@code [from, to)}. */
    public List<String> draftsBilling(String subscriptionId, Instant from, Instant to) {
        return jdbcTemplate.queryForList("""
                SELECT invoice_id FROM billed_usage_window
                WHERE subscription_id = ? AND status = 'DRAFT' AND usage_from < ? AND usage_to > ?
                ORDER BY usage_from""", String.class, subscriptionId, Timestamp.from(to), Timestamp.from(from));
    }

    /**
     * The windows of the subscription's FINALIZED (or paid) invoices that overlap {@code [from, to)}: late usage
     * re-rates them into adjustments (docs/billing-rules.md §16).
     */
    public List<BilledWindow> finalizedBilling(String subscriptionId, Instant from, Instant to) {
        return jdbcTemplate.query("""
                SELECT invoice_id, subscription_id, plan_id, usage_from, usage_to, currency, usage_amount_minor,
                       usage_rating, tax_name, tax_percent
                FROM billed_usage_window
                WHERE subscription_id = ? AND status = 'FINALIZED' AND usage_from < ? AND usage_to > ?
                ORDER BY usage_from""", (rs, i) -> window(rs), subscriptionId, Timestamp.from(to),
                Timestamp.from(from));
    }

    /**
     * The window of a finalized invoice, its row locked until the transaction ends, so that concurrent re-ratings of
     * one window take turns; empty when the invoice bills no window or is not FINALIZED.
     */
    public Optional<BilledWindow> lockFinalized(String invoiceId) {
        return jdbcTemplate.query("""
                SELECT invoice_id, subscription_id, plan_id, usage_from, usage_to, currency, usage_amount_minor,
                       usage_rating, tax_name, tax_percent
                FROM billed_usage_window WHERE invoice_id = ? AND status = 'FINALIZED' FOR UPDATE""",
                (rs, i) -> window(rs), invoiceId).stream().findFirst();
    }

    /**
     * A finalized invoice's usage window.
     *
     * @param usageBilled what the invoice billed for usage before tax; null for invoices recorded before it was kept
     * @param usageRating the fingerprint of the invoice's USAGE lines ({@link LateUsageAdjustment#ratingFingerprint});
     *                    null for invoices recorded before it was kept
     * @param billedTax   the tax the invoice charged (exempt when none); null for invoices recorded before it was kept
     */
    public record BilledWindow(String invoiceId, String subscriptionId, InvoiceUsageWindow window,
                               CurrencyCode currency, Money usageBilled, String usageRating, TaxRate billedTax) {
    }

    private static BilledWindow window(ResultSet rs) throws SQLException {
        String currencyCode = rs.getString("currency");
        CurrencyCode currency = currencyCode == null ? null : CurrencyCode.valueOf(currencyCode);
        long usage = rs.getLong("usage_amount_minor");
        Money billed = rs.wasNull() || currency == null ? null : Money.ofMinor(usage, currency);
        return new BilledWindow(rs.getString("invoice_id"), rs.getString("subscription_id"),
                new InvoiceUsageWindow(rs.getString("plan_id"), rs.getTimestamp("usage_from").toInstant(),
                        rs.getTimestamp("usage_to").toInstant()), currency, billed, rs.getString("usage_rating"),
                rs.getBigDecimal("tax_percent") == null ? null
                        : new TaxRate(rs.getString("tax_name") == null ? "" : rs.getString("tax_name"),
                        rs.getBigDecimal("tax_percent")));
    }

    private void setStatus(String invoiceId, InvoiceStatus status) {
        jdbcTemplate.update("UPDATE billed_usage_window SET status = ? WHERE invoice_id = ?", status.name(),
                invoiceId);
    }
}
