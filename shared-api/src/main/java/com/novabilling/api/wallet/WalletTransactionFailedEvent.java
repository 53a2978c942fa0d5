package com.novabilling.api.wallet;

import com.novabilling.api.money.Money;

import java.time.Instant;

/**
 * A PENDING purchase failed: its credit-purchase invoice was voided, or the wallet ended while it was pending. Its
 * amount never became spendable.
 *
 * @param invoiceId the purchase's credit-purchase invoice
 */
public record WalletTransactionFailedEvent(String walletId, String customerId, String transactionId,
                                           String invoiceId, Money amount, Instant failedAt) {
}
