/**
 * Aggregations (docs/billing-rules.md §1–§3): {@link com.novabilling.rating.aggregation.Aggregator} and the six
 * {@code *Aggregation} classes over a half-open {@link com.novabilling.rating.aggregation.Window}, the
 * {@link com.novabilling.rating.aggregation.CarriedState} of recurring metrics, reading event values
 * ({@link com.novabilling.rating.aggregation.EventValues}), and charge filter buckets
 * ({@link com.novabilling.rating.aggregation.BucketAssigner}, §4).
 */
package com.novabilling.rating.aggregation;
