package com.novabilling.command.invoice;

import com.novabilling.command.billingterms.BillingTermsLookup;
import com.novabilling.command.subscription.SubscriptionLookup;
import org.springframework.stereotype.Component;

/**
 * Net payment terms from the billing terms (docs/billing-rules.md §7): the customer's, else the plan of the invoiced
 * subscription, else the tenant's.
 */
@Component
class TermsPaymentTerms implements InvoicePaymentTerms {

    private final BillingTermsLookup terms;
    private final SubscriptionLookup subscriptions;

    TermsPaymentTerms(BillingTermsLookup terms, SubscriptionLookup subscriptions) {
        this.terms = terms;
        this.subscriptions = subscriptions;
    }

    @Override
    public int netPaymentTermsDays(String customerId, String subscriptionId) {
        String planId = subscriptionId == null ? null
                : subscriptions.find(subscriptionId).map(SubscriptionLookup.SubscriptionFacts::planId).orElse(null);
        return terms.termsFor(customerId, planId).netPaymentTerms();
    }
}
