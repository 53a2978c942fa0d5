package com.novabilling.command.invoice;

import com.novabilling.billing.invoice.ComputedInvoice;
import com.novabilling.billing.invoice.OneOffInvoice;
import com.novabilling.billing.invoice.OneOffInvoiceFacts;
import com.novabilling.billing.invoice.OneOffItem;
import com.novabilling.command.billingterms.BillingTermsLookup;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.CreateInvoiceCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.customer.CustomerLookup;
import com.novabilling.command.customer.CustomerLookup.CustomerFacts;
import com.novabilling.command.validation.AmountInput;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code POST /invoices} into the {@link CreateInvoiceCommand} of a one-off DRAFT: the currency (the request's,
 * else the customer's, else a 400 naming {@code currency}), the items checked in it (400 naming
 * {@code items[i].amount}), and the lines and totals computed by the billing engine ({@link OneOffInvoice}) with the
 * customer's tax (billing terms: the customer's rate, else the tenant's). Reads the customer from the command side's lookup table, never a read model; the invoice
 * checks the customer again in its own transaction.
 */
@Component
public class OneOffInvoices {

    private final CustomerLookup customers;
    private final BillingTermsLookup terms;

    public OneOffInvoices(CustomerLookup customers, BillingTermsLookup terms) {
        this.customers = customers;
        this.terms = terms;
    }

    public CreateInvoiceCommand toCommand(String invoiceId, CreateInvoiceRequest request) {
        String customerId = request.customerId().trim();
        CustomerFacts customer = customers.find(customerId)
                .orElseThrow(() -> new NotFoundException("Customer", customerId));
        CurrencyCode currency = CurrencyCode.parse(request.currency()).orElse(customer.currency());
        if (currency == null) {
            throw new ValidationException("currency", "is required: customer " + customerId + " has no currency");
        }
        List<FieldError> errors = new ArrayList<>();
        List<OneOffItem> items = new ArrayList<>();
        BigDecimal subtotalMinor = BigDecimal.ZERO;
        for (int i = 0; i < request.items().size(); i++) {
            InvoiceItemRequest item = request.items().get(i);
            String field = "items[" + i + "].amount";
            var problem = AmountInput.problem(item.amount(), currency, field);
            if (problem.isPresent()) {
                errors.add(problem.get());
                continue;
            }
            OneOffItem oneOff = new OneOffItem(item.description().trim(), BigDecimal.valueOf(item.quantity()),
                    AmountInput.toMoney(item.amount(), currency, field));
            BigDecimal minor = BigDecimal.valueOf(oneOff.unitAmount().minor()).multiply(oneOff.quantity());
            subtotalMinor = subtotalMinor.add(minor);
            if (minor.compareTo(Money.MAX_MINOR) > 0 || subtotalMinor.compareTo(Money.MAX_MINOR) > 0) {
                errors.add(new FieldError("items[" + i + "].quantity",
                        "amount × quantity exceeds the largest amount NovaBilling holds"));
                continue;
            }
            items.add(oneOff);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ComputedInvoice computed = OneOffInvoice.compute(new OneOffInvoiceFacts(currency, items,
                BillingTermsLookup.taxRateOf(terms.termsFor(customerId, null)), List.of(), List.of()));
        return new CreateInvoiceCommand(invoiceId, customerId, null, currency, null, null, request.dueDate(),
                request.notes(), request.metadata(), computed.lines(), computed.totals(), null, null, false);
    }
}
