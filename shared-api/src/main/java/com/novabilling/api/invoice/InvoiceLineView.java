package com.novabilling.api.invoice;

import com.novabilling.api.charge.ChargeEstimateLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An invoice line as the API shows it: {@code amount} in major units at the currency's scale, {@code unitAmount} at
 * the precision it was set; {@code usage} only on usage lines (and on an ADJUSTMENT, the re-rated usage);
 * {@code adjustedInvoiceId} only on an ADJUSTMENT line: the finalized invoice whose usage window late usage re-rated
 * (docs/billing-rules.md §16), the line's period being that window.
 */
public record InvoiceLineView(InvoiceLineType type, String description, BigDecimal quantity, BigDecimal unitAmount,
                              BigDecimal amount, Instant periodStart, Instant periodEnd, String chargeId,
                              List<ChargeEstimateLine> breakdown, InvoiceLineUsage usage,
                              String adjustedInvoiceId) {

    public static InvoiceLineView of(InvoiceLine line) {
        return new InvoiceLineView(line.type(), line.description(), line.quantity(), line.unitAmount(),
                line.amount().toMajor(), line.periodStart(), line.periodEnd(), line.chargeId(), line.breakdown(),
                line.usage(), line.type() == InvoiceLineType.ADJUSTMENT ? line.sourceId() : null);
    }
}
