package com.novabilling.command.invoice;

import com.novabilling.api.money.CurrencyCode;
import org.springframework.stereotype.Component;

import java.util.List;

/** No tax on one-off invoices until billing terms provide the rates (replace this bean then). */
@Component
public class NoInvoiceTaxRates implements InvoiceTaxRates {

    @Override
    public List<TaxRate> forOneOffInvoice(String customerId, CurrencyCode currency) {
        return List.of();
    }
}
