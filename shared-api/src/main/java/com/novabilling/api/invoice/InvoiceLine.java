package com.novabilling.api.invoice;

import com.novabilling.api.charge.ChargeEstimateLine;
import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of an invoice (docs/billing-rules.md §6.2). {@code amount} is rounded once, HALF_UP, to the currency's
 * decimals, and is negative for DISCOUNT, CREDIT_NOTE and WALLET lines; an invoice's totals are sums of its lines'
 * amounts.
 *
 * @param quantity    units or items priced (1 for a base fee); null where it means nothing (TAX, DISCOUNT)
 * @param unitAmount  the price of one unit in major units, at the precision it was set (may be finer than the
 *                    currency: 0.0025 KES per call); null where it means nothing
 * @param periodStart start of the period or usage window the line bills; null for one-off items
 * @param periodEnd   end (exclusive) of that period or window
 * @param chargeId    the charge of a USAGE or ADJUSTMENT line, else null
 * @param sourceId    what the line comes from: the plan (SUBSCRIPTION), the add-on application (ADD_ON), the applied
 *                    coupon (DISCOUNT), the credit note (CREDIT_NOTE), the wallet (WALLET), the tax name (TAX)
 * @param taxRate     the percentage of a TAX line (16 for VAT 16 %), else null
 * @param bucket      the charge filter bucket of a USAGE line ({@code region=[eu]} or {@code default}), else null
 * @param breakdown   how a USAGE line's amount was reached (tiers, packages…); empty for other lines
 * @param usage       the units, event count and digest a USAGE line priced; null for other lines
 */
public record InvoiceLine(
        InvoiceLineType type,
        String description,
        BigDecimal quantity,
        BigDecimal unitAmount,
        Money amount,
        Instant periodStart,
        Instant periodEnd,
        String chargeId,
        String sourceId,
        BigDecimal taxRate,
        String bucket,
        List<ChargeEstimateLine> breakdown,
        InvoiceLineUsage usage) {

    public InvoiceLine {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
    }
}
