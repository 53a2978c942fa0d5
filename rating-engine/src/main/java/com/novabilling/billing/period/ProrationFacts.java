package com.novabilling.billing.period;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;

/**
 * How much of a period was used and how much remains at an instant, in whole seconds (docs/billing-rules.md §12):
 * the facts a prorated base fee is computed from. Paused time is neither used nor remaining: a period stretched by a
 * pause still bills its original length.
 *
 * @param periodSeconds    the period's billable length: {@code usedSeconds + remainingSeconds}
 * @param usedSeconds      from the period's start to the instant, less the seconds paused in between
 * @param remainingSeconds from the instant to the period's end
 */
public record ProrationFacts(long periodSeconds, long usedSeconds, long remainingSeconds) {

    public ProrationFacts {
        if (usedSeconds < 0 || remainingSeconds < 0 || periodSeconds != usedSeconds + remainingSeconds) {
            throw new IllegalArgumentException("inconsistent proration facts: period " + periodSeconds + " s, used "
                    + usedSeconds + " s, remaining " + remainingSeconds + " s");
        }
    }

    /**
     * The facts at {@code instant} in {@code period}, of which {@code pausedSeconds} (already added to its end) were
     * paused before {@code instant}.
     *
     * @throws IllegalArgumentException when the instant is outside {@code [start, end]} or the paused seconds do
     *                                  not fit before it
     */
    public static ProrationFacts at(BillingPeriod period, long pausedSeconds, Instant instant) {
        if (instant.isBefore(period.start()) || instant.isAfter(period.end())) {
            throw new IllegalArgumentException(instant + " is outside the period " + period);
        }
        long elapsed = Duration.between(period.start(), instant).getSeconds();
        if (pausedSeconds < 0 || pausedSeconds > elapsed) {
            throw new IllegalArgumentException(pausedSeconds + " paused seconds do not fit in the " + elapsed
                    + " s before " + instant);
        }
        long used = elapsed - pausedSeconds;
        long remaining = Duration.between(instant, period.end()).getSeconds();
        return new ProrationFacts(used + remaining, used, remaining);
    }

    /** The facts of a period used to its end. */
    public static ProrationFacts fullyUsed(BillingPeriod period, long pausedSeconds) {
        return at(period, pausedSeconds, period.end());
    }

    /** {@code remainingSeconds ÷ periodSeconds} at DECIMAL128 precision; 0 for an empty period. */
    public BigDecimal remainingFraction() {
        if (periodSeconds == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(remainingSeconds).divide(BigDecimal.valueOf(periodSeconds), MathContext.DECIMAL128);
    }
}
