package com.novabilling.app.support;

import com.novabilling.app.invoice.document.InvoiceDocument;
import com.novabilling.app.invoice.document.InvoiceDocuments;
import com.novabilling.app.tenancy.TenantContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Invoice documents for HTTP tests on a branch where the invoice read model does not exist yet (a test double of it):
 * a test registers a tenant's invoice document here, and the PDF routes find it. Documents not registered here are
 * asked of the application's own {@link InvoiceDocuments}, when there is one, so other tests see no difference. It
 * insists on the lookup's contract: the tenant asked for is the one bound to the thread. Once the invoice read model
 * implements {@link InvoiceDocuments}, tests can create invoices over HTTP and this class can go.
 */
public final class TestInvoiceDocuments implements InvoiceDocuments {

    private final Map<String, InvoiceDocument> documents = new ConcurrentHashMap<>();
    private final ObjectProvider<InvoiceDocuments> sources;

    TestInvoiceDocuments(ObjectProvider<InvoiceDocuments> sources) {
        this.sources = sources;
    }

    public void put(String tenantId, InvoiceDocument document) {
        documents.put(tenantId + "/" + document.invoiceId(), document);
    }

    @Override
    public Optional<InvoiceDocument> find(String tenantId, String invoiceId) {
        if (!TenantContext.current().equals(Optional.of(tenantId))) {
            throw new IllegalStateException("invoice documents of " + tenantId + " looked up with "
                    + TenantContext.current().orElse("no tenant") + " bound");
        }
        InvoiceDocument document = documents.get(tenantId + "/" + invoiceId);
        if (document != null) {
            return Optional.of(document);
        }
        return sources.orderedStream().filter(source -> source != this).findFirst()
                .flatMap(source -> source.find(tenantId, invoiceId));
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        TestInvoiceDocuments testInvoiceDocuments(ObjectProvider<InvoiceDocuments> sources) {
            return new TestInvoiceDocuments(sources);
        }
    }
}
