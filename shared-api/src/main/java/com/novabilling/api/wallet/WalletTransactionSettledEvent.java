package com.novabilling.api.wallet;

import com.novabilling.api.money.Money;

import java.time.Instant;

/**
 * A PENDING purchase settled (its credit-purchase invoice was paid): {@code amount} became spendable.
 *
 * @param balance the wallet's settled balance afterwards
 */
public record WalletTransactionSettledEvent(String walletId, String customerId, String transactionId, Money amount,
                                            Instant settledAt, Money balance) {
}
