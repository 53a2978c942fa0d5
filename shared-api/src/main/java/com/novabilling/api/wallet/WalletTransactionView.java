package com.novabilling.api.wallet;

import com.novabilling.api.money.CurrencyCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One wallet transaction as the API answers it; amounts in major units at the currency's scale. PURCHASED and
 * GRANTED bring credit in, INVOICED and VOIDED take it out and name, in {@code draws}, the inbound transactions they
 * took it from ("12.00 of the 2026-03-01 grant of 15.00").
 *
 * @param amount    {@code credits × rateAmount}, rounded once (inbound); the amount taken (outbound)
 * @param invoiceId PURCHASED: its credit-purchase invoice; INVOICED: the invoice that spent it; else null
 * @param draws     INVOICED and VOIDED: the inbound transactions drawn from, in the order drawn; empty for inbound
 * @param settledAt when it counted in the balance (at once, or when its credit-purchase invoice was paid)
 * @param failedAt  when a PENDING purchase failed; null otherwise
 */
public record WalletTransactionView(
        String id,
        String walletId,
        String customerId,
        WalletTransactionType type,
        WalletTransactionStatus status,
        BigDecimal credits,
        BigDecimal amount,
        CurrencyCode currency,
        String invoiceId,
        List<WalletDrawView> draws,
        Instant createdAt,
        Instant settledAt,
        Instant failedAt) {
}
