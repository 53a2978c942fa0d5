package com.novabilling.app.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year of invoices on the test clock (issue 12 item 10): a UGX plan billed in arrears, usage every month, a pause
 * in June that stretches that period. Every invoice is checked to the shilling against amounts worked out here.
 */
class YearOfInvoicesHttpTest extends IntegrationTest {

    private static final long FEE = 50_000;     // UGX per month, in arrears
    private static final long PER_CALL = 100;   // UGX per call

    @Test
    void aYearOfMonthlyInArrearsInvoicesInUgxWithUsageAndAPause() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-01-15T08:00:00Z");
        String planId = created(t, "/api/plans", Map.of("name", "Metered", "code", uniqueCode("ugx"),
                "billingInterval", "MONTHLY", "billingTiming", "IN_ARREARS",
                "prices", List.of(Map.of("currency", "UGX", "amount", FEE))));
        String code = uniqueCode("calls");
        String metricId = created(t, "/api/billable-metrics", Map.of("name", "Calls", "code", code,
                "aggregationType", "COUNT"));
        created(t, "/api/charges", Map.of("planId", planId, "billableMetricId", metricId, "currency", "UGX",
                "chargeModel", "STANDARD", "properties", Map.of("amount", PER_CALL)));
        String customerId = created(t, "/api/customers", Map.of("name", "Nakato", "email",
                uniqueCode("n") + "@example.com", "currency", "UGX"));
        String subscriptionId = created(t, "/api/subscriptions", Map.of("customerId", customerId, "planId", planId));

        List<Instant[]> periods = new ArrayList<>();
        for (int month = 0; month < 12; month++) {
            JsonNode subscription = subscription(t, subscriptionId);
            Instant start = Instant.parse(subscription.get("currentPeriodStart").asText());
            int calls = month + 1;
            Instant firstCall = start.plus(Duration.ofDays(1));
            advanceTo(t, firstCall.plus(Duration.ofMinutes(calls)).toString());
            for (int call = 0; call < calls; call++) {
                Api.Response accepted = api().post("/api/events", t.apiKey(), Map.of("transactionId",
                        uniqueCode("tx"), "subscriptionId", subscriptionId, "code", code,
                        "timestamp", firstCall.plus(Duration.ofMinutes(call)).toString(), "properties", Map.of()));
                assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
            }
            if (month == 5) { // June: ten days paused stretch the period by ten days
                advanceTo(t, "2038-06-20T00:00:00Z");
                post(t, "/api/subscriptions/" + subscriptionId + "/pause");
                advanceTo(t, "2038-06-30T00:00:00Z");
                post(t, "/api/subscriptions/" + subscriptionId + "/resume");
            }
            Instant end = Instant.parse(subscription(t, subscriptionId).get("currentPeriodEnd").asText());
            periods.add(new Instant[]{start, end});
            advanceTo(t, end.plus(Duration.ofHours(1)).toString());
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                invoices(t, subscriptionId).stream().filter(i -> i.get("status").asText().equals("FINALIZED"))
                        .count() == 12);
        List<JsonNode> invoices = invoices(t, subscriptionId);
        invoices.sort(Comparator.comparing(i -> i.get("periodStart").asText()));
        assertThat(invoices).hasSize(12);
        assertThat(periods.get(5)[0]).isEqualTo(Instant.parse("2038-06-15T08:00:00Z"));
        assertThat(periods.get(5)[1]).as("June stretched by its pause").isEqualTo(Instant.parse("2038-07-25T08:00:00Z"));
        for (int month = 0; month < 12; month++) {
            JsonNode invoice = invoices.get(month);
            long calls = month + 1;
            assertThat(invoice.get("currency").asText()).isEqualTo("UGX");
            assertThat(invoice.get("invoiceNumber").asText()).isEqualTo(String.format("INV-%06d", month + 1));
            assertThat(Instant.parse(invoice.get("periodStart").asText())).isEqualTo(periods.get(month)[0]);
            assertThat(Instant.parse(invoice.get("periodEnd").asText())).isEqualTo(periods.get(month)[1]);
            JsonNode fee = invoice.get("lines").get(0);
            assertThat(fee.get("type").asText()).isEqualTo("SUBSCRIPTION");
            assertThat(fee.get("amount").toString()).isEqualTo(Long.toString(FEE)); // 0 decimals: 50000, not 50000.00
            JsonNode usage = invoice.get("lines").get(1);
            assertThat(usage.get("type").asText()).isEqualTo("USAGE");
            assertThat(usage.at("/usage/eventCount").asLong()).isEqualTo(calls);
            assertThat(usage.get("amount").toString()).isEqualTo(Long.toString(calls * PER_CALL));
            assertThat(invoice.get("total").toString()).isEqualTo(Long.toString(FEE + calls * PER_CALL));
            assertThat(invoice.get("amountDue").toString()).isEqualTo(Long.toString(FEE + calls * PER_CALL));
        }
    }

    private JsonNode subscription(TestTenant t, String subscriptionId) {
        Api.Response read = api().get("/api/subscriptions/" + subscriptionId, t.apiKey());
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        return read.body();
    }

    private List<JsonNode> invoices(TestTenant t, String subscriptionId) {
        Api.Response list = api().get("/api/invoices?subscriptionId=" + subscriptionId + "&limit=100", t.apiKey());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<JsonNode> invoices = new ArrayList<>();
        list.body().get("data").forEach(invoices::add);
        return invoices;
    }

    private void post(TestTenant t, String path) {
        Api.Response answer = api().post(path, t.apiKey(), Map.of());
        assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
    }
}
