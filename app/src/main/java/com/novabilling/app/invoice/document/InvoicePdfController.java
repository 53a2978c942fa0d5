package com.novabilling.app.invoice.document;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.app.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /invoices/{id}/pdf}: the invoice as a PDF, or — with {@code Accept: application/json} — a signed link
 * to it that works without an API key for a limited time ({@code {url, expiresAt}}, the SDK's
 * {@code get_pdf().url}).
 */
@RestController
@RequestMapping("/invoices")
@Tag(name = ApiTags.INVOICES)
public class InvoicePdfController {

    private final ObjectProvider<InvoiceDocuments> documents;
    private final InvoicePdf pdf;
    private final InvoiceLinks links;

    public InvoicePdfController(ObjectProvider<InvoiceDocuments> documents, InvoicePdf pdf, InvoiceLinks links) {
        this.documents = documents;
        this.pdf = pdf;
        this.links = links;
    }

    @GetMapping("/{invoiceId}/pdf")
    @Operation(operationId = "getInvoicePdf", summary = "Download an invoice as PDF, or get a link to it",
            description = "The invoice as an A4 PDF (application/pdf; drafts are marked DRAFT and carry no number). "
                    + "With Accept: application/json the answer is {url, expiresAt} instead: a signed link to the PDF "
                    + "that works without an API key until expiresAt (one hour by default).")
    @ApiResponse(responseCode = "200", description = "The PDF, or a signed link to it", content = {
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = InvoicePdfLink.class))})
    public ResponseEntity<?> pdf(@PathVariable String invoiceId,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String tenantId = TenantContext.require();
        InvoiceDocument invoice = find(documents, tenantId, invoiceId)
                .orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        if (wantsJson(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(links.sign(tenantId, invoiceId));
        }
        return pdfResponse(invoice, pdf.render(invoice), false);
    }

    static java.util.Optional<InvoiceDocument> find(ObjectProvider<InvoiceDocuments> documents, String tenantId,
                                                    String invoiceId) {
        InvoiceDocuments source = documents.getIfAvailable();
        return source == null ? java.util.Optional.empty() : source.find(tenantId, invoiceId);
    }

    /**
     * The PDF, shown in the browser, saved as {@code INV-000001.pdf}; never stored by caches. Through a signed link
     * the page also sends no referrer (which would carry the link) and asks not to be indexed.
     */
    static ResponseEntity<byte[]> pdfResponse(InvoiceDocument invoice, byte[] bytes, boolean signedLink) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(invoice.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if (signedLink) {
            answer.header("Referrer-Policy", "no-referrer").header("X-Robots-Tag", "noindex, nofollow");
        }
        return answer.body(bytes);
    }

    /**
     * JSON when the client prefers {@code application/json} to {@code application/pdf}; wildcards count for neither,
     * so no Accept, {@code *}{@code /*} and an unreadable header all get the PDF.
     */
    static boolean wantsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double json = 0;
        double pdf = 0;
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    continue;
                }
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    json = Math.max(json, type.getQualityValue());
                } else if (type.isCompatibleWith(MediaType.APPLICATION_PDF)) {
                    pdf = Math.max(pdf, type.getQualityValue());
                }
            }
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException among others
            return false;
        }
        return json > pdf;
    }
}
