package com.novabilling.app.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.schedule.DueWorkPoller;
import com.novabilling.app.schedule.TenantDueWork;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recurring invoices from the subscription clock (issue 12 item 3): one invoice per boundary, the in-advance fee of
 * the opening period plus the closed period's usage, aggregated over the closed period's own boundaries.
 */
class RecurringInvoiceHttpTest extends IntegrationTest {

    @Autowired
    private DueWorkPoller poller;

    @Autowired
    private TenantDueWork dueWork;

    private record Billed(TestTenant tenant, String subscriptionId, String chargeId, String code, String customerId) {
    }

    /** A KES customer taxed VAT 16 %, on a monthly KES 3,000 plan with a SUM charge of 0.50 per GB, from 2038-03-01. */
    private Billed subscribed(Map<String, Object> planTerms) {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-01T00:00:00Z");
        Map<String, Object> plan = new HashMap<>(Map.of("name", "Basic", "code", uniqueCode("basic"),
                "billingInterval", "MONTHLY", "prices", List.of(Map.of("currency", "KES", "amount", 3000))));
        plan.putAll(planTerms);
        String planId = created(t, "/api/plans", plan);
        String code = uniqueCode("storage");
        String metricId = created(t, "/api/billable-metrics", Map.of("name", "Storage", "code", code,
                "aggregationType", "SUM", "fieldName", "gb"));
        String chargeId = created(t, "/api/charges", Map.of("planId", planId, "billableMetricId", metricId,
                "currency", "KES", "chargeModel", "STANDARD", "properties", Map.of("amount", 0.5)));
        String customerId = created(t, "/api/customers", Map.of("name", "Wanjiru", "email",
                uniqueCode("w") + "@example.com", "currency", "KES", "taxRate", 16, "taxName", "VAT"));
        String subscriptionId = created(t, "/api/subscriptions", Map.of("customerId", customerId, "planId", planId));
        return new Billed(t, subscriptionId, chargeId, code, customerId);
    }

    @Test
    void aMonthlyKesSubscriptionWithUsageGetsExactlyOneInvoicePerBoundary() throws Exception {
        Billed b = subscribed(Map.of());
        TestTenant t = b.tenant();

        JsonNode first = awaitInvoices(t, b.subscriptionId(), 1, "FINALIZED").get(0);
        assertThat(first.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(first.get("invoiceNumber").asText()).isEqualTo("INV-000001");
        assertThat(first.get("periodStart").asText()).isEqualTo("2038-03-01T00:00:00Z");
        assertThat(first.get("subtotal").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(first.get("taxAmount").decimalValue()).isEqualByComparingTo("480.00");
        assertThat(first.get("total").decimalValue()).isEqualByComparingTo("3480.00");
        assertThat(first.get("amountDue").decimalValue()).isEqualByComparingTo("3480.00");
        assertThat(types(first)).containsExactly("SUBSCRIPTION", "TAX");

        // pitfall 1: both events of March are on the invoice issued at April 1, the one of April 2 is not
        advanceTo(t, "2038-03-05T10:00:00Z");
        event(b, "2038-03-05T10:00:00Z", 10);
        advanceTo(t, "2038-03-31T23:59:59Z");
        event(b, "2038-03-31T23:59:59Z", 2.5);
        advanceTo(t, "2038-04-02T00:00:00Z");
        event(b, "2038-04-01T12:00:00Z", 100);

        List<JsonNode> invoices = awaitInvoices(t, b.subscriptionId(), 2, "FINALIZED");
        JsonNode april = invoices.stream().filter(i -> i.get("periodEnd").asText().equals("2038-04-01T00:00:00Z"))
                .findFirst().orElseThrow();
        assertThat(april.get("invoiceNumber").asText()).isEqualTo("INV-000002");
        assertThat(types(april)).containsExactly("SUBSCRIPTION", "USAGE", "TAX");
        JsonNode fee = april.get("lines").get(0);
        assertThat(fee.get("periodStart").asText()).isEqualTo("2038-04-01T00:00:00Z");
        assertThat(fee.get("periodEnd").asText()).isEqualTo("2038-05-01T00:00:00Z");
        assertThat(fee.get("amount").decimalValue()).isEqualByComparingTo("3000.00");
        JsonNode usage = april.get("lines").get(1);
        assertThat(usage.get("chargeId").asText()).isEqualTo(b.chargeId());
        assertThat(usage.get("periodStart").asText()).isEqualTo("2038-03-01T00:00:00Z");
        assertThat(usage.get("periodEnd").asText()).isEqualTo("2038-04-01T00:00:00Z");
        assertThat(usage.at("/usage/units").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(usage.at("/usage/eventCount").asLong()).isEqualTo(2);
        assertThat(usage.at("/usage/digest").asText()).hasSize(64);
        // the rating engine's estimate for the same events
        Api.Response estimate = api().post("/api/charges/" + b.chargeId() + "/estimate", t.apiKey(), Map.of(
                "events", List.of(Map.of("timestamp", "2038-03-05T10:00:00Z", "properties", Map.of("gb", 10)),
                        Map.of("timestamp", "2038-03-31T23:59:59Z", "properties", Map.of("gb", 2.5)))));
        assertThat(estimate.status()).as(estimate.text()).isEqualTo(200);
        assertThat(usage.get("amount").decimalValue()).isEqualByComparingTo(estimate.body().get("amount").decimalValue())
                .isEqualByComparingTo("6.25");
        assertThat(april.get("subtotal").decimalValue()).isEqualByComparingTo("3006.25");
        assertThat(april.get("taxAmount").decimalValue()).isEqualByComparingTo("481.00"); // 16 % of 3,006.25
        assertThat(april.get("total").decimalValue()).isEqualByComparingTo("3487.25");

        // pitfall 2: the triggers run again, concurrently: still one invoice per boundary
        ExecutorService triggers = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Object>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(() -> poller.runDue());
                runs.add(() -> dueWork.runDue(t.id()));
            }
            for (Future<Object> run : triggers.invokeAll(runs)) {
                run.get();
            }
        } finally {
            triggers.shutdownNow();
        }
        assertThat(invoicesOf(t, b.subscriptionId())).hasSize(2);
    }

    @Test
    void aDraftWithAGracePeriodFinalizesByItselfWhenTheTestClockPassesItsEnd() {
        Billed b = subscribed(Map.of("invoiceGracePeriodDays", 3));
        TestTenant t = b.tenant();

        JsonNode draft = awaitInvoices(t, b.subscriptionId(), 1, "DRAFT").get(0);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("invoiceNumber").isNull()).isTrue();

        advanceTo(t, "2038-03-03T23:00:00Z");
        assertThat(invoicesOf(t, b.subscriptionId()).get(0).get("status").asText()).isEqualTo("DRAFT");

        advanceTo(t, "2038-03-04T00:00:01Z");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                invoicesOf(t, b.subscriptionId()).get(0).get("status").asText().equals("FINALIZED"));
        assertThat(invoicesOf(t, b.subscriptionId()).get(0).get("invoiceNumber").asText()).isEqualTo("INV-000001");
    }

    /**
     * Late usage during the grace period (item 4): an event of March stored after the April 1 draft was issued is
     * re-rated into the draft at once, and the draft finalizes with it; one stored after finalization changes nothing.
     */
    @Test
    void lateUsageOfTheClosedPeriodIsReRatedIntoTheDraftUntilItFinalizes() {
        Billed b = subscribed(Map.of("invoiceGracePeriodDays", 3));
        TestTenant t = b.tenant();
        advanceTo(t, "2038-03-10T00:00:00Z");
        event(b, "2038-03-10T00:00:00Z", 10);
        advanceTo(t, "2038-04-01T00:00:01Z");
        JsonNode draft = awaitInvoice(t, b.subscriptionId(), "2038-03-01T00:00:00Z", "2038-04-01T00:00:00Z",
                i -> i.get("status").asText().equals("DRAFT"));
        // 3,000.00 + 10 GB × 0.50 = 3,005.00; VAT 16 % 480.80 → 3,485.80
        assertThat(draft.get("total").decimalValue()).isEqualByComparingTo("3485.80");

        event(b, "2038-03-20T12:00:00Z", 4); // late: March is closed and on the draft
        JsonNode reRated = awaitInvoice(t, b.subscriptionId(), "2038-03-01T00:00:00Z", "2038-04-01T00:00:00Z",
                i -> i.at("/lines/1/usage/eventCount").asLong() == 2);
        // 3,000.00 + 14 GB × 0.50 = 3,007.00; VAT 481.12 → 3,488.12
        assertThat(reRated.get("status").asText()).isEqualTo("DRAFT");
        assertThat(reRated.at("/lines/1/usage/units").decimalValue()).isEqualByComparingTo("14");
        assertThat(reRated.at("/lines/1/amount").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(reRated.get("subtotal").decimalValue()).isEqualByComparingTo("3007.00");
        assertThat(reRated.get("taxAmount").decimalValue()).isEqualByComparingTo("481.12");
        assertThat(reRated.get("total").decimalValue()).isEqualByComparingTo("3488.12");
        assertThat(reRated.get("amountDue").decimalValue()).isEqualByComparingTo("3488.12");

        advanceTo(t, "2038-04-04T00:00:01Z");
        JsonNode finalized = awaitInvoice(t, b.subscriptionId(), "2038-03-01T00:00:00Z", "2038-04-01T00:00:00Z",
                i -> i.get("status").asText().equals("FINALIZED"));
        assertThat(finalized.get("invoiceNumber").asText()).isEqualTo("INV-000002");
        assertThat(finalized.get("total").decimalValue()).isEqualByComparingTo("3488.12");

        // late for a finalized invoice: stored, the invoice never changes (the difference is an adjustment, §16,
        // LateUsageHttpTest)
        event(b, "2038-03-25T00:00:00Z", 100);
        JsonNode after = awaitInvoice(t, b.subscriptionId(), "2038-03-01T00:00:00Z", "2038-04-01T00:00:00Z",
                i -> true);
        assertThat(after.get("total").decimalValue()).isEqualByComparingTo("3488.12");
        assertThat(after.at("/lines/1/usage/eventCount").asLong()).isEqualTo(2);
    }

    /**
     * W1's upgrade while March's invoice is still a draft (grace period of 15 days): instead of a credit note against
     * an issued invoice, the draft's base fee is shortened to the time used (3,000.00 − 1,983.87 = 1,016.13), and the
     * upgrade's invoice bills Pro's remaining part (3,967.74) with no credit to draw. Billed in all: 4,983.87, as W1.
     */
    @Test
    void anUpgradeDuringTheGracePeriodShortensTheDraftsFeeInsteadOfACreditNote() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-01T00:00:00Z");
        String basic = created(t, "/api/plans", Map.of("name", "Basic", "code", uniqueCode("basic"),
                "billingInterval", "MONTHLY", "invoiceGracePeriodDays", 15,
                "prices", List.of(Map.of("currency", "KES", "amount", 3000))));
        String pro = created(t, "/api/plans", Map.of("name", "Pro", "code", uniqueCode("pro"),
                "billingInterval", "MONTHLY", "prices", List.of(Map.of("currency", "KES", "amount", 6000))));
        String customerId = created(t, "/api/customers", Map.of("name", "Otieno", "email",
                uniqueCode("o") + "@example.com", "currency", "KES"));
        String subscriptionId = created(t, "/api/subscriptions", Map.of("customerId", customerId, "planId", basic));
        String marchId = awaitInvoices(t, subscriptionId, 1, "DRAFT").get(0).get("id").asText();

        advanceTo(t, "2038-03-11T12:00:00Z");
        Api.Response changed = api().post("/api/subscriptions/" + subscriptionId + "/change-plan", t.apiKey(),
                Map.of("planId", pro));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);

        JsonNode upgrade = awaitInvoice(t, subscriptionId, "2038-03-11T12:00:00Z", "2038-04-01T00:00:00Z",
                i -> i.get("status").asText().equals("FINALIZED"));
        assertThat(types(upgrade)).containsExactly("SUBSCRIPTION");
        assertThat(upgrade.get("total").decimalValue()).isEqualByComparingTo("3967.74");
        assertThat(upgrade.get("amountDue").decimalValue()).isEqualByComparingTo("3967.74");
        JsonNode march = awaitInvoice(t, subscriptionId, "2038-03-01T00:00:00Z", "2038-04-01T00:00:00Z",
                i -> i.at("/lines/0/periodEnd").asText().equals("2038-03-11T12:00:00Z"));
        assertThat(march.get("id").asText()).isEqualTo(marchId);
        assertThat(march.get("status").asText()).isEqualTo("DRAFT");
        assertThat(march.at("/lines/0/amount").decimalValue()).isEqualByComparingTo("1016.13");
        assertThat(march.get("total").decimalValue()).isEqualByComparingTo("1016.13");
        Api.Response notes = api().get("/api/credit-notes?invoiceId=" + marchId, t.apiKey());
        assertThat(notes.status()).as(notes.text()).isEqualTo(200);
        assertThat(notes.body().get("data")).isEmpty();

        advanceTo(t, "2038-03-16T00:00:01Z"); // the grace period ends: March is issued as shortened
        JsonNode issued = awaitInvoice(t, subscriptionId, "2038-03-01T00:00:00Z", "2038-04-01T00:00:00Z",
                i -> i.get("status").asText().equals("FINALIZED"));
        assertThat(issued.get("total").decimalValue()).isEqualByComparingTo("1016.13");
        assertThat(issued.get("total").decimalValue().add(upgrade.get("total").decimalValue()))
                .isEqualByComparingTo("4983.87");
    }

    /** Two subscriptions of one customer renew at the same instant: the customer's credit is drawn once, not twice. */
    @Test
    void creditIsDrawnOnceWhenTwoSubscriptionsOfACustomerRenewTogether() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-01T00:00:00Z");
        String planId = created(t, "/api/plans", Map.of("name", "Basic", "code", uniqueCode("basic"),
                "billingInterval", "MONTHLY", "prices", List.of(Map.of("currency", "KES", "amount", 3000))));
        String customerId = created(t, "/api/customers", Map.of("name", "Achieng", "email",
                uniqueCode("a") + "@example.com", "currency", "KES"));
        String first = created(t, "/api/subscriptions", Map.of("customerId", customerId, "planId", planId));
        String second = created(t, "/api/subscriptions", Map.of("customerId", customerId, "planId", planId));
        String march = awaitInvoices(t, first, 1, "FINALIZED").get(0).get("id").asText();
        awaitInvoices(t, second, 1, "FINALIZED");
        String note = created(t, "/api/credit-notes", Map.of("invoiceId", march, "amount", 500, "reason", "OTHER",
                "type", "CREDIT"));
        Api.Response finalized = api().post("/api/credit-notes/" + note + "/finalize", t.apiKey(), Map.of());
        assertThat(finalized.status()).as(finalized.text()).isEqualTo(200);

        advanceTo(t, "2038-04-01T00:00:01Z"); // both periods close; their invoices are issued in one batch or two

        List<JsonNode> april = new ArrayList<>();
        for (String subscriptionId : List.of(first, second)) {
            april.add(awaitInvoices(t, subscriptionId, 2, "FINALIZED").stream()
                    .filter(i -> i.at("/lines/0/periodStart").asText().equals("2038-04-01T00:00:00Z"))
                    .findFirst().orElseThrow());
        }
        assertThat(april.stream().map(i -> i.get("creditNotesAmount").decimalValue()).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("500.00");
        assertThat(april.stream().map(i -> i.get("amountDue").decimalValue()).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("5500.00");
        Api.Response credit = api().get("/api/credit-notes/" + note, t.apiKey());
        assertThat(credit.body().get("remainingAmount").decimalValue()).isEqualByComparingTo("0.00");
    }

    /** W1's cancel now, in advance: the unused time is credited (1,983.87) and stays the customer's credit. */
    @Test
    void cancelNowCreditsTheUnusedTimeBilledInAdvance() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-01T00:00:00Z");
        String basic = created(t, "/api/plans", Map.of("name", "Basic", "code", uniqueCode("basic"),
                "billingInterval", "MONTHLY", "prices", List.of(Map.of("currency", "KES", "amount", 3000))));
        String customerId = created(t, "/api/customers", Map.of("name", "Kamau", "email",
                uniqueCode("k") + "@example.com", "currency", "KES"));
        String subscriptionId = created(t, "/api/subscriptions", Map.of("customerId", customerId, "planId", basic));
        JsonNode march = awaitInvoices(t, subscriptionId, 1, "FINALIZED").get(0);

        advanceTo(t, "2038-03-11T12:00:00Z");
        Api.Response canceled = api().post("/api/subscriptions/" + subscriptionId + "/cancel", t.apiKey(),
                Map.of("cancelAt", "now"));
        assertThat(canceled.status()).as(canceled.text()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                api().get("/api/credit-notes?invoiceId=" + march.get("id").asText(), t.apiKey()).body()
                        .get("data").size() == 1);
        JsonNode note = api().get("/api/credit-notes?invoiceId=" + march.get("id").asText(), t.apiKey()).body()
                .get("data").get(0);
        assertThat(note.get("reason").asText()).isEqualTo("ORDER_CHANGE");
        assertThat(note.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(note.get("amount").decimalValue()).isEqualByComparingTo("1983.87");
        assertThat(note.get("remainingAmount").decimalValue()).isEqualByComparingTo("1983.87");
        assertThat(invoicesOf(t, subscriptionId)).as("no usage, nothing owed: no final invoice").hasSize(1);
    }

    /** W1 in March 2038 (31 days, like March 2026): Basic 3,000.00 → Pro 6,000.00 at 03-11T12:00Z, no tax. */
    @Test
    void anUpgradeCreditsTheUnusedTimeAndBillsTheNewPlansRemainingPartW1() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-01T00:00:00Z");
        String basic = created(t, "/api/plans", Map.of("name", "Basic", "code", uniqueCode("basic"),
                "billingInterval", "MONTHLY", "prices", List.of(Map.of("currency", "KES", "amount", 3000))));
        String pro = created(t, "/api/plans", Map.of("name", "Pro", "code", uniqueCode("pro"),
                "billingInterval", "MONTHLY", "prices", List.of(Map.of("currency", "KES", "amount", 6000))));
        String customerId = created(t, "/api/customers", Map.of("name", "Otieno", "email",
                uniqueCode("o") + "@example.com", "currency", "KES"));
        String subscriptionId = created(t, "/api/subscriptions", Map.of("customerId", customerId, "planId", basic));
        JsonNode march = awaitInvoices(t, subscriptionId, 1, "FINALIZED").get(0);
        assertThat(march.get("total").decimalValue()).isEqualByComparingTo("3000.00");

        advanceTo(t, "2038-03-11T12:00:00Z");
        Api.Response changed = api().post("/api/subscriptions/" + subscriptionId + "/change-plan", t.apiKey(),
                Map.of("planId", pro));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().get("currentPeriodEnd").asText()).isEqualTo("2038-04-01T00:00:00Z");

        JsonNode upgrade = awaitInvoices(t, subscriptionId, 2, "FINALIZED").stream()
                .filter(i -> i.get("periodStart").asText().equals("2038-03-11T12:00:00Z")).findFirst().orElseThrow();
        assertThat(types(upgrade)).containsExactly("SUBSCRIPTION", "CREDIT_NOTE");
        assertThat(upgrade.at("/lines/0/amount").decimalValue()).isEqualByComparingTo("3967.74");
        assertThat(upgrade.at("/lines/0/periodEnd").asText()).isEqualTo("2038-04-01T00:00:00Z");
        assertThat(upgrade.at("/lines/1/amount").decimalValue()).isEqualByComparingTo("-1983.87");
        assertThat(upgrade.get("total").decimalValue()).isEqualByComparingTo("3967.74");
        assertThat(upgrade.get("creditNotesAmount").decimalValue()).isEqualByComparingTo("1983.87");
        assertThat(upgrade.get("amountDue").decimalValue()).isEqualByComparingTo("1983.87");

        Api.Response notes = api().get("/api/credit-notes?invoiceId=" + march.get("id").asText(), t.apiKey());
        assertThat(notes.status()).as(notes.text()).isEqualTo(200);
        assertThat(notes.body().get("data")).hasSize(1);
        JsonNode note = notes.body().get("data").get(0);
        assertThat(note.get("reason").asText()).isEqualTo("ORDER_CHANGE");
        assertThat(note.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(note.get("amount").decimalValue()).isEqualByComparingTo("1983.87");
        assertThat(note.get("remainingAmount").decimalValue()).isEqualByComparingTo("0.00");
    }

    /** §13.1: a pending add-on is billed once, on the next boundary's invoice, and is INVOICED by it. */
    @Test
    void anAppliedAddOnIsBilledOnceOnTheNextInvoiceAndIsInvoicedThen() {
        Billed b = subscribed(Map.of());
        TestTenant t = b.tenant();
        awaitInvoices(t, b.subscriptionId(), 1, "FINALIZED");
        String addOnId = created(t, "/api/add-ons", Map.of("name", "Setup fee", "code", uniqueCode("setup"),
                "invoiceDisplayName", "Onboarding", "prices", List.of(Map.of("currency", "KES", "amount", 1500.5))));
        String appliedId = created(t, "/api/add-ons/apply", Map.of("addOnId", addOnId, "customerId",
                b.customerId(), "quantity", 2));
        String otherCurrency = created(t, "/api/add-ons", Map.of("name", "Audit", "code", uniqueCode("audit"),
                "prices", List.of(Map.of("currency", "USD", "amount", 10))));
        String inUsd = created(t, "/api/add-ons/apply", Map.of("addOnId", otherCurrency, "customerId",
                b.customerId(), "currency", "USD"));

        advanceTo(t, "2038-04-01T00:00:01Z");
        JsonNode april = awaitInvoice(t, b.subscriptionId(), "2038-04-01T00:00:00Z");
        assertThat(april.get("status").asText()).isEqualTo("FINALIZED");
        assertThat(types(april)).containsExactly("SUBSCRIPTION", "ADD_ON", "TAX");
        JsonNode addOn = april.get("lines").get(1);
        assertThat(addOn.get("description").asText()).isEqualTo("Onboarding");
        assertThat(addOn.get("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(addOn.get("unitAmount").decimalValue()).isEqualByComparingTo("1500.50");
        assertThat(addOn.get("amount").decimalValue()).isEqualByComparingTo("3001.00");
        assertThat(april.get("subtotal").decimalValue()).isEqualByComparingTo("6001.00");
        assertThat(april.get("taxAmount").decimalValue()).isEqualByComparingTo("960.16"); // 16 % of 6,001.00
        assertThat(april.get("total").decimalValue()).isEqualByComparingTo("6961.16");

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                appliedAddOn(t, b.customerId(), appliedId).get("status").asText().equals("INVOICED"));
        JsonNode invoiced = appliedAddOn(t, b.customerId(), appliedId);
        assertThat(invoiced.get("invoiceId").asText()).isEqualTo(april.get("id").asText());
        assertThat(invoiced.get("invoicedAt").asText()).isNotBlank();
        assertThat(appliedAddOn(t, b.customerId(), inUsd).get("status").asText())
                .as("another currency waits for an invoice in it").isEqualTo("PENDING");
        Api.Response remove = api().delete("/api/add-ons/applied/" + appliedId, t.apiKey());
        assertThat(remove.status()).as(remove.text()).isEqualTo(409);

        advanceTo(t, "2038-05-01T00:00:01Z");
        JsonNode may = awaitInvoice(t, b.subscriptionId(), "2038-05-01T00:00:00Z");
        assertThat(types(may)).containsExactly("SUBSCRIPTION", "TAX");
        assertThat(may.get("total").decimalValue()).isEqualByComparingTo("3480.00");
        assertThat(invoicesOf(t, b.subscriptionId())).hasSize(3);
    }

    /** §8.4: a REPEATING coupon of 2 periods at 10 % discounts exactly the next two invoices, then is EXHAUSTED. */
    @Test
    void aRepeatingCouponOfTwoPeriodsDiscountsExactlyTwoInvoicesThenStops() {
        Billed b = subscribed(Map.of());
        TestTenant t = b.tenant();
        awaitInvoice(t, b.subscriptionId(), "2038-03-01T00:00:00Z");
        String code = uniqueCode("TWICE").toUpperCase();
        String couponId = created(t, "/api/coupons", Map.of("name", "Twice", "code", code, "discountType",
                "PERCENTAGE", "discountValue", 10, "duration", "REPEATING", "durationInPeriods", 2));
        String appliedId = created(t, "/api/coupons/apply", Map.of("couponId", couponId, "customerId",
                b.customerId()));

        for (String boundary : List.of("2038-04-01T00:00:00Z", "2038-05-01T00:00:00Z")) {
            advanceTo(t, java.time.Instant.parse(boundary).plusSeconds(1).toString());
            JsonNode invoice = awaitInvoice(t, b.subscriptionId(), boundary);
            assertThat(types(invoice)).as(boundary).containsExactly("SUBSCRIPTION", "DISCOUNT", "TAX");
            JsonNode discount = invoice.get("lines").get(1);
            assertThat(discount.get("amount").decimalValue()).isEqualByComparingTo("-300.00");
            assertThat(discount.get("description").asText()).isEqualTo("Coupon " + code + " (10 %)");
            assertThat(invoice.get("subtotal").decimalValue()).isEqualByComparingTo("3000.00");
            assertThat(invoice.get("discountAmount").decimalValue().abs()).isEqualByComparingTo("300.00");
            assertThat(invoice.get("taxAmount").decimalValue()).isEqualByComparingTo("432.00"); // 16 % of 2,700.00
            assertThat(invoice.get("total").decimalValue()).isEqualByComparingTo("3132.00");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                appliedCoupon(t, b.customerId(), appliedId).get("status").asText().equals("EXHAUSTED"));
        JsonNode exhausted = appliedCoupon(t, b.customerId(), appliedId);
        assertThat(exhausted.get("periodsRemaining").asInt()).isZero();

        advanceTo(t, "2038-06-01T00:00:01Z");
        JsonNode june = awaitInvoice(t, b.subscriptionId(), "2038-06-01T00:00:00Z");
        assertThat(types(june)).containsExactly("SUBSCRIPTION", "TAX");
        assertThat(june.get("total").decimalValue()).isEqualByComparingTo("3480.00");
        Api.Response remove = api().delete("/api/coupons/applied/" + appliedId, t.apiKey());
        assertThat(remove.status()).as(remove.text()).isEqualTo(409);
    }

    /** §8.4: a ONCE fixed coupon larger than the invoice keeps its remainder for the next invoice. */
    @Test
    void aOnceFixedCouponLargerThanTheInvoiceCarriesItsRemainderToTheNextInvoice() {
        Billed b = subscribed(Map.of());
        TestTenant t = b.tenant();
        awaitInvoice(t, b.subscriptionId(), "2038-03-01T00:00:00Z");
        String couponId = created(t, "/api/coupons", Map.of("name", "Big", "code", uniqueCode("BIG").toUpperCase(),
                "discountType", "FIXED_AMOUNT", "discountValue", 5000, "currency", "KES", "duration", "ONCE"));
        String appliedId = created(t, "/api/coupons/apply", Map.of("couponId", couponId, "customerId",
                b.customerId()));

        advanceTo(t, "2038-04-01T00:00:01Z");
        JsonNode april = awaitInvoice(t, b.subscriptionId(), "2038-04-01T00:00:00Z");
        assertThat(types(april)).containsExactly("SUBSCRIPTION", "DISCOUNT", "TAX");
        assertThat(april.at("/lines/1/amount").decimalValue()).isEqualByComparingTo("-3000.00");
        assertThat(april.at("/lines/2/amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(april.get("taxAmount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(april.get("total").decimalValue()).isEqualByComparingTo("0.00");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                appliedCoupon(t, b.customerId(), appliedId).hasNonNull("amountRemaining"));
        JsonNode afterApril = appliedCoupon(t, b.customerId(), appliedId);
        assertThat(afterApril.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(afterApril.get("amountRemaining").decimalValue()).isEqualByComparingTo("2000.00");

        advanceTo(t, "2038-05-01T00:00:01Z");
        JsonNode may = awaitInvoice(t, b.subscriptionId(), "2038-05-01T00:00:00Z");
        assertThat(types(may)).containsExactly("SUBSCRIPTION", "DISCOUNT", "TAX");
        assertThat(may.at("/lines/1/amount").decimalValue()).isEqualByComparingTo("-2000.00");
        assertThat(may.get("taxAmount").decimalValue()).isEqualByComparingTo("160.00"); // 16 % of 1,000.00
        assertThat(may.get("total").decimalValue()).isEqualByComparingTo("1160.00");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                appliedCoupon(t, b.customerId(), appliedId).get("status").asText().equals("EXHAUSTED"));
        assertThat(appliedCoupon(t, b.customerId(), appliedId).get("amountRemaining").decimalValue())
                .isEqualByComparingTo("0.00");

        advanceTo(t, "2038-06-01T00:00:01Z");
        JsonNode june = awaitInvoice(t, b.subscriptionId(), "2038-06-01T00:00:00Z");
        assertThat(types(june)).containsExactly("SUBSCRIPTION", "TAX");
        assertThat(june.get("total").decimalValue()).isEqualByComparingTo("3480.00");
    }

    /**
     * The subscription's invoice issued at {@code boundary} (its in-advance fee's period starts there), once it is no
     * longer a draft.
     */
    private JsonNode awaitInvoice(TestTenant t, String subscriptionId, String boundary) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                invoicesOf(t, subscriptionId).stream().anyMatch(i -> issuedAt(i, boundary)
                        && !i.get("status").asText().equals("DRAFT")));
        List<JsonNode> atBoundary = invoicesOf(t, subscriptionId).stream().filter(i -> issuedAt(i, boundary)).toList();
        assertThat(atBoundary).as("one invoice at " + boundary).hasSize(1);
        return atBoundary.get(0);
    }

    private static boolean issuedAt(JsonNode invoice, String boundary) {
        return invoice.at("/lines/0/type").asText().equals("SUBSCRIPTION")
                && invoice.at("/lines/0/periodStart").asText().equals(boundary);
    }

    private JsonNode appliedCoupon(TestTenant t, String customerId, String appliedId) {
        Api.Response list = api().get("/api/coupons/applied/list?limit=100&customerId=" + customerId, t.apiKey());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        for (JsonNode applied : list.body().get("data")) {
            if (applied.get("id").asText().equals(appliedId)) {
                return applied;
            }
        }
        throw new AssertionError("no applied coupon " + appliedId + " in " + list.text());
    }

    private JsonNode appliedAddOn(TestTenant t, String customerId, String appliedId) {
        Api.Response list = api().get("/api/add-ons/applied/list?limit=100&customerId=" + customerId, t.apiKey());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        for (JsonNode applied : list.body().get("data")) {
            if (applied.get("id").asText().equals(appliedId)) {
                return applied;
            }
        }
        throw new AssertionError("no applied add-on " + appliedId + " in " + list.text());
    }

    private void event(Billed b, String timestamp, Number gb) {
        Api.Response accepted = api().post("/api/events", b.tenant().apiKey(), Map.of("transactionId",
                uniqueCode("tx"), "subscriptionId", b.subscriptionId(), "code", b.code(), "timestamp", timestamp,
                "properties", Map.of("gb", gb)));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
    }

    /** The subscription's invoices once there are {@code count}, all in {@code status}. */
    private List<JsonNode> awaitInvoices(TestTenant t, String subscriptionId, int count, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<JsonNode> invoices = invoicesOf(t, subscriptionId);
            return invoices.size() >= count && invoices.stream().allMatch(i -> i.get("status").asText().equals(status));
        });
        List<JsonNode> invoices = invoicesOf(t, subscriptionId);
        assertThat(invoices).hasSize(count);
        return invoices;
    }

    /** The invoice whose usage window is {@code [from, to)} once it satisfies {@code until}. */
    private JsonNode awaitInvoice(TestTenant t, String subscriptionId, String from, String to,
                                  java.util.function.Predicate<JsonNode> until) {
        java.util.function.Supplier<java.util.Optional<JsonNode>> find = () -> invoicesOf(t, subscriptionId).stream()
                .filter(i -> i.get("periodStart").asText().equals(from) && i.get("periodEnd").asText().equals(to))
                .findFirst();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> find.get().filter(until).isPresent());
        return find.get().orElseThrow();
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
