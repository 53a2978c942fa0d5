package com.novabilling.api.lateusage;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceUsageWindow;

import java.time.Instant;
import java.util.List;

/**
 * Late usage re-rated the usage window of a finalized invoice to the money already billed for it but from other
 * events (a zero value, a UNIQUE_COUNT repeat): nothing is billed or credited, and the window's rating as it stands
 * now ({@code reRatedLines}, with their event counts and usage digests) is kept beside the original invoice, as a
 * re-rating with a difference keeps it (docs/billing-rules.md §16).
 */
public record ClosedUsageWindowReRatedWithoutDifferenceEvent(
        String reRatingId,
        String originalInvoiceId,
        String subscriptionId,
        InvoiceUsageWindow window,
        List<InvoiceLine> reRatedLines,
        Instant reRatedAt) {
}
