package com.novabilling.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** {@code PATCH /wallets/{id}} of an ACTIVE wallet; a null field is left as it is. */
public record UpdateWalletCommand(@TargetAggregateIdentifier String walletId, String name, Instant expirationAt,
                                  Integer priority) {
}
