package com.novabilling.api.invoice;

import java.math.BigDecimal;

/**
 * The usage a USAGE (or ADJUSTMENT) line priced, so that audit can re-derive it from the usage ledger: the units of
 * the line's bucket over the line's window, how many events went into them, and a digest of those events (their
 * transaction ids in ledger order).
 */
public record InvoiceLineUsage(BigDecimal units, long eventCount, String digest) {
}
