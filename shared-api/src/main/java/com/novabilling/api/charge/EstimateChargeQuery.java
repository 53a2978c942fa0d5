package com.novabilling.api.charge;

import com.novabilling.api.money.CurrencyCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Prices {@code units}, or the {@code events} over the window {@code [from, to)}, with a charge; answered with a
 * {@link ChargeEstimateView}. Exactly one of {@code units} and {@code events} is set. {@code currency}, {@code from}
 * and {@code to} may be null (the charge's currency; the window around the events).
 */
public record EstimateChargeQuery(String chargeId, CurrencyCode currency, BigDecimal units, List<EstimateEvent> events,
                                  Instant from, Instant to) {
}
