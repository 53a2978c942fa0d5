package com.novabilling.api.wallet;

import com.novabilling.api.money.CurrencyCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * An ACTIVE wallet was created; its initial paid and granted credits follow as {@link WalletTransactionCreatedEvent}s.
 * Defaults are resolved: {@code rateAmount}, {@code priority} and {@code invoiceRequiresSuccessfulPayment} are the
 * values in force.
 */
public record WalletCreatedEvent(String walletId, String customerId, String name, CurrencyCode currency,
                                 BigDecimal rateAmount, int priority, Instant expirationAt,
                                 boolean invoiceRequiresSuccessfulPayment, Map<String, Object> metadata,
                                 Instant createdAt) {
}
