package com.novabilling.app.invoice.document;

import java.util.Optional;

/**
 * Where the PDF and the e-mail find an invoice to render: its {@link InvoiceDocument} (the invoice's read model
 * joined with the tenant's name and the customer's name and e-mail), or empty when the tenant has no such invoice.
 * Called with the tenant bound ({@code TenantContext}) and its runtime leased, from a request or a signed link.
 * <p>
 * The invoice read model implements it; until it does, no bean exists and every PDF request answers 404.
 */
public interface InvoiceDocuments {

    Optional<InvoiceDocument> find(String tenantId, String invoiceId);
}
