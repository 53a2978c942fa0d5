package com.novabilling.api.wallet;

import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A wallet transaction was recorded.
 *
 * @param status    PENDING for a purchase waiting for its invoice to be paid; SETTLED otherwise
 * @param credits   the credits it moved ({@code amount ÷ rateAmount} for outbound transactions)
 * @param amount    {@code credits × rateAmount} rounded once (inbound), or the amount taken (outbound); &gt; 0
 * @param invoiceId PURCHASED: the id of its credit-purchase invoice (derived from the transaction id; the invoice
 *                  itself is created by whoever handles this event); INVOICED: the invoice that spent it; else null
 * @param draws     INVOICED and VOIDED: the inbound transactions it drew from, in the order drawn; empty for inbound
 * @param balance   the wallet's settled (spendable) balance afterwards
 */
public record WalletTransactionCreatedEvent(String walletId, String customerId, String transactionId,
                                            WalletTransactionType type, WalletTransactionStatus status,
                                            BigDecimal credits, Money amount, String invoiceId,
                                            List<WalletDraw> draws, Instant createdAt, Money balance) {

    public WalletTransactionCreatedEvent {
        draws = draws == null ? List.of() : List.copyOf(draws);
    }
}
