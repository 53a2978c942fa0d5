package com.novabilling.api.charge;

import com.novabilling.api.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param billingTiming null means IN_ARREARS
 * @param currency      null means the plan's first price currency
 */
public record CreateChargeCommand(
        @TargetAggregateIdentifier String chargeId,
        String planId,
        String billableMetricId,
        BillingTiming billingTiming,
        CurrencyCode currency,
        ChargePricing pricing) {
}
