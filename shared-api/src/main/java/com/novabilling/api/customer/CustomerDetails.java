package com.novabilling.api.customer;

import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.api.metadata.Metadata;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import static com.novabilling.api.patch.Patch.or;

/**
 * Everything a customer is apart from its id: what its events carry whole, its aggregate decides on and its view
 * shows. A plain new field of customers goes here, into the two request bodies and into the read model's table
 * (docs/new-feature-checklist.md §1). The billing terms (docs/billing-rules.md §7) are null where the customer leaves
 * them to its plan or tenant; in an {@link UpdateCustomerCommand} every null component means "unchanged".
 */
public record CustomerDetails(String externalId, String name, String email, String country, String currency,
                              Integer netPaymentTerms, BigDecimal taxRate, String taxName,
                              Map<String, Object> metadata) {

    /** As stored: the email trimmed and lower case, the tax rate canonical (16, 7.5), the metadata never null. */
    public CustomerDetails normalized() {
        return new CustomerDetails(externalId, name, email == null ? null : email.trim().toLowerCase(Locale.ROOT),
                country, currency, netPaymentTerms, BillingTerms.canonicalRate(taxRate), taxName,
                Metadata.copyOf(metadata));
    }

    /** These details with every non-null component of {@code changes} in place of this one's; a present metadata replaces it whole. */
    public CustomerDetails with(CustomerDetails changes) {
        return new CustomerDetails(or(changes.externalId, externalId), or(changes.name, name),
                or(changes.email, email), or(changes.country, country), or(changes.currency, currency),
                or(changes.netPaymentTerms, netPaymentTerms), or(changes.taxRate, taxRate),
                or(changes.taxName, taxName), or(changes.metadata, metadata)).normalized();
    }
}
