/**
 * Pricing (docs/billing-rules.md §5–§6): {@link com.novabilling.rating.pricing.ChargeCalculator} and the five charge
 * models, their {@link com.novabilling.rating.pricing.PricingProperties}, price ranges, breakdown lines, unit
 * rounding and the engine's decimal conventions ({@link com.novabilling.rating.pricing.Decimals}).
 */
package com.novabilling.rating.pricing;
