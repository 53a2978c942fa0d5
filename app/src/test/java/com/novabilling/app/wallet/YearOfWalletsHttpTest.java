package com.novabilling.app.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year of wallets on the test clock (issue 13): a KES plan billed in arrears with usage every month, a prepaid
 * wallet whose purchase waits for its invoice to be paid, a promotional grant that expires in May, quarterly grants,
 * a second purchase whose invoice is voided, and a late event for March billed on April's invoice. Every invoice's
 * wallet amount is checked against the spending order worked out here (priority 1 before 5, granted before
 * purchased), then the ledger verifier checks the whole year and names a corrupted row.
 */
class YearOfWalletsHttpTest extends IntegrationTest {

    /** Per month: the invoice total (100.00 + 5.00 per month of usage, + 3.00 of late March usage in April). */
    private static final String[] TOTALS = {"105.00", "110.00", "115.00", "123.00", "125.00", "130.00", "135.00",
            "140.00", "145.00", "150.00", "155.00", "160.00"};
    /**
     * What the wallets pay of each: January from the prepaid 200.00 (priority 1); February its last 95.00 and 15.00
     * of the 300.00 promotion (priority 5); March 115.00 of the promotion; April the 50.00 April grant then 73.00 of
     * the promotion, whose last 97.00 expire on May 15; then only the July and October grants.
     */
    private static final String[] PAID_BY_WALLETS = {"105.00", "110.00", "115.00", "123.00", "0.00", "0.00",
            "50.00", "0.00", "0.00", "50.00", "0.00", "0.00"};

    @Test
    void aYearOfGrantsPurchasesExpiriesAndLateUsageVerifiesAndACorruptedRowIsNamed() throws Exception {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-01-01T00:00:00Z");
        String planId = created(t, "/api/plans", Map.of("name", "Storage plan", "code", uniqueCode("kes"),
                "billingInterval", "MONTHLY", "billingTiming", "IN_ARREARS",
                "prices", List.of(Map.of("currency", "KES", "amount", 100))));
        String code = uniqueCode("storage");
        String metricId = created(t, "/api/billable-metrics", Map.of("name", "Storage", "code", code,
                "aggregationType", "SUM", "fieldName", "gb"));
        created(t, "/api/charges", Map.of("planId", planId, "billableMetricId", metricId, "currency", "KES",
                "chargeModel", "STANDARD", "properties", Map.of("amount", 0.5)));
        String customerId = created(t, "/api/customers", Map.of("name", "Achieng", "email",
                uniqueCode("a") + "@example.com", "currency", "KES"));
        String subscriptionId = created(t, "/api/subscriptions", Map.of("customerId", customerId, "planId", planId));

        // January 2: a prepaid wallet whose purchase waits for its invoice, and a promotion expiring May 15
        advanceTo(t, "2038-01-02T00:00:00Z");
        JsonNode prepaid = createWallet(t, Map.of("customerId", customerId, "name", "Prepaid", "currency", "KES",
                "paidCredits", 200, "priority", 1, "invoiceRequiresSuccessfulPayment", true));
        String prepaidId = prepaid.get("id").asText();
        assertThat(prepaid.get("pendingBalance").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(prepaid.get("balance").decimalValue()).isEqualByComparingTo("0");
        JsonNode promotion = createWallet(t, Map.of("customerId", customerId, "name", "Launch promotion",
                "currency", "KES", "grantedCredits", 300, "priority", 5, "expirationAt", "2038-05-15T00:00:00Z"));
        String promotionId = promotion.get("id").asText();
        assertThat(promotion.get("balance").decimalValue()).isEqualByComparingTo("300.00");

        // January 3: the purchase invoice is paid and the 200 credits settle
        advanceTo(t, "2038-01-03T00:00:00Z");
        String purchaseInvoice = purchaseInvoiceOf(t, prepaidId, "PENDING");
        markPaid(t, purchaseInvoice);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                wallet(t, prepaidId).get("balance").decimalValue().compareTo(new BigDecimal("200")) == 0);

        for (int month = 0; month < 12; month++) {
            LocalDate start = LocalDate.of(2038, 1, 1).plusMonths(month);
            Instant periodStart = start.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant periodEnd = start.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (month == 3 || month == 6 || month == 9) { // quarterly grants of 50 credits on the prepaid wallet
                advanceTo(t, periodStart.plus(Duration.ofHours(2)).toString());
                Api.Response granted = api().post("/api/wallets/transactions", t.apiKey(),
                        Map.of("walletId", prepaidId, "grantedCredits", 50));
                assertThat(granted.status()).as(granted.text()).isEqualTo(201);
            }
            Instant usageAt = periodStart.plus(Duration.ofDays(5));
            advanceTo(t, usageAt.toString());
            event(t, subscriptionId, code, usageAt, 10 * (month + 1)); // 10 GB more each month: 5.00, 10.00, …
            if (month == 3) { // April 10: 6 GB more of March, whose invoice is final: 3.00 on April's invoice
                advanceTo(t, "2038-04-10T00:00:00Z");
                event(t, subscriptionId, code, Instant.parse("2038-03-20T12:00:00Z"), 6);
            }
            if (month == 5) { // June: 100 more prepaid credits whose invoice is voided: the purchase fails
                advanceTo(t, "2038-06-10T00:00:00Z");
                Api.Response bought = api().post("/api/wallets/transactions", t.apiKey(),
                        Map.of("walletId", prepaidId, "paidCredits", 100));
                assertThat(bought.status()).as(bought.text()).isEqualTo(201);
                Api.Response voided = api().post("/api/invoices/" + purchaseInvoiceOf(t, prepaidId, "PENDING")
                        + "/void", t.apiKey(), null);
                assertThat(voided.status()).as(voided.text()).isEqualTo(200);
            }
            advanceTo(t, periodEnd.plus(Duration.ofHours(1)).toString());
            int issued = month + 1;
            awaitInvoices(t, subscriptionId, issued, i -> !i.get("status").asText().equals("DRAFT"));
        }

        List<JsonNode> invoices = invoices(t, "subscriptionId=" + subscriptionId);
        invoices.sort(Comparator.comparing(i -> i.get("periodStart").asText()));
        assertThat(invoices).hasSize(12);
        for (int month = 0; month < 12; month++) {
            JsonNode invoice = invoices.get(month);
            String label = "invoice of month " + (month + 1) + ": " + invoice;
            assertThat(invoice.get("total").decimalValue()).as(label).isEqualByComparingTo(TOTALS[month]);
            assertThat(invoice.get("walletAmount").decimalValue()).as(label)
                    .isEqualByComparingTo(PAID_BY_WALLETS[month]);
            assertThat(invoice.get("amountDue").decimalValue()).as(label).isEqualByComparingTo(
                    invoice.get("total").decimalValue().subtract(invoice.get("walletAmount").decimalValue()));
            assertThat(invoice.get("status").asText()).as(label)
                    .isEqualTo(TOTALS[month].equals(PAID_BY_WALLETS[month]) ? "PAID" : "FINALIZED");
        }
        // April: the late March usage as an adjustment, paid by the April grant first, then the promotion
        JsonNode april = invoices.get(3);
        assertThat(april.get("lines").toString()).contains("Late usage for 2038-03-01 – 2038-03-31");
        JsonNode aprilPayments = april.get("walletPayments");
        assertThat(aprilPayments).hasSize(2);
        assertThat(aprilPayments.at("/0/walletId").asText()).isEqualTo(prepaidId);
        assertThat(aprilPayments.at("/0/paidFrom/0/description").asText())
                .isEqualTo("50.00 of the 2038-04-01 grant of 50.00");
        assertThat(aprilPayments.at("/1/walletId").asText()).isEqualTo(promotionId);
        assertThat(aprilPayments.at("/1/paidFrom/0/description").asText())
                .isEqualTo("73.00 of the 2038-01-02 grant of 300.00");

        // the wallets at the end of the year
        JsonNode prepaidNow = wallet(t, prepaidId);
        assertThat(prepaidNow.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(prepaidNow.get("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(prepaidNow.get("pendingBalance").decimalValue()).isEqualByComparingTo("0");
        assertThat(prepaidNow.get("consumedAmount").decimalValue()).isEqualByComparingTo("350.00");
        JsonNode promotionNow = wallet(t, promotionId);
        assertThat(promotionNow.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(promotionNow.get("terminatedAt").asText()).isEqualTo("2038-05-15T00:00:00Z");
        assertThat(promotionNow.get("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(promotionNow.get("consumedAmount").decimalValue()).isEqualByComparingTo("203.00");
        JsonNode expired = api().get("/api/wallets/" + promotionId + "/transactions?type=VOIDED", t.apiKey()).body();
        assertThat(expired.get("data")).singleElement()
                .satisfies(tx -> assertThat(tx.get("amount").decimalValue()).isEqualByComparingTo("97.00"));
        JsonNode promotionSpent = api().get("/api/wallets/" + promotionId + "/transactions?type=INVOICED",
                t.apiKey()).body();
        List<String> drawn = new ArrayList<>();
        promotionSpent.get("data").forEach(tx -> drawn.add(tx.at("/draws/0/description").asText()));
        assertThat(drawn).containsExactlyInAnyOrder("15.00 of the 2038-01-02 grant of 300.00",
                "115.00 of the 2038-01-02 grant of 300.00", "73.00 of the 2038-01-02 grant of 300.00");
        JsonNode failed = api().get("/api/wallets/" + prepaidId + "/transactions?status=FAILED", t.apiKey()).body();
        assertThat(failed.get("data")).singleElement()
                .satisfies(tx -> assertThat(tx.get("credits").decimalValue()).isEqualByComparingTo("100"));
        List<JsonNode> all = invoices(t, "customerId=" + customerId);
        assertThat(all).hasSize(14); // 12 months and two credit-purchase invoices, one paid and one voided

        // the ledger verifier over the year: every check passes
        JsonNode report = verify(t);
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString()).isTrue();
        assertThat(report.at("/counts/invoices").asLong()).isEqualTo(14);
        assertThat(report.at("/counts/wallets").asLong()).isEqualTo(2);
        assertThat(report.at("/counts/usageWindows").asLong()).isEqualTo(12);
        assertThat(report.at("/counts/usageWindowsReRatedLate").asLong()).isEqualTo(1);
        assertThat(report.get("checks").toString()).contains("wallet-balance", "wallet-read-model", "invoice-wallet",
                "usage-rerating", "projection-rebuild");

        // a wallet's balance changed behind the application's back is named, with the wallet
        try (Connection c = connect(tenantDatabase(t.id()))) {
            c.createStatement().executeUpdate("UPDATE wallets SET balance_minor = balance_minor + 100 WHERE id = '"
                    + prepaidId + "'");
        }
        JsonNode corrupted = verify(t);
        assertThat(corrupted.get("ok").asBoolean()).isFalse();
        List<String> named = new ArrayList<>();
        corrupted.get("violations").forEach(v -> named.add(v.get("check").asText() + " " + v.get("ids")));
        assertThat(named).as(corrupted.toPrettyString()).anySatisfy(v -> assertThat(v)
                .startsWith("wallet-read-model").contains(prepaidId));
    }

    // ---- helpers

    private JsonNode createWallet(TestTenant t, Map<String, Object> body) {
        Api.Response created = api().post("/api/wallets", t.apiKey(), body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    private JsonNode wallet(TestTenant t, String walletId) {
        Api.Response read = api().get("/api/wallets/" + walletId, t.apiKey());
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        return read.body();
    }

    /** The invoice of the wallet's one PURCHASED transaction in {@code status}. */
    private String purchaseInvoiceOf(TestTenant t, String walletId, String status) {
        JsonNode purchases = api().get("/api/wallets/" + walletId + "/transactions?type=PURCHASED&status=" + status,
                t.apiKey()).body();
        assertThat(purchases.get("data")).hasSize(1);
        String invoiceId = purchases.at("/data/0/invoiceId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api().get("/api/invoices/" + invoiceId, t.apiKey()).status() == 200);
        return invoiceId;
    }

    private void markPaid(TestTenant t, String invoiceId) {
        Api.Response paid = api().post("/api/invoices/" + invoiceId + "/mark-paid", t.apiKey(), null);
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
    }

    private void event(TestTenant t, String subscriptionId, String code, Instant timestamp, int gb) {
        Api.Response accepted = api().post("/api/events", t.apiKey(), Map.of("transactionId", uniqueCode("tx"),
                "subscriptionId", subscriptionId, "code", code, "timestamp", timestamp.toString(),
                "properties", Map.of("gb", gb)));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
    }

    private void awaitInvoices(TestTenant t, String subscriptionId, int count, Predicate<JsonNode> each) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<JsonNode> found = invoices(t, "subscriptionId=" + subscriptionId);
            return found.size() == count && found.stream().allMatch(each);
        });
    }

    private List<JsonNode> invoices(TestTenant t, String filter) {
        Api.Response list = api().get("/api/invoices?" + filter + "&limit=100", t.apiKey());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<JsonNode> invoices = new ArrayList<>();
        list.body().get("data").forEach(invoices::add);
        return invoices;
    }

    private JsonNode verify(TestTenant t) {
        Api.Response verified = api().get("/api/admin/ledger/verify", t.accessToken());
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        return verified.body();
    }
}
