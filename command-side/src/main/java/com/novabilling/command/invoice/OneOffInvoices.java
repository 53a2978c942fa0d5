package com.novabilling.command.invoice;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.CreateInvoiceCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.customer.CustomerLookup;
import com.novabilling.command.customer.CustomerLookup.CustomerFacts;
import com.novabilling.command.validation.AmountInput;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code POST /invoices} into the {@link CreateInvoiceCommand} of a one-off DRAFT: the currency (the request's,
 * else the customer's, else a 400 naming {@code currency}), the items checked in it (400 naming
 * {@code items[i].amount}), and the lines and totals computed by {@link OneOffInvoiceLines} with the tax rates of
 * {@link InvoiceTaxRates}. Reads the customer from the command side's lookup table, never a read model; the invoice
 * checks the customer again in its own transaction.
 */
@Component
public class OneOffInvoices {

    private final CustomerLookup customers;
    private final InvoiceTaxRates taxRates;

    public OneOffInvoices(CustomerLookup customers, InvoiceTaxRates taxRates) {
        this.customers = customers;
        this.taxRates = taxRates;
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
        List<OneOffInvoiceLines.Item> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            InvoiceItemRequest item = request.items().get(i);
            String field = "items[" + i + "].amount";
            AmountInput.problem(item.amount(), currency, field).ifPresentOrElse(errors::add, () -> items.add(
                    new OneOffInvoiceLines.Item(item.description().trim(),
                            AmountInput.toMoney(item.amount(), currency, field), item.quantity())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        OneOffInvoiceLines.Computed computed = OneOffInvoiceLines.compute(currency, items,
                taxRates.forOneOffInvoice(customerId, currency));
        return new CreateInvoiceCommand(invoiceId, customerId, null, currency, null, null, request.dueDate(),
                request.notes(), request.metadata(), computed.lines(), computed.totals(), null);
    }
}
