package com.novabilling.api.wallet;

import com.novabilling.api.money.CurrencyCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A wallet as the API answers it (docs/billing-rules.md §15); amounts in major units at the currency's scale.
 *
 * @param rateAmount      value of one credit in major units of {@code currency}
 * @param balance         the settled, spendable balance: what the settled inbound transactions have left
 * @param creditsBalance  {@code balance ÷ rateAmount}
 * @param pendingBalance  purchased credit waiting for its credit-purchase invoice to be paid (not spendable)
 * @param consumedAmount  what invoices spent from the wallet (INVOICED transactions; voided credit is not consumed)
 * @param consumedCredits the credits of those INVOICED transactions
 * @param priority        1 (spent first) to 50
 * @param terminatedAt    when it was terminated or expired; null while ACTIVE
 */
public record WalletView(
        String id,
        String customerId,
        String name,
        CurrencyCode currency,
        BigDecimal rateAmount,
        WalletStatus status,
        BigDecimal balance,
        BigDecimal creditsBalance,
        BigDecimal pendingBalance,
        BigDecimal consumedAmount,
        BigDecimal consumedCredits,
        int priority,
        Instant expirationAt,
        Instant terminatedAt,
        boolean invoiceRequiresSuccessfulPayment,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt) {
}
