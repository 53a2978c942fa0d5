package com.novabilling.api.wallet;

import com.novabilling.api.money.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * One inbound (PURCHASED or GRANTED) transaction of a wallet as the spending rule sees it.
 *
 * @param amount    what it brought in ({@code credits × rateAmount}, rounded once)
 * @param remaining what later INVOICED and VOIDED transactions have not yet drawn from it
 */
public record InboundCredit(String transactionId, WalletTransactionType type, WalletTransactionStatus status,
                            Instant createdAt, Money amount, Money remaining) {

    public InboundCredit {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(remaining, "remaining");
        if (!type.inbound()) {
            throw new IllegalArgumentException("an inbound credit is PURCHASED or GRANTED, not " + type);
        }
    }

    public InboundCredit withRemaining(Money newRemaining) {
        return new InboundCredit(transactionId, type, status, createdAt, amount, newRemaining);
    }

    public InboundCredit withStatus(WalletTransactionStatus newStatus) {
        return new InboundCredit(transactionId, type, newStatus, createdAt, amount, remaining);
    }

    /** Settled and not yet wholly drawn. */
    public boolean spendable() {
        return status == WalletTransactionStatus.SETTLED && remaining.minor() > 0;
    }
}
