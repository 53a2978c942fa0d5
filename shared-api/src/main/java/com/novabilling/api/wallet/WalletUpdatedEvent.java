package com.novabilling.api.wallet;

import java.time.Instant;

/** The wallet's name, expiry or priority changed; every field holds the value now in force. */
public record WalletUpdatedEvent(String walletId, String name, Instant expirationAt, int priority) {
}
