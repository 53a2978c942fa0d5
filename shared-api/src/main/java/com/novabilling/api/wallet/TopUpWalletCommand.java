package com.novabilling.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * {@code POST /wallets/transactions}: buy, grant and/or void credits of an ACTIVE wallet, in that order (each null or
 * 0 when absent; at least one more than 0). Voided credits are taken from the settled balance, granted credit first.
 *
 * @param topUpId the request's idempotency key: the transactions' ids derive from it, so repeating a top-up with the
 *                same id and credits changes nothing, and with other credits is a conflict
 */
public record TopUpWalletCommand(@TargetAggregateIdentifier String walletId, String topUpId, BigDecimal paidCredits,
                                 BigDecimal grantedCredits, BigDecimal voidedCredits) {
}
