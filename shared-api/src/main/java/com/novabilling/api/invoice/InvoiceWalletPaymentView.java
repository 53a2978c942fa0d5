package com.novabilling.api.invoice;

import com.novabilling.api.wallet.WalletDraw;
import com.novabilling.api.wallet.WalletTransactionType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What one wallet paid of an invoice at its finalization (docs/billing-rules.md §15, "which grant paid which
 * invoice"): its INVOICED transaction and the inbound transactions it drew from — "12.00 of the 2026-03-01 grant of
 * 15.00". Amounts in major units.
 */
public record InvoiceWalletPaymentView(String walletId, String transactionId, BigDecimal amount, BigDecimal credits,
                                       List<PaidFrom> paidFrom) {

    /** One inbound transaction drawn from, and how much. */
    public record PaidFrom(String transactionId, WalletTransactionType type, Instant createdAt,
                           BigDecimal transactionAmount, BigDecimal amount, BigDecimal credits, String description) {

        public static PaidFrom of(WalletDraw draw) {
            return new PaidFrom(draw.inboundTransactionId(), draw.inboundType(), draw.inboundCreatedAt(),
                    draw.inboundAmount().toMajor(), draw.amount().toMajor(), draw.credits(), draw.description());
        }
    }

    public InvoiceWalletPaymentView {
        paidFrom = paidFrom == null ? List.of() : List.copyOf(paidFrom);
    }
}
