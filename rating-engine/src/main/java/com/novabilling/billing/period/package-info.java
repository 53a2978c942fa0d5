/**
 * Billing periods, proration facts and pause stretching (docs/billing-rules.md §10, §12): plain Java, no framework,
 * no clock — every instant is a parameter. {@link com.novabilling.billing.period.BillingSchedule} computes period
 * boundaries, {@link com.novabilling.billing.period.ProrationFacts} the seconds used and remaining at a change,
 * {@link com.novabilling.billing.period.PlanChanges} whether a change is an upgrade. No money is computed here.
 */
package com.novabilling.billing.period;
