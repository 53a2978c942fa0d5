package com.novabilling.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The credit-purchase invoice of a PURCHASED transaction was paid: a PENDING purchase settles (its amount becomes
 * spendable). Settling a SETTLED purchase changes nothing (the default, settle-at-once case); a FAILED one is refused.
 */
public record SettleWalletPurchaseCommand(@TargetAggregateIdentifier String walletId, String transactionId) {
}
