package com.novabilling.app.invoice.document;

import java.util.Optional;

/**
 * Where the PDF and the e-mail find an invoice to render: its {@link InvoiceDocument} (the invoice's read model
 * joined with the tenant's name and the customer's name and e-mail), or empty when the tenant has no such invoice.
 * Called with the tenant bound ({@code TenantContext}) and its runtime leased, from a request or a signed link.
 * <p>
 * {@link ReadModelInvoiceDocuments} implements it on the invoice and customer read models.
 */
public interface InvoiceDocuments {

    Optional<InvoiceDocument> find(String tenantId, String invoiceId);
}
