package com.novabilling.app.creditnote;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.InvoiceAnswers;
import com.novabilling.api.creditnote.ConsumeCreditNoteCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.billing.invoice.AvailableCredit;
import com.novabilling.command.creditnote.AvailableCredits;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The credit note endpoints of issue 12 item 9 over HTTP (docs/billing-rules.md §14). */
class CreditNoteHttpTest extends IntegrationTest {

    @Autowired
    private CommandGateway commandGateway;
    @Autowired
    private AvailableCredits availableCredits;

    @Test
    void aCreditIsCreatedChangedFinalizedListedAndVoided() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("KES");
        String invoice = finalizedInvoice(t, customer, 17500);

        Api.Response created = api().post("/api/credit-notes", t.apiKey(), Map.of("invoiceId", invoice,
                "amount", 500, "reason", "product_unsatisfactory", "type", "credit", "description", "Outage"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode draft = created.body();
        String id = draft.get("id").asText();
        assertThat(id).startsWith("cn_");
        assertThat(draft.get("creditNoteNumber").isNull()).isTrue();
        assertThat(draft.get("invoiceId").asText()).isEqualTo(invoice);
        assertThat(draft.get("customerId").asText()).isEqualTo(customer);
        assertThat(draft.get("currency").asText()).isEqualTo("KES");
        assertThat(draft.get("type").asText()).isEqualTo("CREDIT");
        assertThat(draft.get("reason").asText()).isEqualTo("PRODUCT_UNSATISFACTORY");
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(created.text()).contains("\"amount\":500.00,");
        assertThat(draft.at("/items/0/amount").decimalValue()).isEqualByComparingTo("500");
        assertThat(draft.get("creditAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(draft.get("remainingAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(draft.get("refundAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(draft.get("description").asText()).isEqualTo("Outage");
        assertThat(draft.get("issuedAt").isNull()).isTrue();
        assertThat(api().get("/api/credit-notes/" + id, t.apiKey()).body()).isEqualTo(draft);

        Api.Response changed = api().patch("/api/credit-notes/" + id, t.apiKey(), Map.of("items",
                List.of(Map.of("description", "Outage, 3 March", "amount", 300.50),
                        Map.of("description", "Outage, 4 March", "amount", 99.50)), "reason", "OTHER"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().get("amount").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(changed.body().get("items")).hasSize(2);
        assertThat(changed.body().at("/items/1/description").asText()).isEqualTo("Outage, 4 March");
        assertThat(changed.body().get("reason").asText()).isEqualTo("OTHER");

        JsonNode finalized = finalize(t, id);
        assertThat(finalized.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(finalized.get("creditNoteNumber").asText()).isEqualTo("CN-000001");
        assertThat(finalized.get("issuedAt").asText()).isNotBlank();
        assertThat(finalized.get("creditAmount").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(finalized.get("remainingAmount").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(api().patch("/api/credit-notes/" + id, t.apiKey(), Map.of("reason", "OTHER")).status())
                .as("only a draft changes").isEqualTo(409);
        assertThat(api().post("/api/credit-notes/" + id + "/finalize", t.apiKey(), null).status()).isEqualTo(409);

        // the invoice's total and amount due are untouched by a CREDIT note: later invoices consume it
        JsonNode inv = api().get("/api/invoices/" + invoice, t.apiKey()).body();
        assertThat(inv.get("amountDue").decimalValue()).isEqualByComparingTo("17500.00");
        assertThat(inv.get("creditNotesAmount").decimalValue()).isEqualByComparingTo("0");

        assertThat(ids(api().get("/api/credit-notes?customerId=" + customer, t.apiKey()))).containsExactly(id);
        assertThat(ids(api().get("/api/credit-notes?invoiceId=" + invoice + "&status=finalized", t.apiKey())))
                .containsExactly(id);
        assertThat(ids(api().get("/api/credit-notes?status=DRAFT", t.apiKey()))).isEmpty();
        assertThat(api().get("/api/credit-notes?status=open", t.apiKey()).badRequestFields())
                .containsExactly("status");

        Api.Response voided = api().post("/api/credit-notes/" + id + "/void", t.apiKey(), null);
        assertThat(voided.status()).as(voided.text()).isEqualTo(200);
        assertThat(voided.body().get("status").asText()).isEqualTo("VOIDED");
        assertThat(voided.body().get("creditNoteNumber").asText()).isEqualTo("CN-000001");
        assertThat(voided.body().get("remainingAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(voided.body().get("voidedAt").asText()).isNotBlank();
        Api.Response again = api().post("/api/credit-notes/" + id + "/void", t.apiKey(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).contains("VOIDED");

        // a voided credit note gives its amount back: the whole total may be credited again
        assertThat(api().post("/api/credit-notes", t.apiKey(), Map.of("invoiceId", invoice, "amount", 17500,
                "reason", "DUPLICATE", "type", "CREDIT")).status()).isEqualTo(201);
    }

    @Test
    void badRequestsNameTheirField() {
        TestTenant t = sharedTenant();
        String invoice = finalizedInvoice(t, catalog(t).customer("KES"), 1000);
        Map<String, Object> good = Map.of("invoiceId", invoice, "amount", 10, "reason", "OTHER", "type", "CREDIT");

        assertThat(fields(t, without(good, "amount"))).containsExactly("amount");
        assertThat(fields(t, with(good, "items", List.of(Map.of("amount", 1))))).containsExactly("amount");
        assertThat(fields(t, with(good, "amount", 0))).containsExactly("amount");
        assertThat(fields(t, with(good, "amount", -1))).containsExactly("amount");
        assertThat(fields(t, with(good, "amount", 1.001))).containsExactly("amount");
        Map<String, Object> items = with(without(good, "amount"), "items",
                List.of(Map.of("amount", 1), Map.of("amount", 1.234)));
        assertThat(fields(t, items)).containsExactly("items[1].amount");
        assertThat(fields(t, with(without(good, "amount"), "items", List.of()))).containsExactly("items");
        assertThat(fields(t, without(good, "reason"))).containsExactly("reason");
        assertThat(fields(t, with(good, "reason", "BORED"))).containsExactly("reason");
        assertThat(fields(t, without(good, "type"))).containsExactly("type");
        assertThat(fields(t, with(good, "type", "GIFT"))).containsExactly("type");
        assertThat(fields(t, without(good, "invoiceId"))).containsExactly("invoiceId");

        String id = created(t, good);
        assertThat(api().patch("/api/credit-notes/" + id, t.apiKey(), Map.of("amount", 1, "items",
                List.of(Map.of("amount", 1)))).badRequestFields()).containsExactly("amount");
        assertThat(api().patch("/api/credit-notes/" + id, t.apiKey(), Map.of("amount", 0.001)).badRequestFields())
                .containsExactly("amount");
        assertThat(api().patch("/api/credit-notes/" + id, t.apiKey(), Map.of("type", "nope")).badRequestFields())
                .containsExactly("type");
        assertThat(api().patch("/api/credit-notes/" + id, t.apiKey(), Map.of("amount", 0.5, "type", "OFFSET"))
                .status()).isEqualTo(200);
    }

    @Test
    void notFoundForMissingMalformedAndOtherTenantsIds() {
        TestTenant t = sharedTenant();
        TestTenant stranger = strangerTenant();
        String invoice = finalizedInvoice(t, catalog(t).customer("KES"), 1000);
        String id = created(t, Map.of("invoiceId", invoice, "amount", 10, "reason", "OTHER", "type", "CREDIT"));

        for (String missing : List.of("cn_0123456789abcdef01234567", "nope", id)) {
            String key = missing.equals(id) ? stranger.apiKey() : t.apiKey();
            assertThat(api().get("/api/credit-notes/" + missing, key).status()).as(missing).isEqualTo(404);
            assertThat(api().patch("/api/credit-notes/" + missing, key, Map.of("reason", "OTHER")).status())
                    .as(missing).isEqualTo(404);
            assertThat(api().post("/api/credit-notes/" + missing + "/finalize", key, null).status()).as(missing)
                    .isEqualTo(404);
            assertThat(api().post("/api/credit-notes/" + missing + "/void", key, null).status()).as(missing)
                    .isEqualTo(404);
        }
        for (String missingInvoice : List.of("inv_0123456789abcdef01234567", "nope")) {
            assertThat(api().post("/api/credit-notes", t.apiKey(), Map.of("invoiceId", missingInvoice, "amount", 1,
                    "reason", "OTHER", "type", "CREDIT")).status()).isEqualTo(404);
        }
        Api.Response othersInvoice = api().post("/api/credit-notes", stranger.apiKey(), Map.of("invoiceId", invoice,
                "amount", 1, "reason", "OTHER", "type", "CREDIT"));
        assertThat(othersInvoice.status()).isEqualTo(404);
        assertThat(ids(api().get("/api/credit-notes?invoiceId=" + invoice, stranger.apiKey()))).isEmpty();
    }

    @Test
    void conflicts() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("KES");
        String draftInvoice = catalog(t).created("/api/invoices", new HashMap<>(Map.of("customerId", customer,
                "items", List.of(Map.of("description", "Work", "amount", 100, "quantity", 1)))));
        Api.Response onDraft = api().post("/api/credit-notes", t.apiKey(), Map.of("invoiceId", draftInvoice,
                "amount", 1, "reason", "OTHER", "type", "CREDIT"));
        assertThat(onDraft.status()).as(onDraft.text()).isEqualTo(409);
        assertThat(onDraft.body().get("message").asText()).contains("DRAFT");

        String invoice = finalizedInvoice(t, customer, 100);
        String first = created(t, Map.of("invoiceId", invoice, "amount", 60, "reason", "OTHER", "type", "CREDIT"));
        Api.Response tooMuch = api().post("/api/credit-notes", t.apiKey(), Map.of("invoiceId", invoice,
                "amount", 40.01, "reason", "OTHER", "type", "CREDIT"));
        assertThat(tooMuch.status()).as(tooMuch.text()).isEqualTo(409);
        assertThat(tooMuch.body().get("message").asText()).contains("more than its total");
        assertThat(api().patch("/api/credit-notes/" + first, t.apiKey(), Map.of("amount", 100.01)).status())
                .isEqualTo(409);
        assertThat(api().post("/api/credit-notes", t.apiKey(), Map.of("invoiceId", invoice, "amount", 40,
                "reason", "OTHER", "type", "CREDIT")).status()).isEqualTo(201);

        Api.Response refund = api().post("/api/credit-notes", t.apiKey(), Map.of("invoiceId",
                finalizedInvoice(t, customer, 100), "amount", 1, "reason", "DUPLICATE", "type", "refund"));
        assertThat(refund.status()).as(refund.text()).isEqualTo(409);
        assertThat(refund.body().get("message").asText()).contains("REFUND").contains("payments");

        Api.Response voidInvoice = api().post("/api/invoices/" + invoice + "/void", t.apiKey(), null);
        assertThat(voidInvoice.status()).as("an invoice with credit notes").isEqualTo(409);
        assertThat(voidInvoice.body().get("message").asText()).contains(first);
    }

    @Test
    void concurrentCreditNotesNeverExceedTheInvoicesTotal() throws Exception {
        TestTenant t = registerTenant();
        String invoice = finalizedInvoice(t, catalog(t).customer("KES"), 100);
        List<Api.Response> answers = concurrently(10, () -> api().post("/api/credit-notes", t.apiKey(),
                Map.of("invoiceId", invoice, "amount", 30, "reason", "OTHER", "type", "CREDIT")));
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(201, 409));
        assertThat(answers.stream().filter(r -> r.status() == 201).count()).isEqualTo(3);
        JsonNode list = api().get("/api/credit-notes?invoiceId=" + invoice, t.apiKey()).body();
        assertThat(list.get("data")).hasSize(3);
    }

    @Test
    void twentyConcurrentFinalizationsGetTheNumbersOneToTwenty() throws Exception {
        TestTenant t = registerTenant();
        String invoice = finalizedInvoice(t, catalog(t).customer("UGX"), 20_000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(created(t, Map.of("invoiceId", invoice, "amount", 1000, "reason", "OTHER", "type", "CREDIT")));
        }
        List<String> pending = new ArrayList<>(ids);
        List<Api.Response> answers = concurrently(20, () -> {
            String id;
            synchronized (pending) {
                id = pending.remove(0);
            }
            return api().post("/api/credit-notes/" + id + "/finalize", t.apiKey(), null);
        });
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(200));
        assertThat(answers.stream().map(r -> r.body().get("creditNoteNumber").asText()).toList())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20)
                        .mapToObj(n -> String.format("CN-%06d", n)).toList());
        assertThat(count(tenantDatabase(t.id()),
                "SELECT last_number FROM document_number_counter WHERE kind = 'CREDIT_NOTE'")).isEqualTo(20);
        assertThat(count(tenantDatabase(t.id()),
                "SELECT last_number FROM document_number_counter WHERE kind = 'INVOICE'")).isEqualTo(1);
    }

    @Test
    void anOffsetLowersTheInvoicesAmountDueAndSettlesIt() {
        TestTenant t = registerTenant();
        String invoice = finalizedInvoice(t, catalog(t).customer("KES"), 17500);

        String offset = created(t, Map.of("invoiceId", invoice, "amount", 500, "reason", "order_change",
                "type", "Offset"));
        assertThat(api().get("/api/invoices/" + invoice, t.apiKey()).body().get("amountDue").decimalValue())
                .as("a draft offset changes nothing yet").isEqualByComparingTo("17500.00");
        JsonNode finalized = finalize(t, offset);
        assertThat(finalized.get("offsetAmount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(finalized.get("creditAmount").decimalValue()).isEqualByComparingTo("0");
        JsonNode inv = api().get("/api/invoices/" + invoice, t.apiKey()).body();
        assertThat(inv.get("total").decimalValue()).isEqualByComparingTo("17500.00");
        assertThat(inv.get("creditNotesAmount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(inv.get("amountDue").decimalValue()).isEqualByComparingTo("17000.00");
        assertThat(inv.get("status").asText()).isEqualTo("FINALIZED");

        Api.Response voidOffset = api().post("/api/credit-notes/" + offset + "/void", t.apiKey(), null);
        assertThat(voidOffset.status()).isEqualTo(409);
        assertThat(voidOffset.body().get("message").asText()).contains("OFFSET");

        // an offset above what is due is refused; one of exactly the rest settles the invoice
        api().post("/api/invoices/" + invoice + "/mark-paid", t.apiKey(), Map.of("amount", 7000));
        Api.Response tooMuch = api().post("/api/credit-notes", t.apiKey(), Map.of("invoiceId", invoice,
                "amount", 10000.01, "reason", "OTHER", "type", "OFFSET"));
        assertThat(tooMuch.status()).as(tooMuch.text()).isEqualTo(409);
        assertThat(tooMuch.body().get("message").asText()).contains("amount due");
        String rest = created(t, Map.of("invoiceId", invoice, "amount", 10000, "reason", "OTHER", "type", "OFFSET"));
        finalize(t, rest);
        inv = api().get("/api/invoices/" + invoice, t.apiKey()).body();
        assertThat(inv.get("amountDue").decimalValue()).isEqualByComparingTo("0");
        assertThat(inv.get("creditNotesAmount").decimalValue()).isEqualByComparingTo("10500.00");
        assertThat(inv.get("status").asText()).isEqualTo("PAID");
        assertThat(inv.get("paidAt").asText()).isNotBlank();

        // a PAID invoice takes no offset, but still a CREDIT
        Api.Response onPaid = api().post("/api/credit-notes", t.apiKey(), Map.of("invoiceId", invoice,
                "amount", 1, "reason", "OTHER", "type", "OFFSET"));
        assertThat(onPaid.status()).isEqualTo(409);
        assertThat(onPaid.body().get("message").asText()).contains("PAID");
        assertThat(api().post("/api/credit-notes", t.apiKey(), Map.of("invoiceId", invoice, "amount", 1,
                "reason", "OTHER", "type", "CREDIT")).status()).isEqualTo(201);
    }

    @Test
    void anOffsetWhoseInvoiceWasPaidMeanwhileStaysADraftAndTakesNoNumber() {
        TestTenant t = registerTenant();
        String invoice = finalizedInvoice(t, catalog(t).customer("KES"), 100);
        String offset = created(t, Map.of("invoiceId", invoice, "amount", 50, "reason", "OTHER", "type", "OFFSET"));
        api().post("/api/invoices/" + invoice + "/mark-paid", t.apiKey(), null);

        Api.Response refused = api().post("/api/credit-notes/" + offset + "/finalize", t.apiKey(), null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(api().get("/api/credit-notes/" + offset, t.apiKey()).body().get("status").asText())
                .isEqualTo("DRAFT");
        assertThat(count(tenantDatabase(t.id()),
                "SELECT last_number FROM document_number_counter WHERE kind = 'CREDIT_NOTE'")).isZero();
        JsonNode inv = api().get("/api/invoices/" + invoice, t.apiKey()).body();
        assertThat(inv.get("creditNotesAmount").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aFinalizedCreditIsTheCustomersAvailableCreditOldestFirstUntilConsumed() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("KES");
        String invoice = finalizedInvoice(t, customer, 1000);
        String older = created(t, Map.of("invoiceId", invoice, "amount", 100, "reason", "OTHER", "type", "CREDIT"));
        String newer = created(t, Map.of("invoiceId", invoice, "amount", 250.50, "reason", "OTHER", "type", "CREDIT"));
        created(t, Map.of("invoiceId", invoice, "amount", 5, "reason", "OTHER", "type", "CREDIT")); // a draft
        assertThat(credit(t, customer)).isEmpty();
        finalize(t, older);
        clock.advance(Duration.ofSeconds(1));
        finalize(t, newer);

        assertThat(credit(t, customer)).extracting(AvailableCredit::creditNoteId).containsExactly(older, newer);
        assertThat(credit(t, customer).get(1).remaining()).isEqualTo(Money.ofMinor(25_050, CurrencyCode.KES));
        assertThat(credit(t, customer).get(0).number()).isEqualTo("CN-000001");
        try (TenantContext.Scope scope = TenantContext.open(t.id())) {
            assertThat(availableCredits.availableCredit(customer, CurrencyCode.USD)).isEmpty();
        }

        String laterInvoice = finalizedInvoice(t, customer, 500);
        consume(t, older, laterInvoice, 100_00);
        consume(t, older, laterInvoice, 100_00); // the same invoice again: nothing more is consumed
        consume(t, newer, laterInvoice, 50_00);
        assertThat(credit(t, customer)).extracting(AvailableCredit::creditNoteId).containsExactly(newer);
        assertThat(credit(t, customer).get(0).remaining()).isEqualTo(Money.ofMinor(20_050, CurrencyCode.KES));
        JsonNode newerView = api().get("/api/credit-notes/" + newer, t.apiKey()).body();
        assertThat(newerView.get("remainingAmount").decimalValue()).isEqualByComparingTo("200.50");
        assertThat(newerView.get("creditAmount").decimalValue()).isEqualByComparingTo("250.50");

        Api.Response voidConsumed = api().post("/api/credit-notes/" + newer + "/void", t.apiKey(), null);
        assertThat(voidConsumed.status()).as(voidConsumed.text()).isEqualTo(409);
        assertThat(voidConsumed.body().get("message").asText()).contains("consumed");
    }

    @Test
    void auditShowsTheInvoiceOffsetAndARebuildGivesTheSameReadModel() {
        TestTenant t = registerTenant();
        String invoice = finalizedInvoice(t, catalog(t).customer("KES"), 100);
        String offset = created(t, Map.of("invoiceId", invoice, "amount", 40, "reason", "OTHER", "type", "OFFSET"));
        JsonNode note = finalize(t, offset);
        JsonNode inv = api().get("/api/invoices/" + invoice, t.apiKey()).body();
        JsonNode audited = api().get("/api/audit/aggregates/" + invoice, t.apiKey()).body();
        assertThat(audited.at("/state/totals/creditNotesAmount/minor").asLong()).isEqualTo(4000);
        assertThat(audited.at("/state/totals/amountDue/minor").asLong()).isEqualTo(6000);

        for (String processor : List.of("credit-notes", "invoices")) {
            Api.Response rebuild = api().post("/api/admin/projections/rebuild?processor=" + processor,
                    t.accessToken(), Map.of());
            assertThat(rebuild.status()).as(rebuild.text()).isLessThan(300);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api().get("/api/credit-notes/" + offset, t.apiKey()).body()).isEqualTo(note);
            assertThat(InvoiceAnswers.withoutPdfUrl(api().get("/api/invoices/" + invoice, t.apiKey()).body()))
                    .isEqualTo(InvoiceAnswers.withoutPdfUrl(inv));
        });
    }

    // ---- helpers

    private String finalizedInvoice(TestTenant t, String customer, Number amount) {
        String id = catalog(t).created("/api/invoices", new HashMap<>(Map.of("customerId", customer,
                "items", List.of(Map.of("description", "Work", "amount", amount, "quantity", 1)))));
        Api.Response r = api().post("/api/invoices/" + id + "/finalize", t.apiKey(), null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return id;
    }

    private String created(TestTenant t, Map<String, Object> body) {
        return catalog(t).created("/api/credit-notes", new HashMap<>(body));
    }

    private JsonNode finalize(TestTenant t, String id) {
        Api.Response r = api().post("/api/credit-notes/" + id + "/finalize", t.apiKey(), null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private List<String> fields(TestTenant t, Map<String, Object> body) {
        Api.Response r = api().post("/api/credit-notes", t.apiKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        return r.badRequestFields();
    }

    private List<AvailableCredit> credit(TestTenant t, String customer) {
        try (TenantContext.Scope scope = TenantContext.open(t.id())) {
            return availableCredits.availableCredit(customer, CurrencyCode.KES);
        }
    }

    private void consume(TestTenant t, String creditNote, String invoice, long minor) {
        TenantContext.runAs(t.id(), () -> commandGateway.sendAndWait(new ConsumeCreditNoteCommand(creditNote,
                invoice, Money.ofMinor(minor, CurrencyCode.KES))));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(field);
        return copy;
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("data").forEach(note -> ids.add(note.get("id").asText()));
        return ids;
    }

    private static List<Api.Response> concurrently(int n, Supplier<Api.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Api.Response>> futures = IntStream.range(0, n)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                        return request.get();
                    }, pool)).toList();
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (CompletableFuture<Api.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
