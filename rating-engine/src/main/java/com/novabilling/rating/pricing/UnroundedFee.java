package com.novabilling.rating.pricing;

import java.math.BigDecimal;
import java.util.List;

/** What a charge model computes for one bucket, before the single rounding to the currency. */
record UnroundedFee(BigDecimal amount, List<BreakdownLine> lines) {
    UnroundedFee {
        lines = List.copyOf(lines);
    }

    static UnroundedFee of(List<BreakdownLine> lines) {
        BigDecimal total = lines.stream().map(BreakdownLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new UnroundedFee(total, lines);
    }
}
