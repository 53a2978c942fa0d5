package com.novabilling.billing.invoice;

import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An item of a manually created invoice: {@code amount = round(quantity × unitAmount)}, once, HALF_UP. */
public record OneOffItem(String description, BigDecimal quantity, Money unitAmount) {

    public OneOffItem {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitAmount, "unitAmount");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("an item's quantity is above 0, not " + quantity.toPlainString());
        }
        if (unitAmount.isNegative()) {
            throw new IllegalArgumentException("an item's amount is never negative: " + unitAmount);
        }
    }

    public Money amount() {
        return Money.ofMinor(BigDecimal.valueOf(unitAmount.minor()).multiply(quantity)
                .setScale(0, RoundingMode.HALF_UP).longValueExact(), unitAmount.currency());
    }

    /** Its ITEM fee line. */
    public FeeLine fee() {
        return FeeLine.item(description, quantity, unitAmount.toMajor(), amount());
    }
}
