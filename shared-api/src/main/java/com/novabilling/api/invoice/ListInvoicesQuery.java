package com.novabilling.api.invoice;

import java.time.Instant;

/**
 * Answered with a {@code PageResult<InvoiceView>}, newest first. {@code page} is 1-based; the filters are nullable
 * and combine (AND). {@code dateFrom} (inclusive) and {@code dateTo} (exclusive) bound the invoice's date: its issue
 * date once finalized, else its creation.
 */
public record ListInvoicesQuery(int page, int limit, InvoiceStatus status, String customerId, String subscriptionId,
                                Instant dateFrom, Instant dateTo) {
}
