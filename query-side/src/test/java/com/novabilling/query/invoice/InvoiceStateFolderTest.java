package com.novabilling.query.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit state of an invoice follows its lifecycle, as the read model does. */
class InvoiceStateFolderTest {

    private final ObjectMapper json = new ObjectMapper();
    private final InvoiceStateFolder folder = new InvoiceStateFolder();

    @Test
    void eachEventMovesTheStatusNumberAndAmounts() throws Exception {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state = folder.evolve(state, "InvoiceCreatedEvent", read("""
                {"invoiceId":"inv_1","customerId":"cus_1","currency":"KES","dueDate":null,"lines":[],
                 "totals":{"total":{"minor":1000,"currency":"KES"},"amountPaid":{"minor":0,"currency":"KES"},
                           "amountDue":{"minor":1000,"currency":"KES"}}}"""));
        assertThat(state.get("status").asText()).isEqualTo("DRAFT");
        assertThat(state.get("invoiceNumber").isNull()).isTrue();

        state = folder.evolve(state, "InvoiceFinalizedEvent", read("""
                {"invoiceId":"inv_1","invoiceNumber":"INV-000003","issuedAt":"2026-03-01T00:00:00Z",
                 "dueDate":"2026-03-31T00:00:00Z","totals":{"total":{"minor":1000,"currency":"KES"},
                 "amountPaid":{"minor":0,"currency":"KES"},"amountDue":{"minor":1000,"currency":"KES"}}}"""));
        assertThat(state.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(state.get("invoiceNumber").asText()).isEqualTo("INV-000003");
        assertThat(state.get("dueDate").asText()).isEqualTo("2026-03-31T00:00:00Z");

        state = folder.evolve(state, "InvoicePaymentRecordedEvent", read("""
                {"invoiceId":"inv_1","amount":{"minor":400,"currency":"KES"},"amountPaid":{"minor":400,"currency":"KES"},
                 "amountDue":{"minor":600,"currency":"KES"}}"""));
        assertThat(state.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(state.has("amount")).as("a payment's amount is not the invoice's").isFalse();
        assertThat(state.at("/totals/amountDue/minor").asLong()).isEqualTo(600);
        assertThat(state.at("/totals/amountPaid/minor").asLong()).isEqualTo(400);

        ObjectNode paid = folder.evolve(state, "InvoicePaidEvent", read("{\"paidAt\":\"2026-03-05T00:00:00Z\"}"));
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("paidAt").asText()).isEqualTo("2026-03-05T00:00:00Z");

        ObjectNode voided = folder.evolve(state, "InvoiceVoidedEvent", read("{\"voidedAt\":\"2026-03-06T00:00:00Z\"}"));
        assertThat(voided.get("status").asText()).isEqualTo("VOIDED");
        assertThat(voided.get("invoiceNumber").asText()).isEqualTo("INV-000003");
        assertThat(folder.supports("Invoice")).isTrue();
        assertThat(folder.supports("Subscription")).isFalse();
    }

    private JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }
}
