package com.novabilling.app.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Late usage of a period whose invoice is finalized (issue 13 item 5, docs/billing-rules.md §16): the period is
 * re-rated, the difference billed by the tenant's {@code lateUsagePolicy} — an ADJUSTMENT on the next invoice, or an
 * adjustment invoice of its own — and a decrease credited; the original invoice never changes, and re-rating again
 * adds nothing. KES, VAT 16 %, monthly 3,000.00 in advance, SUM of GB at 0.50, from 2038-03-01, no grace period.
 */
class LateUsageHttpTest extends IntegrationTest {

    private static final String MARCH = "2038-03-01T00:00:00Z";
    private static final String APRIL = "2038-04-01T00:00:00Z";

    private record Billed(TestTenant tenant, String subscriptionId, String code) {
    }

    private Billed subscribed() {
        TestTenant t = registerTenant();
        advanceTo(t, MARCH);
        String planId = created(t, "/api/plans", Map.of("name", "Basic", "code", uniqueCode("basic"),
                "billingInterval", "MONTHLY", "prices", List.of(Map.of("currency", "KES", "amount", 3000))));
        String code = uniqueCode("storage");
        String metricId = created(t, "/api/billable-metrics", Map.of("name", "Storage", "code", code,
                "aggregationType", "SUM", "fieldName", "gb"));
        created(t, "/api/charges", Map.of("planId", planId, "billableMetricId", metricId, "currency", "KES",
                "chargeModel", "STANDARD", "properties", Map.of("amount", 0.5)));
        String customerId = created(t, "/api/customers", Map.of("name", "Wanjiru", "email",
                uniqueCode("w") + "@example.com", "currency", "KES", "taxRate", 16, "taxName", "VAT"));
        String subscriptionId = created(t, "/api/subscriptions", Map.of("customerId", customerId, "planId", planId));
        return new Billed(t, subscriptionId, code);
    }

    /** March's usage (10 GB = 5.00) on the finalized invoice issued at April 1: 3,005.00 + VAT 480.80 = 3,485.80. */
    private JsonNode finalizedMarch(Billed b) {
        advanceTo(b.tenant(), "2038-03-10T00:00:00Z");
        event(b, uniqueCode("tx"), "2038-03-10T00:00:00Z", 10);
        advanceTo(b.tenant(), "2038-04-01T00:00:01Z");
        JsonNode march = awaitInvoice(b, i -> usageWindowIs(i, MARCH, APRIL) && isFinalized(i));
        assertMarchAsIssued(march);
        return march;
    }

    private static void assertMarchAsIssued(JsonNode march) {
        assertThat(types(march)).containsExactly("SUBSCRIPTION", "USAGE", "TAX");
        assertThat(march.get("invoiceNumber").asText()).isEqualTo("INV-000002");
        assertThat(march.at("/lines/1/usage/units").decimalValue()).isEqualByComparingTo("10");
        assertThat(march.at("/lines/1/usage/eventCount").asLong()).isEqualTo(1);
        assertThat(march.at("/lines/1/amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(march.get("subtotal").decimalValue()).isEqualByComparingTo("3005.00");
        assertThat(march.get("taxAmount").decimalValue()).isEqualByComparingTo("480.80");
        assertThat(march.get("total").decimalValue()).isEqualByComparingTo("3485.80");
        assertThat(march.get("amountDue").decimalValue()).isEqualByComparingTo("3485.80");
    }

    /**
     * The acceptance: a late event for a finalized March invoice adds an adjustment to April's invoice (issued at
     * May 1) while March's stays as it was. The same event again is a duplicate; a second late event adds only its
     * own difference; re-rating with nothing new adds nothing.
     */
    @Test
    void aLateEventForAFinalizedMarchInvoiceAddsAnAdjustmentToAprilsInvoice() {
        Billed b = subscribed();
        TestTenant t = b.tenant();
        JsonNode march = finalizedMarch(b);
        String marchId = march.get("id").asText();
        String marchDigest = march.at("/lines/1/usage/digest").asText();

        advanceTo(t, "2038-04-15T00:00:00Z");
        event(b, uniqueCode("tx"), "2038-04-15T00:00:00Z", 6); // April's own usage: 3.00
        String late = uniqueCode("tx");
        event(b, late, "2038-03-20T12:00:00Z", 4); // late: March re-rated to 14 GB = 7.00, 2.00 more
        Api.Response again = api().post("/api/events", t.apiKey(), eventBody(b, late, "2038-03-20T12:00:00Z", 4));
        assertThat(again.status()).as("the same late event is a duplicate").isEqualTo(200);
        event(b, uniqueCode("tx"), "2038-03-25T00:00:00Z", 2); // 16 GB = 8.00: 1.00 more
        event(b, uniqueCode("tx"), "2038-03-26T00:00:00Z", 0); // 16 GB still: nothing more

        advanceTo(t, "2038-05-01T00:00:01Z");
        JsonNode april = awaitInvoice(b, i -> usageWindowIs(i, APRIL, "2038-05-01T00:00:00Z") && isFinalized(i));
        assertThat(types(april)).containsExactly("SUBSCRIPTION", "USAGE", "ADJUSTMENT", "ADJUSTMENT", "TAX");
        assertThat(april.at("/lines/1/amount").decimalValue()).isEqualByComparingTo("3.00");
        JsonNode first = april.at("/lines/2");
        assertThat(first.get("description").asText()).isEqualTo("Late usage for 2038-03-01 – 2038-03-31");
        assertThat(first.get("adjustedInvoiceId").asText()).isEqualTo(marchId);
        assertThat(first.get("periodStart").asText()).isEqualTo(MARCH);
        assertThat(first.get("periodEnd").asText()).isEqualTo(APRIL);
        assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(first.at("/usage/units").decimalValue()).isEqualByComparingTo("14");
        assertThat(first.at("/usage/eventCount").asLong()).isEqualTo(2);
        assertThat(first.at("/usage/digest").asText()).hasSize(64).isNotEqualTo(marchDigest);
        JsonNode second = april.at("/lines/3");
        assertThat(second.get("amount").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(second.at("/usage/units").decimalValue()).isEqualByComparingTo("16");
        assertThat(second.at("/usage/eventCount").asLong()).isEqualTo(3);
        // 3,000.00 + 3.00 + 2.00 + 1.00 = 3,006.00; VAT 16 % 480.96 → 3,486.96
        assertThat(april.get("subtotal").decimalValue()).isEqualByComparingTo("3006.00");
        assertThat(april.get("taxAmount").decimalValue()).isEqualByComparingTo("480.96");
        assertThat(april.get("total").decimalValue()).isEqualByComparingTo("3486.96");
        assertThat(april.get("amountDue").decimalValue()).isEqualByComparingTo("3486.96");

        // March's invoice as it was issued, and no invoice of its own for the difference
        assertMarchAsIssued(invoice(t, marchId));
        assertThat(invoicesOf(t, b.subscriptionId())).hasSize(3);

        // billed once: June's invoice has no adjustment; a zero-valued late event re-rates to nothing new
        event(b, uniqueCode("tx"), "2038-03-27T00:00:00Z", 0);
        advanceTo(t, "2038-06-01T00:00:01Z");
        JsonNode may = awaitInvoice(b, i -> usageWindowIs(i, "2038-05-01T00:00:00Z", "2038-06-01T00:00:00Z")
                && isFinalized(i));
        assertThat(types(may)).containsExactly("SUBSCRIPTION", "TAX");
        assertThat(may.get("total").decimalValue()).isEqualByComparingTo("3480.00");
        assertLedgerVerifies(t, 1);
    }

    /** {@code adjustment_invoice}: the difference is an invoice of its own now, referencing March's, final at once. */
    @Test
    void theAdjustmentInvoicePolicyIssuesAnInvoiceOfItsOwnAtOnce() {
        Billed b = subscribed();
        TestTenant t = b.tenant();
        Api.Response bad = api().patch("/api/tenants/me", t.accessToken(),
                Map.of("settings", Map.of("lateUsagePolicy", "later")));
        assertThat(bad.status()).as(bad.text()).isEqualTo(400);
        assertThat(bad.text()).contains("settings.lateUsagePolicy");
        assertThat(api().get("/api/tenants/me", t.accessToken()).body().at("/settings/lateUsagePolicy").asText())
                .isEqualTo("next_invoice");
        Api.Response set = api().patch("/api/tenants/me", t.accessToken(),
                Map.of("settings", Map.of("lateUsagePolicy", "Adjustment_Invoice")));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.body().at("/settings/lateUsagePolicy").asText()).isEqualTo("adjustment_invoice");

        JsonNode march = finalizedMarch(b);
        String marchId = march.get("id").asText();
        // a wallet granted 1.00 after March was issued: the adjustment invoice draws it at its finalization
        String customerId = api().get("/api/subscriptions/" + b.subscriptionId(), t.apiKey()).body()
                .get("customerId").asText();
        created(t, "/api/wallets", Map.of("customerId", customerId, "currency", "KES", "grantedCredits", 1));
        String late = uniqueCode("tx");
        event(b, late, "2038-03-20T12:00:00Z", 4);

        JsonNode adjustment = awaitInvoice(b, i -> types(i).get(0).equals("ADJUSTMENT"));
        assertThat(adjustment.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(adjustment.get("invoiceNumber").asText()).isEqualTo("INV-000003");
        assertThat(adjustment.at("/metadata/lateUsageAdjustmentOf").asText()).isEqualTo(marchId);
        assertThat(types(adjustment)).containsExactly("ADJUSTMENT", "TAX", "WALLET");
        assertThat(adjustment.at("/lines/0/adjustedInvoiceId").asText()).isEqualTo(marchId);
        assertThat(adjustment.at("/lines/0/amount").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(adjustment.at("/lines/0/usage/eventCount").asLong()).isEqualTo(2);
        // 2.00 + VAT 0.32
        assertThat(adjustment.get("subtotal").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(adjustment.get("taxAmount").decimalValue()).isEqualByComparingTo("0.32");
        assertThat(adjustment.get("total").decimalValue()).isEqualByComparingTo("2.32");
        assertThat(adjustment.get("walletAmount").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(adjustment.get("amountDue").decimalValue()).isEqualByComparingTo("1.32");

        // the same event again, and a zero-valued one: nothing new; March unchanged
        Api.Response again = api().post("/api/events", t.apiKey(), eventBody(b, late, "2038-03-20T12:00:00Z", 4));
        assertThat(again.status()).isEqualTo(200);
        event(b, uniqueCode("tx"), "2038-03-21T00:00:00Z", 0);
        assertThat(invoicesOf(t, b.subscriptionId())).hasSize(3);
        assertMarchAsIssued(invoice(t, marchId));

        // the next boundary carries no adjustment: it was billed on its own
        advanceTo(t, "2038-05-01T00:00:01Z");
        JsonNode april = awaitInvoice(b, i -> usageWindowIs(i, APRIL, "2038-05-01T00:00:00Z") && isFinalized(i));
        assertThat(types(april)).containsExactly("SUBSCRIPTION", "TAX");
        assertLedgerVerifies(t, 1);
    }

    /**
     * A decrease (a negative SUM value arriving late) is a credit note against March's invoice, with the tax March
     * charged (16 %), though the customer's rate has changed since.
     */
    @Test
    void aDecreaseIsACreditNoteAgainstTheOriginalInvoice() {
        Billed b = subscribed();
        TestTenant t = b.tenant();
        JsonNode march = finalizedMarch(b);
        String marchId = march.get("id").asText();
        // the customer's VAT rises to 20 % after March was issued: March's credit still gives back March's 16 %
        String customerId = api().get("/api/subscriptions/" + b.subscriptionId(), t.apiKey()).body()
                .get("customerId").asText();
        Api.Response vat = api().patch("/api/customers/" + customerId, t.apiKey(), Map.of("taxRate", 20));
        assertThat(vat.status()).as(vat.text()).isEqualTo(200);

        event(b, uniqueCode("tx"), "2038-03-20T12:00:00Z", -4); // 6 GB = 3.00: 2.00 less

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                api().get("/api/credit-notes?invoiceId=" + marchId, t.apiKey()).body().get("data").size() == 1);
        JsonNode note = api().get("/api/credit-notes?invoiceId=" + marchId, t.apiKey()).body().get("data").get(0);
        assertThat(note.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(note.get("type").asText()).isEqualTo("CREDIT");
        // 2.00 + VAT 16 % 0.32
        assertThat(note.get("amount").decimalValue()).isEqualByComparingTo("2.32");
        assertThat(note.at("/items/0/description").asText())
                .isEqualTo("Usage of 2038-03-01 – 2038-03-31 re-rated lower");
        assertMarchAsIssued(invoice(t, marchId));
        assertThat(invoicesOf(t, b.subscriptionId())).hasSize(2);

        // the credit is consumed by the next invoice, taxed at today's 20 %: 3,600.00 − 2.32 due
        advanceTo(t, "2038-05-01T00:00:01Z");
        JsonNode april = awaitInvoice(b, i -> usageWindowIs(i, APRIL, "2038-05-01T00:00:00Z") && isFinalized(i));
        assertThat(types(april)).containsExactly("SUBSCRIPTION", "TAX", "CREDIT_NOTE");
        assertThat(april.get("taxAmount").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(april.get("total").decimalValue()).isEqualByComparingTo("3600.00");
        assertThat(april.get("amountDue").decimalValue()).isEqualByComparingTo("3597.68");
        assertLedgerVerifies(t, 1);
    }

    /**
     * Eight late events of one window sent at once: each request re-rates the window after its own event, the
     * window's row makes them take turns, and what they record adds up to the difference exactly once (8 GB = 4.00).
     */
    @Test
    void concurrentLateEventsBillTheirDifferenceOnce() throws Exception {
        Billed b = subscribed();
        TestTenant t = b.tenant();
        finalizedMarch(b);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String timestamp = "2038-03-" + (11 + i) + "T00:00:00Z";
                sends.add(() -> api().post("/api/events", t.apiKey(), eventBody(b, uniqueCode("tx"), timestamp, 1))
                        .status());
            }
            for (Future<Integer> sent : senders.invokeAll(sends)) {
                assertThat(sent.get()).isEqualTo(201);
            }
        } finally {
            senders.shutdownNow();
        }
        advanceTo(t, "2038-05-01T00:00:01Z");
        JsonNode april = awaitInvoice(b, i -> usageWindowIs(i, APRIL, "2038-05-01T00:00:00Z") && isFinalized(i));
        BigDecimal adjusted = BigDecimal.ZERO;
        JsonNode last = null;
        for (JsonNode line : april.get("lines")) {
            if (line.get("type").asText().equals("ADJUSTMENT")) {
                adjusted = adjusted.add(line.get("amount").decimalValue());
                last = line;
            }
        }
        assertThat(adjusted).isEqualByComparingTo("4.00");
        assertThat(last).isNotNull();
        assertThat(last.at("/usage/units").decimalValue()).isEqualByComparingTo("18");
        assertThat(last.at("/usage/eventCount").asLong()).isEqualTo(9);
        // 3,000.00 + 4.00; VAT 16 % 480.64 → 3,484.64
        assertThat(april.get("total").decimalValue()).isEqualByComparingTo("3484.64");
        assertLedgerVerifies(t, 1);
    }

    /**
     * The ledger verifier over what late usage did: the original invoice keeps its lines, and the window it billed
     * re-rates to its last late-usage re-rating (docs/billing-rules.md §16), not to a violation.
     */
    private void assertLedgerVerifies(TestTenant t, long reRatedWindows) {
        Api.Response verified = api().get("/api/admin/ledger/verify?rebuild=false", t.accessToken());
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.body().get("ok").asBoolean()).as(verified.body().toPrettyString()).isTrue();
        // every read model was compared, none skipped for lagging: only the rebuild, not asked for, is left out
        assertThat(verified.body().get("skipped")).as(verified.body().toPrettyString()).singleElement()
                .satisfies(skip -> assertThat(skip.get("check").asText()).isEqualTo("projection-rebuild"));
        assertThat(verified.body().at("/counts/usageWindowsReRatedLate").asLong()).isEqualTo(reRatedWindows);
    }

    /**
     * A subscription canceled now has no next boundary: its invoice at the cancellation bills the pending adjustment,
     * and a late event after it is billed on an invoice of its own (the subscription has ended).
     */
    @Test
    void aCancellationBillsThePendingAdjustmentAndLaterOnesHaveTheirOwnInvoice() {
        Billed b = subscribed();
        TestTenant t = b.tenant();
        JsonNode march = finalizedMarch(b);
        String marchId = march.get("id").asText();
        advanceTo(t, "2038-04-05T00:00:00Z");
        event(b, uniqueCode("tx"), "2038-03-20T12:00:00Z", 4); // 2.00 more, pending

        advanceTo(t, "2038-04-10T00:00:00Z");
        Api.Response canceled = api().post("/api/subscriptions/" + b.subscriptionId() + "/cancel", t.apiKey(),
                Map.of("cancelAt", "now"));
        assertThat(canceled.status()).as(canceled.text()).isEqualTo(200);
        JsonNode atCancel = awaitInvoice(b, i -> i.get("periodStart").asText().equals("2038-04-10T00:00:00Z")
                && isFinalized(i));
        assertThat(types(atCancel)).containsExactly("ADJUSTMENT", "TAX", "CREDIT_NOTE");
        assertThat(atCancel.at("/lines/0/adjustedInvoiceId").asText()).isEqualTo(marchId);
        assertThat(atCancel.get("total").decimalValue()).isEqualByComparingTo("2.32");
        assertThat(atCancel.get("amountDue").decimalValue()).isEqualByComparingTo("0.00"); // the unused time's credit

        event(b, uniqueCode("tx"), "2038-03-25T00:00:00Z", 2); // 1.00 more, after the end
        JsonNode own = awaitInvoice(b, i -> types(i).get(0).equals("ADJUSTMENT")
                && i.get("periodStart").asText().equals(MARCH));
        assertThat(own.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(own.at("/lines/0/amount").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(own.get("total").decimalValue()).isEqualByComparingTo("1.16");
        assertMarchAsIssued(invoice(t, marchId));
    }

    /** The recurring invoice whose first line is the base fee of the period after {@code from}–{@code to}. */
    private static boolean usageWindowIs(JsonNode invoice, String from, String to) {
        return invoice.get("periodStart").asText().equals(from) && invoice.get("periodEnd").asText().equals(to)
                && types(invoice).get(0).equals("SUBSCRIPTION");
    }

    private static boolean isFinalized(JsonNode invoice) {
        return !invoice.get("status").asText().equals("DRAFT");
    }

    private JsonNode awaitInvoice(Billed b, Predicate<JsonNode> matching) {
        java.util.function.Supplier<Optional<JsonNode>> find = () -> invoicesOf(b.tenant(), b.subscriptionId())
                .stream().filter(matching).findFirst();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> find.get().isPresent());
        return find.get().orElseThrow();
    }

    private JsonNode invoice(TestTenant t, String invoiceId) {
        Api.Response found = api().get("/api/invoices/" + invoiceId, t.apiKey());
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        return found.body();
    }

    private Map<String, Object> eventBody(Billed b, String transactionId, String timestamp, Number gb) {
        Map<String, Object> body = new HashMap<>();
        body.put("transactionId", transactionId);
        body.put("subscriptionId", b.subscriptionId());
        body.put("code", b.code());
        body.put("timestamp", timestamp);
        body.put("properties", Map.of("gb", gb));
        return body;
    }

    private void event(Billed b, String transactionId, String timestamp, Number gb) {
        Api.Response accepted = api().post("/api/events", b.tenant().apiKey(),
                eventBody(b, transactionId, timestamp, gb));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
    }

    private List<JsonNode> invoicesOf(TestTenant t, String subscriptionId) {
        Api.Response list = api().get("/api/invoices?subscriptionId=" + subscriptionId + "&limit=100", t.apiKey());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<JsonNode> invoices = new ArrayList<>();
        list.body().get("data").forEach(invoices::add);
        return invoices;
    }

    private static List<String> types(JsonNode invoice) {
        List<String> types = new ArrayList<>();
        invoice.get("lines").forEach(line -> types.add(line.get("type").asText()));
        return types;
    }
}
