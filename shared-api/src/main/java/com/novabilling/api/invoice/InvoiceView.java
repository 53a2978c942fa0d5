package com.novabilling.api.invoice;

import com.novabilling.api.money.CurrencyCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An invoice as the API answers it (issue 12 item 6); amounts in major units at the currency's scale.
 * {@code amount} is {@code total}, as existing clients read it; {@code invoiceNumber}, {@code issuedAt} and
 * {@code dueDate} (unless given at creation) are null while DRAFT.
 */
public record InvoiceView(
        String id,
        String invoiceNumber,
        InvoiceStatus status,
        String customerId,
        String subscriptionId,
        CurrencyCode currency,
        Instant periodStart,
        Instant periodEnd,
        Instant issuedAt,
        Instant dueDate,
        List<InvoiceLineView> lines,
        BigDecimal subtotal,
        BigDecimal discountAmount,
        BigDecimal taxAmount,
        BigDecimal total,
        BigDecimal amount,
        BigDecimal creditNotesAmount,
        BigDecimal walletAmount,
        BigDecimal amountPaid,
        BigDecimal amountDue,
        Instant paidAt,
        Instant voidedAt,
        String pdfUrl,
        String notes,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt) {
}
