package com.novabilling.app.invoice.document;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.app.tenant.TenantAccount;
import com.novabilling.app.tenant.TenantAccounts;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/public/invoices/{token}.pdf}: the PDF behind a signed link, without credentials (the route is
 * public in {@code RouteAccess}). A link that is malformed, tampered with, signed by another key, expired (on the
 * tenant's clock), of an inactive tenant, or of an invoice that no longer exists answers the same 404: the answer
 * never tells a guessed or altered link from a missing invoice, and a 403 would confirm that the link was once
 * real. Only an authentic link binds its tenant and starts its runtime.
 */
@Hidden
@RestController
@RequestMapping("/public/invoices")
public class PublicInvoicePdfController {

    private final InvoiceLinks links;
    private final TenantAccounts tenants;
    private final TenantRuntimeRegistry runtimes;
    private final ObjectProvider<InvoiceDocuments> documents;
    private final InvoicePdf pdf;

    public PublicInvoicePdfController(InvoiceLinks links, TenantAccounts tenants, TenantRuntimeRegistry runtimes,
                                      ObjectProvider<InvoiceDocuments> documents, InvoicePdf pdf) {
        this.links = links;
        this.tenants = tenants;
        this.runtimes = runtimes;
        this.documents = documents;
        this.pdf = pdf;
    }

    @GetMapping("/{token}" + InvoiceLinks.SUFFIX)
    public ResponseEntity<byte[]> pdf(@PathVariable String token) {
        InvoiceLinks.Claims claims = links.authenticate(token).orElseThrow(PublicInvoicePdfController::invalid);
        tenants.findById(claims.tenantId()).filter(TenantAccount::active).orElseThrow(PublicInvoicePdfController::invalid);
        try (TenantContext.Scope tenant = TenantContext.open(claims.tenantId());
             TenantRuntimeRegistry.Lease inUse = runtimes.lease(claims.tenantId())) {
            if (!links.unexpired(claims)) {
                throw invalid();
            }
            InvoiceDocument invoice = InvoicePdfController.find(documents, claims.tenantId(), claims.invoiceId())
                    .orElseThrow(PublicInvoicePdfController::invalid);
            return InvoicePdfController.pdfResponse(invoice, pdf.render(invoice), true);
        }
    }

    private static NotFoundException invalid() {
        return new LinkNotFoundException();
    }

    /** One answer for every link that does not lead to a PDF. */
    static final class LinkNotFoundException extends NotFoundException {
        LinkNotFoundException() {
            super("Invoice link", "");
        }

        @Override
        public String getMessage() {
            return "This invoice link is invalid or has expired";
        }
    }
}
