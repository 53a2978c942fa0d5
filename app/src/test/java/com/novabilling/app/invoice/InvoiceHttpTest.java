package com.novabilling.app.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.InvoiceAnswers;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice endpoints of issue 12 items 4–6 (one-off invoices), over HTTP (docs/billing-rules.md §6). */
class InvoiceHttpTest extends IntegrationTest {

    /** Seed 002's "Create an Invoice" example, verbatim but for the customer id. */
    private static Map<String, Object> seedExample(String customerId) {
        return Map.of("customerId", customerId,
                "items", List.of(Map.of("description", "Pro Plan - Monthly", "amount", 15000, "quantity", 1),
                        Map.of("description", "Additional API calls (500)", "amount", 2500, "quantity", 1)),
                "dueDate", "2025-02-28T00:00:00Z",
                "notes", "Thank you for your business!");
    }

    @Test
    void theSeedsExampleIsCreatedFinalizedAndVoided() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("KES");

        Api.Response created = api().post("/api/invoices", t.apiKey(), seedExample(customer));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode draft = created.body();
        String id = draft.get("id").asText();
        assertThat(id).startsWith("inv_");
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("invoiceNumber").isNull()).isTrue();
        assertThat(draft.get("customerId").asText()).isEqualTo(customer);
        assertThat(draft.get("subscriptionId").isNull()).isTrue();
        assertThat(draft.get("currency").asText()).isEqualTo("KES");
        assertThat(draft.get("issuedAt").isNull()).isTrue();
        assertThat(draft.get("dueDate").asText()).isEqualTo("2025-02-28T00:00:00Z");
        assertThat(draft.get("lines")).hasSize(2);
        assertThat(draft.at("/lines/0/type").asText()).isEqualTo("ITEM");
        assertThat(draft.at("/lines/0/description").asText()).isEqualTo("Pro Plan - Monthly");
        assertThat(draft.at("/lines/0/quantity").decimalValue()).isEqualByComparingTo("1");
        assertThat(draft.at("/lines/0/unitAmount").decimalValue()).isEqualByComparingTo("15000");
        assertThat(draft.at("/lines/0/amount").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(draft.at("/lines/1/amount").decimalValue()).isEqualByComparingTo("2500.00");
        assertThat(draft.at("/lines/0/usage").isNull()).isTrue();
        assertThat(draft.at("/lines/0/breakdown")).isEmpty();
        assertThat(draft.get("subtotal").decimalValue()).isEqualByComparingTo("17500.00");
        assertThat(draft.get("discountAmount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(draft.get("taxAmount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(draft.get("total").decimalValue()).isEqualByComparingTo("17500.00");
        assertThat(draft.get("amount").decimalValue()).isEqualByComparingTo("17500.00");
        assertThat(draft.get("creditNotesAmount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(draft.get("walletAmount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(draft.get("amountPaid").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(draft.get("amountDue").decimalValue()).isEqualByComparingTo("17500.00");
        assertThat(created.text()).as("amounts at the currency's scale").contains("\"amount\":15000.00,")
                .contains("\"total\":17500.00,").contains("\"taxAmount\":0.00,");
        for (String field : List.of("periodStart", "periodEnd", "paidAt", "voidedAt", "pdfUrl")) {
            assertThat(draft.get(field).isNull()).as(field).isTrue();
        }
        assertThat(draft.get("notes").asText()).isEqualTo("Thank you for your business!");
        assertThat(api().get("/api/invoices/" + id, t.apiKey()).body()).isEqualTo(draft);

        Api.Response finalized = api().post("/api/invoices/" + id + "/finalize", t.apiKey(), null);
        assertThat(finalized.status()).as(finalized.text()).isEqualTo(200);
        assertThat(finalized.body().get("status").asText()).isEqualTo("FINALIZED");
        assertThat(finalized.body().get("invoiceNumber").asText()).isEqualTo("INV-000001");
        assertThat(finalized.body().get("issuedAt").asText()).isNotBlank();
        assertThat(finalized.body().get("dueDate").asText()).isEqualTo("2025-02-28T00:00:00Z");
        assertThat(finalized.body().get("lines")).isEqualTo(draft.get("lines"));

        Api.Response voided = api().post("/api/invoices/" + id + "/void", t.apiKey(), null);
        assertThat(voided.status()).as(voided.text()).isEqualTo(200);
        assertThat(voided.body().get("status").asText()).isEqualTo("VOIDED");
        assertThat(voided.body().get("invoiceNumber").asText()).as("a voided invoice keeps its number")
                .isEqualTo("INV-000001");
        assertThat(voided.body().get("voidedAt").asText()).isNotBlank();

        Api.Response again = api().post("/api/invoices/" + id + "/void", t.apiKey(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).contains("VOIDED");
        assertThat(api().post("/api/invoices/" + id + "/finalize", t.apiKey(), null).status()).isEqualTo(409);
        assertThat(api().post("/api/invoices/" + id + "/mark-paid", t.apiKey(), null).status()).isEqualTo(409);

        // the next finalized invoice takes the next number: a voided one keeps its number, no gap
        String next = created(t, seedExample(customer));
        assertThat(finalize(t, next).get("invoiceNumber").asText()).isEqualTo("INV-000002");
    }

    @Test
    void dueDateDefaultsToTheIssueDateAndCurrencyToTheCustomers() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("UGX");
        Map<String, Object> body = Map.of("customerId", customer, "items",
                List.of(Map.of("description", "Setup", "amount", 50000, "quantity", 3)));

        JsonNode draft = api().post("/api/invoices", t.apiKey(), body).body();
        assertThat(draft.get("currency").asText()).isEqualTo("UGX");
        assertThat(draft.at("/lines/0/amount").decimalValue()).isEqualByComparingTo("150000");
        assertThat(draft.get("total").decimalValue()).isEqualByComparingTo("150000");
        assertThat(draft.toString()).contains("\"total\":150000,");
        assertThat(draft.get("dueDate").isNull()).isTrue();

        JsonNode finalized = finalize(t, draft.get("id").asText());
        assertThat(finalized.get("dueDate").asText()).as("net payment terms default to 0 days")
                .isEqualTo(finalized.get("issuedAt").asText());
        assertThat(Instant.parse(finalized.get("issuedAt").asText())).isCloseTo(clock.instant(),
                org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));

        String usdInvoice = created(t, Map.of("customerId", customer, "currency", "usd", "items",
                List.of(Map.of("description", "Consulting", "amount", 49.99, "quantity", 2))));
        JsonNode usd = api().get("/api/invoices/" + usdInvoice, t.apiKey()).body();
        assertThat(usd.get("currency").asText()).isEqualTo("USD");
        assertThat(usd.get("total").decimalValue()).isEqualByComparingTo("99.98");
    }

    @Test
    void markPaidInFullOrInParts() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("KES");
        String id = created(t, Map.of("customerId", customer, "items",
                List.of(Map.of("description", "Work", "amount", 1000.50, "quantity", 2))));

        Api.Response onDraft = api().post("/api/invoices/" + id + "/mark-paid", t.apiKey(), null);
        assertThat(onDraft.status()).isEqualTo(409);
        assertThat(onDraft.body().get("message").asText()).contains("DRAFT");
        finalize(t, id);

        Api.Response tooMuch = api().post("/api/invoices/" + id + "/mark-paid", t.apiKey(), Map.of("amount", 2001.01));
        assertThat(tooMuch.badRequestFields()).containsExactly("amount");
        assertThat(api().post("/api/invoices/" + id + "/mark-paid", t.apiKey(), Map.of("amount", 0))
                .badRequestFields()).containsExactly("amount");
        assertThat(api().post("/api/invoices/" + id + "/mark-paid", t.apiKey(), Map.of("amount", 1.001))
                .badRequestFields()).containsExactly("amount");
        assertThat(api().post("/api/invoices/" + id + "/mark-paid", t.apiKey(),
                Map.of("paidAt", clock.instant().plus(Duration.ofDays(1)).toString())).badRequestFields())
                .containsExactly("paidAt");

        Api.Response part = api().post("/api/invoices/" + id + "/mark-paid", t.apiKey(),
                Map.of("amount", 500, "reference", "TRX-1"));
        assertThat(part.status()).as(part.text()).isEqualTo(200);
        assertThat(part.body().get("status").asText()).isEqualTo("FINALIZED");
        assertThat(part.body().get("amountPaid").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(part.body().get("amountDue").decimalValue()).isEqualByComparingTo("1501.00");
        assertThat(part.body().get("paidAt").isNull()).isTrue();

        Instant paidAt = Instant.parse("2026-01-15T10:00:00Z");
        Api.Response rest = api().post("/api/invoices/" + id + "/mark-paid", t.apiKey(),
                Map.of("paidAt", paidAt.toString()));
        assertThat(rest.status()).as(rest.text()).isEqualTo(200);
        assertThat(rest.body().get("status").asText()).isEqualTo("PAID");
        assertThat(rest.body().get("amountPaid").decimalValue()).isEqualByComparingTo("2001.00");
        assertThat(rest.body().get("amountDue").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(rest.body().get("paidAt").asText()).isEqualTo(paidAt.toString());

        Api.Response voidPaid = api().post("/api/invoices/" + id + "/void", t.apiKey(), null);
        assertThat(voidPaid.status()).isEqualTo(409);
        assertThat(voidPaid.body().get("message").asText()).contains("PAID").contains("credit note");
        assertThat(api().post("/api/invoices/" + id + "/mark-paid", t.apiKey(), null).status()).isEqualTo(409);

        // a partly paid invoice is not voided either: the payment would be lost
        String partly = created(t, Map.of("customerId", customer, "items",
                List.of(Map.of("description", "Work", "amount", 10, "quantity", 1))));
        finalize(t, partly);
        assertThat(api().post("/api/invoices/" + partly + "/mark-paid", t.apiKey(), Map.of("amount", 1)).status())
                .isEqualTo(200);
        Api.Response voidPartly = api().post("/api/invoices/" + partly + "/void", t.apiKey(), null);
        assertThat(voidPartly.status()).isEqualTo(409);
        assertThat(voidPartly.body().get("message").asText()).contains("credit note");
    }

    @Test
    void aDraftIsVoidedWithoutANumber() {
        TestTenant t = sharedTenant();
        String id = created(t, seedExample(catalog(t).customer("KES")));
        Api.Response voided = api().post("/api/invoices/" + id + "/void", t.apiKey(), null);
        assertThat(voided.status()).as(voided.text()).isEqualTo(200);
        assertThat(voided.body().get("status").asText()).isEqualTo("VOIDED");
        assertThat(voided.body().get("invoiceNumber").isNull()).isTrue();
    }

    @Test
    void refusesBadInputNamingTheField() {
        TestTenant t = sharedTenant();
        String kes = catalog(t).customer("KES");
        String noCurrency = catalog(t).customer();
        List<Map<String, Object>> oneItem = List.of(Map.of("description", "x", "amount", 10, "quantity", 1));

        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("customerId", noCurrency, "items", oneItem))
                .badRequestFields()).containsExactly("currency");
        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("customerId", kes, "currency", "XYZ",
                "items", oneItem)).badRequestFields()).containsExactly("currency");
        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("items", oneItem)).badRequestFields())
                .containsExactly("customerId");
        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("customerId", kes)).badRequestFields())
                .containsExactly("items");
        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("customerId", kes, "items", List.of()))
                .badRequestFields()).containsExactly("items");
        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("customerId", kes, "items", List.of(
                Map.of("description", "a", "amount", 10, "quantity", 1),
                Map.of("description", "b", "amount", 10.555, "quantity", 1),
                Map.of("description", "c", "amount", -1, "quantity", 1)))).badRequestFields())
                .containsExactlyInAnyOrder("items[1].amount", "items[2].amount");
        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("customerId", catalog(t).customer("UGX"),
                "items", List.of(Map.of("description", "a", "amount", 100.5, "quantity", 1)))).badRequestFields())
                .containsExactly("items[0].amount");
        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("customerId", kes, "items", List.of(
                Map.of("description", "a", "amount", 10, "quantity", 0)))).badRequestFields())
                .containsExactly("items[0].quantity");
        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("customerId", kes, "items", List.of(
                Map.of("description", "a", "amount", 10, "quantity", 1.5)))).badRequestFields())
                .containsExactly("items[0].quantity");
        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("customerId", kes, "items", List.of(
                Map.of("amount", 10, "quantity", 1)))).badRequestFields())
                .containsExactly("items[0].description");
        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("customerId", kes, "items", List.of(
                Map.of("description", "a", "amount", 1_000_000_000_000L, "quantity", 1_000_000)))).badRequestFields())
                .containsExactly("items[0].quantity");
        assertThat(api().post("/api/invoices", t.apiKey(), Map.of("customerId", kes, "items", oneItem,
                "dueDate", "2026-03-01")).badRequestFields()).containsExactly("dueDate");

        assertThat(api().get("/api/invoices?status=open", t.apiKey()).badRequestFields()).containsExactly("status");
        assertThat(api().get("/api/invoices?dateFrom=yesterday", t.apiKey()).badRequestFields())
                .containsExactly("dateFrom");
        assertThat(api().get("/api/invoices?dateFrom=2026-03-02&dateTo=2026-03-01T00:00:00Z", t.apiKey())
                .badRequestFields()).containsExactly("dateTo");
        assertThat(api().get("/api/invoices?limit=101", t.apiKey()).badRequestFields()).containsExactly("limit");
    }

    @Test
    void missingAndOtherTenantsInvoicesAre404OnEveryRoute() {
        TestTenant t = sharedTenant();
        TestTenant stranger = strangerTenant();
        String id = created(t, seedExample(catalog(t).customer("KES")));
        String foreignCustomer = catalog(stranger).customer("KES");

        for (String missing : List.of("inv_0123456789abcdef01234567", "not-an-invoice", id)) {
            String key = missing.equals(id) ? stranger.apiKey() : t.apiKey();
            assertThat(api().get("/api/invoices/" + missing, key).status()).as(missing).isEqualTo(404);
            for (String verb : List.of("finalize", "void", "mark-paid")) {
                Api.Response r = api().post("/api/invoices/" + missing + "/" + verb, key, null);
                assertThat(r.status()).as(verb + " " + missing + ": " + r.text()).isEqualTo(404);
            }
        }
        Api.Response foreign = api().post("/api/invoices", t.apiKey(), Map.of("customerId", foreignCustomer,
                "items", List.of(Map.of("description", "x", "amount", 1, "quantity", 1))));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().get("message").asText()).contains("Customer");
        assertThat(api().get("/api/customers/" + foreignCustomer + "/invoices", t.apiKey()).status()).isEqualTo(404);
        assertThat(api().get("/api/invoices/" + id, t.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void listsFilterByStatusCustomerAndDate() {
        TestTenant t = registerTenant();
        String first = catalog(t).customer("KES");
        String second = catalog(t).customer("KES");
        String draft = created(t, seedExample(first));
        String issued = created(t, seedExample(first));
        String other = created(t, seedExample(second));
        finalize(t, issued);

        assertThat(ids(api().get("/api/invoices", t.apiKey()))).containsExactly(other, issued, draft);
        assertThat(ids(api().get("/api/invoices?status=finalized", t.apiKey()))).containsExactly(issued);
        assertThat(ids(api().get("/api/invoices?customerId=" + first, t.apiKey()))).containsExactly(issued, draft);
        assertThat(ids(api().get("/api/invoices?customerId=" + first + "&status=DRAFT", t.apiKey())))
                .containsExactly(draft);
        assertThat(api().get("/api/invoices?subscriptionId=sub_0123456789abcdef01234567", t.apiKey()).total()).isZero();
        assertThat(ids(api().get("/api/customers/" + second + "/invoices", t.apiKey()))).containsExactly(other);
        assertThat(api().get("/api/invoices?limit=2&page=2", t.apiKey()).body().at("/meta/total").asLong())
                .isEqualTo(3);

        String today = clock.instant().toString().substring(0, 10);
        assertThat(api().get("/api/invoices?dateFrom=" + today + "&dateTo=" + today, t.apiKey()).total())
                .isEqualTo(3);
        Instant future = clock.instant().plus(Duration.ofDays(2));
        assertThat(api().get("/api/invoices?dateFrom=" + future, t.apiKey()).total()).isZero();
        assertThat(api().get("/api/invoices?dateTo=2020-01-01", t.apiKey()).total()).isZero();
    }

    /** docs/billing-rules.md §6.4: numbers are gap-free and unique however finalizations race. */
    @Test
    void fiftyConcurrentFinalizationsGetTheNumbersOneToFifty() throws Exception {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("KES");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(created(t, Map.of("customerId", customer, "items",
                    List.of(Map.of("description", "Item " + i, "amount", 10, "quantity", 1)))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Api.Response>> finalizations = ids.stream()
                    .map(id -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return api().post("/api/invoices/" + id + "/finalize", t.apiKey(), null);
                    }, pool)).toList();
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (CompletableFuture<Api.Response> finalization : finalizations) {
                Api.Response r = finalization.get();
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                numbers.add(r.body().get("invoiceNumber").asText());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50)
                    .mapToObj(n -> String.format("INV-%06d", n)).toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(tenantDatabase(t.id()),
                "SELECT last_number FROM document_number_counter WHERE kind = 'INVOICE'")).isEqualTo(50);
    }

    @Test
    void auditShowsTheInvoiceAsItWasAndARebuildGivesTheSameReadModel() {
        TestTenant t = registerTenant();
        String id = created(t, seedExample(catalog(t).customer("KES")));
        clock.advance(Duration.ofSeconds(1));
        Instant asDraft = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        finalize(t, id);
        JsonNode paid = api().post("/api/invoices/" + id + "/mark-paid", t.apiKey(), Map.of("amount", 100)).body();

        Api.Response then = api().get("/api/audit/aggregates/" + id + "?asOf=" + asDraft, t.apiKey());
        assertThat(then.status()).as(then.text()).isEqualTo(200);
        assertThat(then.body().get("aggregateType").asText()).isEqualTo("Invoice");
        assertThat(then.body().at("/state/status").asText()).isEqualTo("DRAFT");
        assertThat(then.body().at("/state/invoiceNumber").isNull()).isTrue();
        JsonNode now = api().get("/api/audit/aggregates/" + id, t.apiKey()).body();
        assertThat(now.at("/state/status").asText()).isEqualTo("FINALIZED");
        assertThat(now.at("/state/invoiceNumber").asText()).isEqualTo("INV-000001");
        assertThat(now.at("/state/totals/amountPaid/minor").asLong()).isEqualTo(10000);
        assertThat(now.at("/state/totals/amountDue/minor").asLong()).isEqualTo(1740000);
        assertThat(api().get("/api/audit/events?aggregateId=" + id, t.apiKey()).total()).isEqualTo(3);

        Api.Response rebuild = api().post("/api/admin/projections/rebuild?processor=invoices",
                t.accessToken(), Map.of());
        assertThat(rebuild.status()).as(rebuild.text()).isLessThan(300);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(InvoiceAnswers.withoutPdfUrl(api().get("/api/invoices/" + id, t.apiKey()).body()))
                        .isEqualTo(InvoiceAnswers.withoutPdfUrl(paid)));
    }

    // ---- helpers

    private String created(TestTenant t, Map<String, Object> body) {
        return catalog(t).created("/api/invoices", new HashMap<>(body));
    }

    private JsonNode finalize(TestTenant t, String id) {
        Api.Response r = api().post("/api/invoices/" + id + "/finalize", t.apiKey(), null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("data").forEach(invoice -> ids.add(invoice.get("id").asText()));
        return ids;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
