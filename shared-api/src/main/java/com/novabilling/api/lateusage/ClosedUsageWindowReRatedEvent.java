package com.novabilling.api.lateusage;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * Late usage re-rated the usage window of a finalized invoice and found a difference (docs/billing-rules.md §16). The
 * original invoice is unchanged; this event keeps the new rating ({@code reRatedLines}, each with its usage digest)
 * beside it.
 *
 * @param adjustmentId     this adjustment, derived from the re-rating and its number
 * @param adjustmentNumber 1 for the window's first adjustment, then 2…
 * @param billedBefore     what was billed for the window before (original usage + earlier adjustments), before tax
 * @param reRatedUsage     Σ {@code reRatedLines}
 * @param difference       {@code reRatedUsage − billedBefore}, before tax: more than 0 is billed, less is credited
 * @param kind             where the difference goes
 * @param documentId       the adjustment invoice or credit note issued for it; null for NEXT_INVOICE
 * @param adjustmentLine   the ADJUSTMENT line that bills an increase (absent for a credit note)
 */
public record ClosedUsageWindowReRatedEvent(
        String reRatingId,
        String originalInvoiceId,
        String subscriptionId,
        String customerId,
        CurrencyCode currency,
        InvoiceUsageWindow window,
        String adjustmentId,
        int adjustmentNumber,
        List<InvoiceLine> reRatedLines,
        Money billedBefore,
        Money reRatedUsage,
        Money difference,
        LateUsageAdjustmentKind kind,
        String documentId,
        InvoiceLine adjustmentLine,
        Instant reRatedAt) {
}
