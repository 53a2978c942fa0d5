package com.novabilling.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The credit-purchase invoice of a PURCHASED transaction was voided: a PENDING purchase fails. Failing a FAILED one
 * changes nothing; a SETTLED one is refused (its credit may have been spent: void credits instead).
 */
public record FailWalletPurchaseCommand(@TargetAggregateIdentifier String walletId, String transactionId) {
}
