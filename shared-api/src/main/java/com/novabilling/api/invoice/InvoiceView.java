package com.novabilling.api.invoice;

import com.novabilling.api.money.CurrencyCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An invoice as the API answers it (issue 12 item 6); amounts in major units at the currency's scale.
 * {@code amount} is {@code total}, as existing clients read it; {@code invoiceNumber}, {@code issuedAt} and
 * {@code dueDate} (unless given at creation) are null while DRAFT. {@code pdfUrl} is not stored: the API fills it
 * in when it answers (a fresh signed link for an issued invoice, null for a draft). {@code emailAttempts} lists every
 * attempt to e-mail the invoice, oldest first; {@code walletPayments} what each wallet paid at finalization and from
 * which of its grants and purchases.
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
        Instant updatedAt,
        List<InvoiceEmailAttemptView> emailAttempts,
        List<InvoiceWalletPaymentView> walletPayments) {

    public InvoiceView {
        emailAttempts = emailAttempts == null ? List.of() : List.copyOf(emailAttempts);
        walletPayments = walletPayments == null ? List.of() : List.copyOf(walletPayments);
    }

    /** The same invoice answered with this PDF link. */
    public InvoiceView withPdfUrl(String url) {
        return new InvoiceView(id, invoiceNumber, status, customerId, subscriptionId, currency, periodStart, periodEnd,
                issuedAt, dueDate, lines, subtotal, discountAmount, taxAmount, total, amount, creditNotesAmount,
                walletAmount, amountPaid, amountDue, paidAt, voidedAt, url, notes, metadata, createdAt, updatedAt,
                emailAttempts, walletPayments);
    }
}
