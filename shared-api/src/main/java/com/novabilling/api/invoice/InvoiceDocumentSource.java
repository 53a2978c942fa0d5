package com.novabilling.api.invoice;

import java.util.List;

/**
 * What an invoice's PDF and e-mail are made from: the invoice as the API shows it, and its lines and totals in
 * minor units as its events carry them (with the tax names and rates, buckets and sources the view omits).
 */
public record InvoiceDocumentSource(InvoiceView invoice, List<InvoiceLine> lines, InvoiceTotals totals) {

    public InvoiceDocumentSource {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
