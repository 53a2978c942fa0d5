package com.novabilling.billing.invoice;

import com.novabilling.api.money.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * A finalized CREDIT credit note of the customer with credit left (docs/billing-rules.md §14): consumed at step 4,
 * oldest first ({@code issuedAt}, then the order given).
 *
 * @param number the credit note's number ({@code CN-000001}), printed on the line; may be null
 */
public record AvailableCredit(String creditNoteId, String number, Instant issuedAt, Money remaining) {

    public AvailableCredit {
        Objects.requireNonNull(creditNoteId, "creditNoteId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(remaining, "remaining");
        if (remaining.isNegative()) {
            throw new IllegalArgumentException("remaining credit is never negative: " + remaining);
        }
    }
}
