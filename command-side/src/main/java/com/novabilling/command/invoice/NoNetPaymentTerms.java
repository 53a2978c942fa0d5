package com.novabilling.command.invoice;

import org.springframework.stereotype.Component;

/** Invoices are due on issue until billing terms provide net payment terms (replace this bean then). */
@Component
public class NoNetPaymentTerms implements InvoicePaymentTerms {

    @Override
    public int netPaymentTermsDays(String customerId, String subscriptionId) {
        return 0;
    }
}
