package com.novabilling.api.plan;

import com.novabilling.api.charge.BillingTiming;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/**
 * {@code prices} in the order given; their ids are assigned by the caller. {@code billingTiming} null means
 * IN_ADVANCE; {@code netPaymentTerms} and {@code invoiceGracePeriodDays} null mean the tenant's.
 */
public record CreatePlanCommand(
        @TargetAggregateIdentifier String planId,
        String name,
        String code,
        String description,
        BillingInterval billingInterval,
        List<String> features,
        Integer trialDays,
        Boolean active,
        Map<String, Object> metadata,
        List<PlanPrice> prices,
        BillingTiming billingTiming,
        Integer netPaymentTerms,
        Integer invoiceGracePeriodDays) {

    /** A plan with no billing terms of its own (base fee in advance, the tenant's payment terms and grace period). */
    public CreatePlanCommand(String planId, String name, String code, String description,
                             BillingInterval billingInterval, List<String> features, Integer trialDays, Boolean active,
                             Map<String, Object> metadata, List<PlanPrice> prices) {
        this(planId, name, code, description, billingInterval, features, trialDays, active, metadata, prices, null,
                null, null);
    }
}
