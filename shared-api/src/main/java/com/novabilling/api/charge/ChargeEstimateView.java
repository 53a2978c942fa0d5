package com.novabilling.api.charge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * @param units  units priced (summed over the filter buckets)
 * @param amount major units of {@code currency} at its exact scale; each bucket's fee is rounded once, HALF_UP
 * @param from   start of the window the events were aggregated over; null for an estimate of units
 * @param to     end (exclusive) of that window; null for an estimate of units
 */
public record ChargeEstimateView(BigDecimal units, BigDecimal amount, String currency, Instant from, Instant to,
                                 List<ChargeEstimateLine> breakdown) {
}
