package com.novabilling.app.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.billing.invoice.WalletFunds;
import com.novabilling.command.invoice.InvoiceIds;
import com.novabilling.command.wallet.WalletLookupTable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Wallets and invoices (issue 13 item 3, docs/billing-rules.md §15): wallets pay invoices as they finalize, after
 * credit notes, in priority order, under the customer's lock; paid credits bring a credit-purchase invoice whose
 * payment settles a pending purchase and whose voiding fails it; a wallet expires on the tenant's clock.
 */
class WalletInvoicesHttpTest extends IntegrationTest {

    @Autowired
    private WalletLookupTable wallets;
    @Autowired
    private TenantRuntimeRegistry runtimes;

    @Test
    void w4_theInvoiceOf1500LeavesFiveHundredDue() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("KES");
        String first = wallet(t, customer, 1, "800", "200", false);
        String second = wallet(t, customer, 2, "2000", "0", true); // pending until its purchase invoice is paid

        JsonNode invoice = finalizedInvoice(t, customer, 1500);
        assertThat(invoice.get("total").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(invoice.get("walletAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(invoice.get("amountDue").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(invoice.get("status").asText()).isEqualTo("FINALIZED");
        JsonNode walletLine = line(invoice, "WALLET");
        assertThat(walletLine.get("amount").decimalValue()).isEqualByComparingTo("-1000.00");
        assertThat(spendable(t, customer)).extracting(WalletFunds::walletId).isEmpty();
        // which grant and which purchase paid it: granted credit first
        JsonNode payment = invoice.at("/walletPayments/0");
        assertThat(payment.get("walletId").asText()).isEqualTo(first);
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(payment.at("/paidFrom/0/type").asText()).isEqualTo("GRANTED");
        assertThat(payment.at("/paidFrom/0/description").asText())
                .matches("200\\.00 of the \\d{4}-\\d{2}-\\d{2} grant of 200\\.00");
        assertThat(payment.at("/paidFrom/1/type").asText()).isEqualTo("PURCHASED");
        assertThat(payment.at("/paidFrom/1/amount").decimalValue()).isEqualByComparingTo("800.00");

        // each purchase has its credit-purchase invoice, never paid from a wallet; paying the pending one settles it
        JsonNode firstPurchase = purchaseInvoice(t, first);
        assertThat(firstPurchase.get("total").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(firstPurchase.get("taxAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(firstPurchase.get("walletAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(firstPurchase.get("status").asText()).isEqualTo("FINALIZED");
        JsonNode secondPurchase = purchaseInvoice(t, second);
        assertThat(secondPurchase.get("amountDue").decimalValue()).isEqualByComparingTo("2000.00");
        Api.Response paid = api().post("/api/invoices/" + secondPurchase.get("id").asText() + "/mark-paid",
                t.apiKey(), Map.of());
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !spendable(t, customer).isEmpty());
        assertThat(spendable(t, customer)).containsExactly(new WalletFunds(second,
                com.novabilling.api.money.Money.ofMinor(200_000, CurrencyCode.KES)));

        JsonNode next = finalizedInvoice(t, customer, 300);
        assertThat(next.get("walletAmount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(next.get("amountDue").decimalValue()).isEqualByComparingTo("0");
        assertThat(next.get("status").asText()).isEqualTo("PAID");
        assertThat(spendable(t, customer).get(0).spendable().minor()).isEqualTo(170_000);
    }

    @Test
    void voidingAPendingPurchasesInvoiceFailsThePurchase() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("KES");
        String walletId = wallet(t, customer, 1, "100", "0", true);
        JsonNode purchase = purchaseInvoice(t, walletId);
        Api.Response voided = api().post("/api/invoices/" + purchase.get("id").asText() + "/void", t.apiKey(), null);
        assertThat(voided.status()).as(voided.text()).isEqualTo(200);
        // the purchase failed: its credit never becomes spendable
        JsonNode invoice = finalizedInvoice(t, customer, 50);
        assertThat(invoice.get("walletAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(invoice.get("amountDue").decimalValue()).isEqualByComparingTo("50.00");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                count(tenantDatabase(t.id()), "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                        + walletId + "' AND payload_type LIKE '%WalletTransactionFailedEvent'") == 1);
    }

    @Test
    void twoFinalizationsAtOnceNeverSpendTheSameCredit() throws Exception {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("KES");
        wallet(t, customer, 1, "0", "1000", false);
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            drafts.add(catalog(t).created("/api/invoices", new HashMap<>(Map.of("customerId", customer,
                    "items", List.of(Map.of("description", "Work", "amount", 400, "quantity", 1))))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(drafts.size());
        try {
            List<Future<Api.Response>> finalizations = new ArrayList<>();
            for (String draft : drafts) {
                Callable<Api.Response> finalize = () ->
                        api().post("/api/invoices/" + draft + "/finalize", t.apiKey(), null);
                finalizations.add(pool.submit(finalize));
            }
            BigDecimal spent = BigDecimal.ZERO;
            for (Future<Api.Response> finalization : finalizations) {
                Api.Response r = finalization.get();
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                BigDecimal wallet = r.body().get("walletAmount").decimalValue();
                assertThat(r.body().get("amountDue").decimalValue().add(wallet)).isEqualByComparingTo("400");
                spent = spent.add(wallet);
            }
            assertThat(spent).isEqualByComparingTo("1000.00"); // 400 + 400 + 200 + 0, in whatever order
        } finally {
            pool.shutdownNow();
        }
        assertThat(spendable(t, customer)).isEmpty();
    }

    @Test
    void aWalletExpiresOnTheTenantsClockAcrossARestart() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("KES");
        Instant expiry = clock.instant().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        String walletId = catalog(t).created("/api/wallets", Map.of("customerId", customer, "name", "Promo",
                "currency", "KES", "grantedCredits", 250, "expirationAt", expiry.toString(), "priority", 1));
        assertThat(spendable(t, customer)).hasSize(1);
        // the expiry saga schedules its deadline after the commit
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                count(tenantDatabase(t.id()), "SELECT count(*) FROM deadline_entry") == 1);
        // the node-wide scheduler was told when, though the saga scheduled it on an event processor's thread
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                count("novabilling", "SELECT count(*) FROM tenant_due_work WHERE tenant_id = '" + t.id()
                        + "' AND due_at = '" + expiry + "'") == 1);
        runtimes.stop(t.id()); // the runtime that scheduled it is gone, as after a restart
        Api.Response moved = api().post("/api/test-clock/advance", t.apiKey(),
                Map.of("to", expiry.plusSeconds(1).toString()));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                count(tenantDatabase(t.id()), "SELECT count(*) FROM wallet_balance WHERE wallet_id = '" + walletId
                        + "' AND status = 'TERMINATED'") == 1);
        assertThat(spendable(t, customer)).isEmpty();
    }

    // ---- helpers

    private String wallet(TestTenant t, String customer, int priority, String paid, String granted,
                          boolean requiresPayment) {
        String walletId = catalog(t).created("/api/wallets", Map.of("customerId", customer,
                "name", "Wallet " + priority, "currency", "KES", "rateAmount", 1, "paidCredits", new BigDecimal(paid),
                "grantedCredits", new BigDecimal(granted), "priority", priority,
                "invoiceRequiresSuccessfulPayment", requiresPayment));
        clock.advance(Duration.ofSeconds(1));
        return walletId;
    }

    private JsonNode finalizedInvoice(TestTenant t, String customer, Number amount) {
        String id = catalog(t).created("/api/invoices", new HashMap<>(Map.of("customerId", customer,
                "items", List.of(Map.of("description", "Work", "amount", amount, "quantity", 1)))));
        Api.Response r = api().post("/api/invoices/" + id + "/finalize", t.apiKey(), null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private JsonNode purchaseInvoice(TestTenant t, String walletId) {
        String transactionId = strings(tenantDatabase(t.id()), "SELECT transaction_id FROM wallet_purchase_invoice"
                + " WHERE wallet_id = '" + walletId + "'").get(0);
        String invoiceId = InvoiceIds.forWalletPurchase(transactionId);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api().get("/api/invoices/" + invoiceId, t.apiKey()).status() == 200);
        JsonNode invoice = api().get("/api/invoices/" + invoiceId, t.apiKey()).body();
        assertThat(invoice.at("/metadata/walletId").asText()).isEqualTo(walletId);
        return invoice;
    }

    private List<WalletFunds> spendable(TestTenant t, String customer) {
        try (TenantContext.Scope scope = TenantContext.open(t.id())) {
            return wallets.spendable(customer, CurrencyCode.KES, clock.instant());
        }
    }

    private static JsonNode line(JsonNode invoice, String type) {
        for (JsonNode line : invoice.get("lines")) {
            if (line.get("type").asText().equals(type)) {
                return line;
            }
        }
        throw new AssertionError("no " + type + " line in " + invoice);
    }
}
