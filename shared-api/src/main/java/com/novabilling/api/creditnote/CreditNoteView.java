package com.novabilling.api.creditnote;

import com.novabilling.api.money.CurrencyCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A credit note as the API answers it; amounts in major units at the currency's scale. {@code amount} is the sum of
 * the items; {@code creditAmount} the customer credit a finalized CREDIT note made available and
 * {@code remainingAmount} what later invoices have not consumed of it; {@code offsetAmount} what a finalized OFFSET
 * note took off its invoice's amount due; {@code refundAmount} what a REFUND note refunds (0 until payments exist).
 */
public record CreditNoteView(
        String id,
        String creditNoteNumber,
        String invoiceId,
        String customerId,
        CurrencyCode currency,
        CreditNoteType type,
        CreditNoteReason reason,
        CreditNoteStatus status,
        BigDecimal amount,
        List<CreditNoteItemView> items,
        BigDecimal creditAmount,
        BigDecimal remainingAmount,
        BigDecimal offsetAmount,
        BigDecimal refundAmount,
        String description,
        Instant issuedAt,
        Instant voidedAt,
        Instant createdAt,
        Instant updatedAt) {
}
