package com.novabilling.billing.invoice;

import com.novabilling.api.money.Money;
import com.novabilling.billing.period.ProrationFacts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one proration rule (docs/billing-rules.md §12): by the second,
 * {@code remainingPart = round_half_up(price × remainingSeconds ÷ periodSeconds)} computed once from the exact
 * quotient, and {@code usedPart = price − remainingPart}, so the two always add up to the price.
 */
public final class Proration {

    private Proration() {
    }

    /** The part of {@code price} for the seconds remaining; 0 for an empty period. */
    public static Money remainingPart(Money price, ProrationFacts facts) {
        if (facts.periodSeconds() == 0) {
            return Money.zero(price.currency());
        }
        long minor = BigDecimal.valueOf(price.minor()).multiply(BigDecimal.valueOf(facts.remainingSeconds()))
                .divide(BigDecimal.valueOf(facts.periodSeconds()), 0, RoundingMode.HALF_UP).longValueExact();
        return Money.ofMinor(minor, price.currency());
    }

    /** The complement: {@code price − remainingPart}. */
    public static Money usedPart(Money price, ProrationFacts facts) {
        return price.minus(remainingPart(price, facts));
    }
}
