package com.novabilling.api.plan;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.metadata.Metadata;

import java.util.List;
import java.util.Map;

import static com.novabilling.api.patch.Patch.or;

/**
 * Everything a plan is apart from its id and prices: what its events carry whole, its aggregate decides on and its
 * view shows. A plain new field of plans goes here, into the two request bodies and into the read model's table
 * (docs/new-feature-checklist.md §2). {@code netPaymentTerms} and {@code invoiceGracePeriodDays} are null where the
 * plan leaves them to the tenant (docs/billing-rules.md §7); in an {@link UpdatePlanCommand} every null component
 * means "unchanged".
 */
public record PlanDetails(String name, String code, String description, BillingInterval billingInterval,
                          List<String> features, Integer trialDays, BillingTiming billingTiming,
                          Integer netPaymentTerms, Integer invoiceGracePeriodDays, Boolean active,
                          Map<String, Object> metadata) {

    /**
     * As stored: features and metadata never null, no trial and active unless said, billed IN_ADVANCE unless said
     * (events stored before issue 12 have no billing timing).
     */
    public PlanDetails normalized() {
        return new PlanDetails(name, code, description, billingInterval,
                features == null ? List.of() : List.copyOf(features), trialDays == null ? 0 : trialDays,
                billingTiming == null ? BillingTiming.IN_ADVANCE : billingTiming, netPaymentTerms,
                invoiceGracePeriodDays, active == null || active, Metadata.copyOf(metadata));
    }

    /** These details with every non-null component of {@code changes} in place of this one's (lists and maps whole). */
    public PlanDetails with(PlanDetails changes) {
        return new PlanDetails(or(changes.name, name), or(changes.code, code), or(changes.description, description),
                or(changes.billingInterval, billingInterval), or(changes.features, features),
                or(changes.trialDays, trialDays), or(changes.billingTiming, billingTiming),
                or(changes.netPaymentTerms, netPaymentTerms),
                or(changes.invoiceGracePeriodDays, invoiceGracePeriodDays), or(changes.active, active),
                or(changes.metadata, metadata)).normalized();
    }
}
