package com.novabilling.api.wallet;

import com.novabilling.api.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Create an ACTIVE wallet of the customer in one currency (docs/billing-rules.md §15). Only {@code customerId} and
 * {@code currency} are required: {@code rateAmount} defaults to 1, credits to 0, {@code priority} to
 * {@link WalletCredits#DEFAULT_PRIORITY}, {@code invoiceRequiresSuccessfulPayment} to false. Paid and granted credits
 * given here become the wallet's first transactions, as a top-up would.
 *
 * @param rateAmount value of one credit in major units of {@code currency}, more than 0
 * @param expirationAt when what remains is voided and the wallet ends; null: never; otherwise in the future
 * @param priority     1 (spent first) to 50
 */
public record CreateWalletCommand(@TargetAggregateIdentifier String walletId, String customerId, String name,
                                  CurrencyCode currency, BigDecimal rateAmount, BigDecimal paidCredits,
                                  BigDecimal grantedCredits, Instant expirationAt, Integer priority,
                                  Boolean invoiceRequiresSuccessfulPayment, Map<String, Object> metadata) {
}
