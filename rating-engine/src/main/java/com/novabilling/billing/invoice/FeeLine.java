package com.novabilling.billing.invoice;

import com.novabilling.api.charge.ChargeEstimateLine;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A fee of step 1 (docs/billing-rules.md §13.2): an invoice line that is a fee, already rounded once, never negative,
 * and the tax rate it is taxed at when it has one of its own ({@code null}: the invoice's rate).
 */
public record FeeLine(InvoiceLine line, TaxRate ownTaxRate) {

    public FeeLine {
        Objects.requireNonNull(line, "line");
        if (!line.type().isFee()) {
            throw new IllegalArgumentException(line.type() + " is not a fee line");
        }
        if (line.amount().isNegative()) {
            throw new IllegalArgumentException("a fee is never negative (corrections are credit notes): "
                    + line.amount());
        }
    }

    public Money amount() {
        return line.amount();
    }

    public InvoiceLineType type() {
        return line.type();
    }

    /** The same fee taxed at its own rate instead of the invoice's. */
    public FeeLine taxedAt(TaxRate rate) {
        return new FeeLine(line, rate);
    }

    /** A SUBSCRIPTION line: the plan's base fee (or a prorated part of it) for {@code [from, to)}. */
    public static FeeLine subscription(String planId, String description, Money amount, Instant from, Instant to) {
        return new FeeLine(new InvoiceLine(InvoiceLineType.SUBSCRIPTION, description, BigDecimal.ONE,
                amount.toMajor(), amount, from, to, null, planId, null, null, List.of(), null), null);
    }

    /** A USAGE line: one charge's fee for one filter bucket over the window {@code [from, to)}. */
    public static FeeLine usage(String chargeId, String description, BigDecimal unitAmount, Money amount,
                                Instant from, Instant to, String bucket, List<ChargeEstimateLine> breakdown,
                                InvoiceLineUsage usage) {
        return new FeeLine(new InvoiceLine(InvoiceLineType.USAGE, description, usage.units(), unitAmount, amount,
                from, to, chargeId, chargeId, null, bucket, breakdown, usage), null);
    }

    /** An ADD_ON line: an add-on applied to the customer, {@code quantity × unitAmount}. */
    public static FeeLine addOn(String appliedAddOnId, String description, long quantity, Money unitAmount,
                                Money amount) {
        return new FeeLine(new InvoiceLine(InvoiceLineType.ADD_ON, description, BigDecimal.valueOf(quantity),
                unitAmount.toMajor(), amount, null, null, null, appliedAddOnId, null, null, List.of(), null), null);
    }

    /** An ITEM line of a one-off invoice. */
    public static FeeLine item(String description, BigDecimal quantity, BigDecimal unitAmount, Money amount) {
        return new FeeLine(new InvoiceLine(InvoiceLineType.ITEM, description, quantity, unitAmount, amount,
                null, null, null, null, null, null, List.of(), null), null);
    }
}
