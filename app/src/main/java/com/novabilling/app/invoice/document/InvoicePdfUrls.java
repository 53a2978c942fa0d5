package com.novabilling.app.invoice.document;

import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceView;
import com.novabilling.api.query.PageResult;
import com.novabilling.app.tenancy.TenantContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.List;
import java.util.Optional;

/**
 * Fills in {@code pdfUrl} on every invoice the API answers — one invoice (get, create, finalize, void, mark-paid,
 * send-email) or a page of them (the lists) — with a fresh signed link ({@link InvoiceLinks}) to its PDF, computed
 * as the answer is written and never stored. Only an issued invoice (FINALIZED, PAID, VOIDED) has one; a draft's is
 * null (its PDF, marked DRAFT, is still at {@code GET /invoices/{id}/pdf}).
 */
@RestControllerAdvice
public class InvoicePdfUrls implements ResponseBodyAdvice<Object> {

    private final InvoiceLinks links;

    public InvoicePdfUrls(InvoiceLinks links) {
        this.links = links;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
                                  Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof InvoiceView invoice) {
            return withPdfUrl(invoice);
        }
        if (body instanceof PageResult<?> page && page.data().stream().anyMatch(InvoiceView.class::isInstance)) {
            List<Object> data = page.data().stream()
                    .map(item -> item instanceof InvoiceView invoice ? (Object) withPdfUrl(invoice) : item).toList();
            return new PageResult<>(data, page.meta());
        }
        return body;
    }

    /** The invoice with a fresh link to its PDF when it is issued, else with none. */
    public InvoiceView withPdfUrl(InvoiceView invoice) {
        Optional<String> tenantId = TenantContext.current();
        if (invoice.status() == null || invoice.status() == InvoiceStatus.DRAFT || tenantId.isEmpty()
                || invoice.id() == null) {
            return invoice.pdfUrl() == null ? invoice : invoice.withPdfUrl(null);
        }
        return invoice.withPdfUrl(links.sign(tenantId.get(), invoice.id()).url());
    }
}
