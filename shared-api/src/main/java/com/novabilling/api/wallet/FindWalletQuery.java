package com.novabilling.api.wallet;

/** Answered with the {@link WalletView}, or a NotFoundException. */
public record FindWalletQuery(String walletId) {
}
