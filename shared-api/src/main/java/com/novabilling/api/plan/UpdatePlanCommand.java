package com.novabilling.api.plan;

import com.novabilling.api.charge.BillingTiming;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/** A partial update: every {@code null} field keeps its current value. */
public record UpdatePlanCommand(
        @TargetAggregateIdentifier String planId,
        String name,
        String code,
        String description,
        BillingInterval billingInterval,
        List<String> features,
        Integer trialDays,
        Boolean active,
        Map<String, Object> metadata,
        BillingTiming billingTiming,
        Integer netPaymentTerms,
        Integer invoiceGracePeriodDays) {

    /** An update that leaves the plan's billing terms as they are. */
    public UpdatePlanCommand(String planId, String name, String code, String description,
                             BillingInterval billingInterval, List<String> features, Integer trialDays, Boolean active,
                             Map<String, Object> metadata) {
        this(planId, name, code, description, billingInterval, features, trialDays, active, metadata, null, null,
                null);
    }
}
