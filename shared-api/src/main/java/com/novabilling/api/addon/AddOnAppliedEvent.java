package com.novabilling.api.addon;

import com.novabilling.api.money.Money;

/**
 * An add-on applied to a customer, waiting for the customer's next invoice. It captures the add-on's name, code and
 * price at the time, so it stays billable when the add-on is later changed or deleted.
 *
 * @param subscriptionId nullable
 * @param amount         {@code unitAmount × quantity}
 */
public record AddOnAppliedEvent(
        String appliedAddOnId,
        String addOnId,
        String addOnCode,
        String name,
        String invoiceDisplayName,
        String customerId,
        String subscriptionId,
        int quantity,
        Money unitAmount,
        Money amount) {
}
