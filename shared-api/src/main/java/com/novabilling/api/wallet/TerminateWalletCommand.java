package com.novabilling.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code DELETE /wallets/{id}}: void the settled remainder now, fail pending purchases, and end the wallet. */
public record TerminateWalletCommand(@TargetAggregateIdentifier String walletId) {
}
