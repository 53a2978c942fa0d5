package com.novabilling.command.billing;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.lateusage.ClosedUsageWindowReRatedEvent;
import com.novabilling.api.lateusage.LateUsageAdjustmentBilledEvent;
import com.novabilling.api.lateusage.LateUsageAdjustmentKind;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * The tenant's {@code late_usage_adjustment} table (tenant migration V13_851), kept in the transaction of each
 * re-rating's events (docs/billing-rules.md §16): every difference late usage found in a finalized invoice's window,
 * the NEXT_INVOICE ones PENDING until the subscription's next recurring invoice bills them (BILLED). Inserts that
 * ignore a repeat and updates by id, so a redelivered event changes nothing.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-late-usage-adjustment")
public class LateUsageAdjustmentTable {

    private final JdbcTemplate jdbcTemplate;

    public LateUsageAdjustmentTable(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @EventHandler
    public void on(ClosedUsageWindowReRatedEvent event) {
        InvoiceLine line = event.adjustmentLine();
        InvoiceLineUsage usage = line == null ? null : line.usage();
        jdbcTemplate.update("""
                INSERT INTO late_usage_adjustment (adjustment_id, re_rating_id, adjustment_number, original_invoice_id,
                    subscription_id, currency, kind, amount_minor, usage_from, usage_to, description, units,
                    event_count, digest, document_id, status, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (adjustment_id) DO NOTHING
                """, event.adjustmentId(), event.reRatingId(), event.adjustmentNumber(), event.originalInvoiceId(),
                event.subscriptionId(), event.currency().name(), event.kind().name(), event.difference().minor(),
                Timestamp.from(event.window().from()), Timestamp.from(event.window().to()),
                line == null ? null : line.description(), usage == null ? null : usage.units(),
                usage == null ? null : usage.eventCount(), usage == null ? null : usage.digest(), event.documentId(),
                event.kind() == LateUsageAdjustmentKind.NEXT_INVOICE ? "PENDING" : "ISSUED",
                Timestamp.from(event.reRatedAt()));
    }

    @EventHandler
    public void on(LateUsageAdjustmentBilledEvent event) {
        jdbcTemplate.update("""
                UPDATE late_usage_adjustment SET status = 'BILLED', billed_invoice_id = ? WHERE adjustment_id = ?""",
                event.invoiceId(), event.adjustmentId());
    }

    /**
     * One recorded adjustment.
     *
     * @param fee        the ADJUSTMENT fee that bills an increase; null for a decrease
     * @param difference the signed difference (a decrease is negative)
     * @param documentId the adjustment invoice or credit note issued for it; null for NEXT_INVOICE
     */
    public record Adjustment(String reRatingId, String adjustmentId, LateUsageAdjustmentKind kind,
                             String originalInvoiceId, Money difference, FeeLine fee, String documentId) {
    }

    /**
     * The subscription's pending NEXT_INVOICE adjustments in the currency, oldest first, their rows locked
     * {@code FOR UPDATE} inside a transaction so that two invoices never bill one.
     */
    public List<Adjustment> pendingFor(String subscriptionId, CurrencyCode currency) {
        return jdbcTemplate.query("""
                SELECT * FROM late_usage_adjustment
                WHERE subscription_id = ? AND currency = ? AND status = 'PENDING' AND kind = 'NEXT_INVOICE'
                ORDER BY recorded_at, usage_from, adjustment_number FOR UPDATE""", (rs, i) -> adjustment(rs),
                subscriptionId, currency.name());
    }

    /** The adjustments of a re-rating that name an adjustment invoice or credit note, in order. */
    public List<Adjustment> issuedBy(String reRatingId) {
        return jdbcTemplate.query("""
                SELECT * FROM late_usage_adjustment
                WHERE re_rating_id = ? AND document_id IS NOT NULL ORDER BY adjustment_number""",
                (rs, i) -> adjustment(rs), reRatingId);
    }

    private static Adjustment adjustment(ResultSet rs) throws SQLException {
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        Money amount = Money.ofMinor(rs.getLong("amount_minor"), currency);
        FeeLine fee = null;
        if (!amount.isNegative() && !amount.isZero()) {
            BigDecimal units = rs.getBigDecimal("units");
            InvoiceLineUsage usage = units == null ? null
                    : new InvoiceLineUsage(units, rs.getLong("event_count"), rs.getString("digest"));
            fee = new FeeLine(new InvoiceLine(InvoiceLineType.ADJUSTMENT, rs.getString("description"),
                    BigDecimal.ONE, amount.toMajor(), amount, rs.getTimestamp("usage_from").toInstant(),
                    rs.getTimestamp("usage_to").toInstant(), null, rs.getString("original_invoice_id"), null, null,
                    List.of(), usage), null);
        }
        return new Adjustment(rs.getString("re_rating_id"), rs.getString("adjustment_id"),
                LateUsageAdjustmentKind.valueOf(rs.getString("kind")), rs.getString("original_invoice_id"), amount,
                fee, rs.getString("document_id"));
    }
}
