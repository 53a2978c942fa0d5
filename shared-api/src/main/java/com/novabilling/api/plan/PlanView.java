package com.novabilling.api.plan;

import com.novabilling.api.charge.BillingTiming;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * @param billingTiming          when the base fee is billed (IN_ADVANCE unless the plan says otherwise)
 * @param netPaymentTerms        the plan's own payment terms in days; null when it leaves them to the tenant
 * @param invoiceGracePeriodDays the plan's own grace period in days; null when it leaves it to the tenant
 */
public record PlanView(
        String id,
        String name,
        String code,
        String description,
        BillingInterval billingInterval,
        List<String> features,
        int trialDays,
        BillingTiming billingTiming,
        Integer netPaymentTerms,
        Integer invoiceGracePeriodDays,
        boolean active,
        Map<String, Object> metadata,
        List<PlanPriceView> prices,
        Instant createdAt,
        Instant updatedAt) {
}
