package com.novabilling.api.plan;

import com.novabilling.api.charge.BillingTiming;

import java.util.List;
import java.util.Map;

/**
 * @param billingTiming          when the base fee is billed; null in events stored before issue 12, read as
 *                               IN_ADVANCE ({@link #effectiveBillingTiming()})
 * @param netPaymentTerms        days to pay the plan's invoices; null: not set by the plan (the tenant's applies)
 * @param invoiceGracePeriodDays days a draft invoice of the plan stays open; null: not set by the plan
 */
public record PlanCreatedEvent(
        String planId,
        String name,
        String code,
        String description,
        BillingInterval billingInterval,
        List<String> features,
        int trialDays,
        boolean active,
        Map<String, Object> metadata,
        List<PlanPrice> prices,
        BillingTiming billingTiming,
        Integer netPaymentTerms,
        Integer invoiceGracePeriodDays) {

    /** A plan created with no billing terms of its own, as every plan was before issue 12. */
    public PlanCreatedEvent(String planId, String name, String code, String description,
                            BillingInterval billingInterval, List<String> features, int trialDays, boolean active,
                            Map<String, Object> metadata, List<PlanPrice> prices) {
        this(planId, name, code, description, billingInterval, features, trialDays, active, metadata, prices,
                BillingTiming.IN_ADVANCE, null, null);
    }

    public BillingTiming effectiveBillingTiming() {
        return billingTiming == null ? BillingTiming.IN_ADVANCE : billingTiming;
    }
}
