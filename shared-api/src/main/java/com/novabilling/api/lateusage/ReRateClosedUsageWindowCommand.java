package com.novabilling.api.lateusage;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Late usage re-rated the usage window of a finalized invoice (docs/billing-rules.md §16): record the difference
 * between {@code reRatedLines} and what is billed for the window so far (the original invoice's usage, then every
 * earlier adjustment). A re-rating to the same money from other events records the new rating only; one that finds
 * the rating already recorded records nothing, so re-rating twice adds nothing.
 *
 * @param reRatingId        the window's re-rating record, derived from the original invoice's id
 * @param originalUsage     Σ of the original invoice's USAGE lines (what it billed for the window, before tax)
 * @param originalRating    the fingerprint of the original invoice's USAGE lines; null for invoices recorded before
 *                          it was kept
 * @param reRatedLines      the window's USAGE lines as the ledger rates them now, with their usage digests
 * @param policy            the tenant's policy for an increase
 * @param subscriptionEnded whether the subscription has no next invoice (an increase then has an invoice of its own)
 */
public record ReRateClosedUsageWindowCommand(
        @TargetAggregateIdentifier String reRatingId,
        String originalInvoiceId,
        String subscriptionId,
        String customerId,
        CurrencyCode currency,
        InvoiceUsageWindow window,
        Money originalUsage,
        String originalRating,
        List<InvoiceLine> reRatedLines,
        LateUsagePolicy policy,
        boolean subscriptionEnded,
        Instant reRatedAt) {
}
