package com.novabilling.api.wallet;

/**
 * Answered with a {@code PageResult<WalletTransactionView>} of one wallet, newest first, or a NotFoundException when
 * the wallet does not exist; {@code type} and {@code status} are nullable and combine (AND).
 */
public record ListWalletTransactionsQuery(String walletId, int page, int limit, WalletTransactionType type,
                                          WalletTransactionStatus status) {
}
