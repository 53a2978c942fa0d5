package com.novabilling.api.wallet;

import java.time.Instant;

/**
 * The wallet ended (TERMINATED); any settled remainder was voided just before, and pending purchases failed.
 *
 * @param expired true when it ended because its {@code expirationAt} came, false when terminated by hand
 */
public record WalletTerminatedEvent(String walletId, String customerId, Instant terminatedAt, boolean expired) {
}
