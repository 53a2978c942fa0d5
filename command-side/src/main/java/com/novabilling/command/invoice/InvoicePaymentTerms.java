package com.novabilling.command.invoice;

/**
 * The net payment terms (days between issue and due date) of an invoice finalized without a due date of its own
 * (issue 12 item 2: customer → plan → tenant, the most specific wins): {@link TermsPaymentTerms}.
 */
public interface InvoicePaymentTerms {

    /**
     * @param customerId     the invoice's customer
     * @param subscriptionId its subscription, null for a one-off invoice
     * @return days, 0 or more
     */
    int netPaymentTermsDays(String customerId, String subscriptionId);
}
