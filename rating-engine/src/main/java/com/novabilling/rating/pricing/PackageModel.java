package com.novabilling.rating.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** PACKAGE (docs/billing-rules.md §5.4): {@code ceil(max(0, units − freeUnits) / packageSize) × amount}. */
final class PackageModel {
    private PackageModel() {
    }

    static UnroundedFee price(PackagePricing pricing, BigDecimal units, String bucket) {
        BigDecimal freeUnits = Decimals.orZero(pricing.freeUnits());
        BigDecimal paid = Decimals.atLeastZero(units.subtract(freeUnits));
        BigDecimal packages = paid.divide(pricing.packageSize(), 0, RoundingMode.CEILING);
        BigDecimal packagePrice = Decimals.orZero(pricing.amount());
        BigDecimal amount = packages.multiply(packagePrice);
        String explanation = units.toPlainString() + " units − " + freeUnits.toPlainString() + " free = "
                + paid.toPlainString() + " paid → " + packages.toPlainString() + " package(s) of "
                + pricing.packageSize().toPlainString() + " × " + packagePrice.toPlainString();
        return UnroundedFee.of(List.of(new BreakdownLine(bucket, LineKind.PACKAGES, null, null, null, packages,
                packagePrice, BigDecimal.ZERO, amount, explanation)));
    }
}
