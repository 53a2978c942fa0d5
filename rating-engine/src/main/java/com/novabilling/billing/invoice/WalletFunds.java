package com.novabilling.billing.invoice;

import com.novabilling.api.money.Money;

import java.util.Objects;

/**
 * The seam for step 5 (docs/billing-rules.md §13.2, §15; issue 13): what one wallet may spend on this invoice, in the
 * order the wallets are to be drawn (priority, then age). The engine applies only the step's rule,
 * {@code applied = min(spendable, remaining)}; which wallets qualify, granted-before-purchased inside a wallet, the
 * transactions and the lock belong to the wallet feature. Until it exists, callers pass no wallets and nothing is
 * drawn.
 */
public record WalletFunds(String walletId, Money spendable) {

    public WalletFunds {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(spendable, "spendable");
        if (spendable.isNegative()) {
            throw new IllegalArgumentException("a wallet's spendable balance is never negative: " + spendable);
        }
    }
}
