/**
 * The rating engine: plain Java, no framework, no I/O. It implements docs/billing-rules.md §1–§6.
 *
 * <p>This package holds the entry points and the definitions the rest of the application passes in:
 * {@link com.novabilling.rating.RatingEngine} — {@code rate(metric, charge, from, to, events, carried)} and
 * {@code priceUnits(charge, units)} — with its {@link com.novabilling.rating.RatingResult} and
 * {@link com.novabilling.rating.RatingException}, and {@link com.novabilling.rating.ChargeDefinitions}, which maps the
 * API's metric and charge shapes onto {@link com.novabilling.rating.MetricDefinition} and
 * {@link com.novabilling.rating.ChargeDefinition}. The rules themselves are in three sub-packages:
 *
 * <ul>
 *   <li>{@link com.novabilling.rating.aggregation} — the six aggregations over a half-open window, with the
 *       carried/closing state of recurring metrics, and charge filter buckets (most specific filter wins).</li>
 *   <li>{@link com.novabilling.rating.pricing} — the five charge models; each bucket's fee is rounded once, HALF_UP,
 *       to the currency exponent; breakdown lines, price ranges, unit rounding.</li>
 *   <li>{@link com.novabilling.rating.validation} — field errors for the REST layer's 400 responses.</li>
 * </ul>
 *
 * <p>Units and unit prices are {@link java.math.BigDecimal} at full precision; money is
 * {@link com.novabilling.api.money.Money}. No {@code double} or {@code float} anywhere.
 */
package com.novabilling.rating;
