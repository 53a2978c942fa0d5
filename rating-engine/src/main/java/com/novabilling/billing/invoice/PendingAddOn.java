package com.novabilling.billing.invoice;

import com.novabilling.api.money.Money;

import java.util.Objects;

/**
 * An add-on applied to the customer and not yet invoiced, as captured when applied (docs/billing-rules.md §9):
 * {@code amount = unitAmount × quantity}, exact.
 *
 * @param name the invoice display name, else the add-on's name
 */
public record PendingAddOn(String appliedAddOnId, String name, long quantity, Money unitAmount, Money amount) {

    public PendingAddOn {
        Objects.requireNonNull(appliedAddOnId, "appliedAddOnId");
        Objects.requireNonNull(unitAmount, "unitAmount");
        Objects.requireNonNull(amount, "amount");
    }

    /** Its ADD_ON fee line. */
    public FeeLine fee() {
        return FeeLine.addOn(appliedAddOnId, name == null ? appliedAddOnId : name, quantity, unitAmount, amount);
    }
}
