package com.novabilling.app.invoice.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.TestCatalog;
import com.novabilling.app.support.TestTenant;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Real invoices created over HTTP for the PDF and e-mail tests: a customer, a one-off invoice, its finalization. */
final class HttpInvoices {

    private final Api api;
    private final TestTenant tenant;
    private final TestCatalog catalog;

    HttpInvoices(Api api, TestTenant tenant, TestCatalog catalog) {
        this.api = api;
        this.tenant = tenant;
        this.catalog = catalog;
    }

    /** A customer named Jane Smith with a unique e-mail address, billed in {@code currency}. */
    String customer(String currency, String email) {
        return catalog.customer(Map.of("name", "Jane Smith", "email", email, "currency", currency, "country", "KE"));
    }

    String customer(String currency) {
        return customer(currency, "jane-" + UUID.randomUUID() + "@example.com");
    }

    /** A KES draft for the customer: 15,000.00 + 2,500.00 = KES 17,500.00 (seed 002's example). */
    JsonNode kesDraft(String customerId) {
        return draft(Map.of("customerId", customerId, "currency", "KES", "items", List.of(
                Map.of("description", "Pro Plan - Monthly", "amount", 15000, "quantity", 1),
                Map.of("description", "Additional API calls (500)", "amount", 2500, "quantity", 1)),
                "notes", "Thank you for your business!"));
    }

    /** A UGX draft: 3 × 19,667 = UGX 59,001. */
    JsonNode ugxDraft(String customerId) {
        return draft(Map.of("customerId", customerId, "currency", "UGX", "items", List.of(
                Map.of("description", "Setup", "amount", 19667, "quantity", 3))));
    }

    JsonNode draft(Map<String, Object> body) {
        Api.Response created = api.post("/api/invoices", tenant.apiKey(), body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    JsonNode finalize(String invoiceId) {
        Api.Response finalized = api.post("/api/invoices/" + invoiceId + "/finalize", tenant.apiKey(), null);
        assertThat(finalized.status()).as(finalized.text()).isEqualTo(200);
        return finalized.body();
    }

    /** A finalized KES invoice of a new customer. */
    JsonNode kesInvoice() {
        return finalize(kesDraft(customer("KES")).get("id").asText());
    }
}
