package com.novabilling.api.plan;

import com.novabilling.api.charge.BillingTiming;

import java.util.List;
import java.util.Map;

/**
 * The plan's descriptive fields and billing terms after the update (prices change through their own events). The
 * billing terms are null in events stored before issue 12: IN_ADVANCE and not set.
 */
public record PlanUpdatedEvent(
        String planId,
        String name,
        String code,
        String description,
        BillingInterval billingInterval,
        List<String> features,
        int trialDays,
        boolean active,
        Map<String, Object> metadata,
        BillingTiming billingTiming,
        Integer netPaymentTerms,
        Integer invoiceGracePeriodDays) {

    /** A plan with no billing terms of its own, as every plan was before issue 12. */
    public PlanUpdatedEvent(String planId, String name, String code, String description,
                            BillingInterval billingInterval, List<String> features, int trialDays, boolean active,
                            Map<String, Object> metadata) {
        this(planId, name, code, description, billingInterval, features, trialDays, active, metadata,
                BillingTiming.IN_ADVANCE, null, null);
    }

    public BillingTiming effectiveBillingTiming() {
        return billingTiming == null ? BillingTiming.IN_ADVANCE : billingTiming;
    }
}
