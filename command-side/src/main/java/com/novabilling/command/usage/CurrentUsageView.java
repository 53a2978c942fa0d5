package com.novabilling.command.usage;

import com.novabilling.api.charge.ChargeEstimateLine;
import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.metric.AggregationType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The open period's usage of a subscription, rated per charge of its plan in its currency (docs/billing-rules.md
 * §11): what the period-end invoice would bill for usage if the period ended now. Amounts in major units.
 *
 * @param from start of the open period
 * @param to   its end (exclusive); the cancellation instant for a subscription canceled within it
 */
public record CurrentUsageView(String subscriptionId, String planId, String currency, Instant from, Instant to,
                               BigDecimal amount, List<ChargeUsage> charges) {

    public CurrentUsageView {
        charges = List.copyOf(charges);
    }

    /** One charge's usage: units after metric rounding, its amount (each bucket rounded once) and the lines. */
    public record ChargeUsage(String chargeId, String billableMetricId, String code, AggregationType aggregationType,
                              ChargeModel chargeModel, BigDecimal units, BigDecimal amount,
                              List<ChargeEstimateLine> breakdown) {
        public ChargeUsage {
            breakdown = List.copyOf(breakdown);
        }
    }
}
