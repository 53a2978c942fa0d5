package com.novabilling.command.invoice;

import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.billing.invoice.FeeLine;

import java.util.List;

/**
 * The usage of an invoice's window as the usage ledger has it now, priced by the window's plan (docs/billing-rules.md
 * §13.3): what a draft is re-rated with. A handler parameter of {@link Invoice}, answered from the tenant's database in
 * the command's transaction.
 */
public interface DraftInvoiceUsage {

    List<FeeLine> usageLines(String subscriptionId, CurrencyCode currency, InvoiceUsageWindow window);
}
