package com.novabilling.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/audit/aggregates/{id}?asOf=} for the billing aggregates (issue 13 item 7): each shows the state it
 * had at the instant — a subscription before and after its pause and cancellation, an invoice before it was paid, a
 * credit note before it was issued.
 */
class AuditAsOfHttpTest extends IntegrationTest {

    @Test
    void aSubscriptionAsItStoodBeforeItsPauseAndCancellation() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("KES");
        String plan = catalog(t).plan("MONTHLY", "KES", 3000);
        String subscription = catalog(t).created("/api/subscriptions", Map.of("customerId", customer,
                "planId", plan));
        Instant active = tick();
        assertThat(api().post("/api/subscriptions/" + subscription + "/pause", t.apiKey(), null).status())
                .isEqualTo(200);
        Instant paused = tick();
        assertThat(api().post("/api/subscriptions/" + subscription + "/cancel", t.apiKey(),
                Map.of("cancelAt", "now")).status()).isEqualTo(200);

        assertThat(stateAsOf(t, subscription, active).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(stateAsOf(t, subscription, active).get("pausedAt").isNull()).isTrue();
        JsonNode whilePaused = stateAsOf(t, subscription, paused);
        assertThat(whilePaused.get("status").asText()).isEqualTo("PAUSED");
        assertThat(whilePaused.get("pausedAt").asText()).isNotBlank();
        JsonNode now = stateAsOf(t, subscription, null);
        assertThat(now.get("status").asText()).isEqualTo("CANCELED");
        assertThat(now.get("canceledAt").asText()).isNotBlank();
        assertThat(now.get("planId").asText()).isEqualTo(plan);
    }

    @Test
    void anInvoiceAsItStoodBeforeItWasPaidAndACreditNoteBeforeItWasIssued() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("KES");
        String invoice = catalog(t).created("/api/invoices", new HashMap<>(Map.of("customerId", customer,
                "items", List.of(Map.of("description", "Work", "amount", 1000, "quantity", 1)))));
        Instant draft = tick();
        assertThat(api().post("/api/invoices/" + invoice + "/finalize", t.apiKey(), null).status()).isEqualTo(200);
        String creditNote = catalog(t).created("/api/credit-notes", new HashMap<>(Map.of("invoiceId", invoice,
                "amount", 250, "reason", "OTHER", "type", "CREDIT")));
        Instant noteDraft = tick();
        assertThat(api().post("/api/credit-notes/" + creditNote + "/finalize", t.apiKey(), null).status())
                .isEqualTo(200);
        Instant unpaid = tick();
        Api.Response paid = api().post("/api/invoices/" + invoice + "/mark-paid", t.apiKey(), Map.of());
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);

        assertThat(stateAsOf(t, invoice, draft).get("status").asText()).isEqualTo("DRAFT");
        JsonNode beforePayment = stateAsOf(t, invoice, unpaid);
        assertThat(beforePayment.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(beforePayment.at("/totals/amountDue/minor").asLong()).isEqualTo(100_000);
        assertThat(beforePayment.get("invoiceNumber").asText()).isEqualTo("INV-000001");
        JsonNode afterPayment = stateAsOf(t, invoice, null);
        assertThat(afterPayment.get("status").asText()).isEqualTo("PAID");
        assertThat(afterPayment.at("/totals/amountDue/minor").asLong()).isZero();

        JsonNode noteThen = stateAsOf(t, creditNote, unpaid);
        assertThat(noteThen.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(noteThen.get("creditNoteNumber").asText()).isEqualTo("CN-000001");
        assertThat(noteThen.at("/remainingAmount/minor").asLong()).isEqualTo(25_000);
        assertThat(noteThen.at("/amount/minor").asLong()).isEqualTo(25_000);
        JsonNode noteDrafted = stateAsOf(t, creditNote, noteDraft);
        assertThat(noteDrafted.get("status").asText()).isEqualTo("DRAFT");
        assertThat(noteDrafted.get("creditNoteNumber").isNull()).isTrue();
    }

    private Instant tick() {
        clock.advance(Duration.ofSeconds(1));
        Instant at = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        return at;
    }

    private JsonNode stateAsOf(TestTenant t, String id, Instant asOf) {
        Api.Response r = api().get("/api/audit/aggregates/" + id + (asOf == null ? "" : "?asOf=" + asOf),
                t.apiKey());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().get("state");
    }
}
