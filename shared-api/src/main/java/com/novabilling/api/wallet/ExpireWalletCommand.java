package com.novabilling.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent when the wallet's {@code expirationAt} comes (by the tenant's clock): void what remains and end the wallet.
 * Harmless when stale: a wallet that has no expiry, whose expiry was moved later, or that already ended is left as it
 * is.
 */
public record ExpireWalletCommand(@TargetAggregateIdentifier String walletId) {
}
