package com.novabilling.api.wallet;

import com.novabilling.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An invoice being finalized spends {@code amount} of the wallet's settled balance (docs/billing-rules.md §13.2 step
 * 5): one INVOICED transaction, drawn granted credit first, then purchased, oldest first. More than the settled
 * balance is refused (the caller computed {@code min(balance, remaining)} under the customer's lock). At most once
 * per invoice: repeating it with the same amount changes nothing, another amount is refused.
 */
public record ConsumeWalletCreditsCommand(@TargetAggregateIdentifier String walletId, String invoiceId,
                                          Money amount) {
}
