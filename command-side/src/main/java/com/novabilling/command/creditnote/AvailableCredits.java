package com.novabilling.command.creditnote;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.billing.invoice.AvailableCredit;

import java.util.List;

/**
 * The customer credit a new invoice may consume at docs/billing-rules.md §13.2 step 4: finalized CREDIT notes of the
 * customer in the invoice's currency with credit left, oldest first. Read in the invoicing command's transaction;
 * what the invoice takes is recorded with {@link com.novabilling.api.creditnote.ConsumeCreditNoteCommand}, one per
 * credit note drawn ({@code BalanceDraw}).
 */
public interface AvailableCredits {

    /**
     * The customer's available credit in {@code currency}, oldest first (issue instant, then number). Inside a
     * transaction the rows are locked until it ends ({@code FOR UPDATE}), so concurrent invoices of the customer
     * consume the same credit one after the other.
     */
    List<AvailableCredit> availableCredit(String customerId, CurrencyCode currency);
}
