package com.novabilling.api.wallet;

/** Answered with a {@code PageResult<WalletView>}, newest first; the filters are nullable and combine (AND). */
public record ListWalletsQuery(int page, int limit, String customerId, WalletStatus status) {
}
