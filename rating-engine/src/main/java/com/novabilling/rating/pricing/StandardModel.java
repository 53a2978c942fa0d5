package com.novabilling.rating.pricing;

import java.math.BigDecimal;
import java.util.List;

/** STANDARD (docs/billing-rules.md §5.1): {@code units × amount}. */
final class StandardModel {
    private StandardModel() {
    }

    static UnroundedFee price(StandardPricing pricing, BigDecimal units, String bucket) {
        BigDecimal unitPrice = Decimals.orZero(pricing.amount());
        BigDecimal amount = units.multiply(unitPrice);
        return UnroundedFee.of(List.of(new BreakdownLine(bucket, LineKind.UNIT_PRICE, null, null, null, units,
                unitPrice, BigDecimal.ZERO, amount, units.toPlainString() + " × " + unitPrice.toPlainString())));
    }
}
