/**
 * The rating engine: plain Java, no framework, no I/O. It implements docs/billing-rules.md §1–§6.
 *
 * <ul>
 *   <li>{@link com.novabilling.rating.RatingEngine} — facade: {@code rate(metric, charge, from, to, events, carried)}
 *       and {@code priceUnits(charge, units)}.</li>
 *   <li>{@link com.novabilling.rating.Aggregator} — the six aggregations over a half-open window, with the
 *       carried/closing state of recurring metrics.</li>
 *   <li>{@link com.novabilling.rating.BucketAssigner} — charge filter buckets (most specific filter wins).</li>
 *   <li>{@link com.novabilling.rating.ChargeCalculator} — the five charge models; each bucket's fee is rounded once,
 *       HALF_UP, to the currency exponent.</li>
 *   <li>{@link com.novabilling.rating.MetricValidator}, {@link com.novabilling.rating.ChargeConfigValidator},
 *       {@link com.novabilling.rating.PricingValidator}, {@link com.novabilling.rating.RangeValidator} — field
 *       errors for the REST layer's 400 responses.</li>
 * </ul>
 *
 * <p>Units and unit prices are {@link java.math.BigDecimal} at full precision; money is
 * {@link com.novabilling.api.money.Money}. No {@code double} or {@code float} anywhere.
 */
package com.novabilling.rating;
