package com.novabilling.app.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The seven wallet endpoints of issue 13 (items 1, 2, 4 and 7) over HTTP (docs/billing-rules.md §15). */
class WalletHttpTest extends IntegrationTest {

    @Test
    void theSeedsCurlsCreateAWalletAndTopItUpShowingTheBalance() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("USD");
        // The seed's body verbatim but for the year of its expirationAt: the next New Year's Day more than a day
        // ahead of the tenant's clock, the seed's own 2027-01-01 until 2026-12-31. A wallet refuses an expiry in the
        // tenant's past (400 naming expirationAt) and a tenant's clock never moves back, so the seed's literal date
        // would break this test once real time passes it; every assertion below holds for any such year.
        String expirationAt = (clock.instant().plus(Duration.ofDays(1)).atZone(ZoneOffset.UTC).getYear() + 1)
                + "-01-01T00:00:00Z";

        Api.Response created = api().post("/api/wallets", t.apiKey(), """
                {
                    "customerId": "%s",
                    "name": "Main Wallet",
                    "currency": "USD",
                    "rateAmount": 1.0,
                    "paidCredits": 100,
                    "grantedCredits": 10,
                    "expirationAt": "%s"
                  }""".formatted(customer, expirationAt));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode wallet = created.body();
        String id = wallet.get("id").asText();
        assertThat(id).startsWith("wal_");
        assertThat(wallet.get("customerId").asText()).isEqualTo(customer);
        assertThat(wallet.get("name").asText()).isEqualTo("Main Wallet");
        assertThat(wallet.get("currency").asText()).isEqualTo("USD");
        assertThat(wallet.get("rateAmount").decimalValue()).isEqualByComparingTo("1");
        assertThat(wallet.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.text()).contains("\"balance\":110.00,");
        assertThat(wallet.get("creditsBalance").decimalValue()).isEqualByComparingTo("110");
        assertThat(wallet.get("pendingBalance").decimalValue()).isEqualByComparingTo("0");
        assertThat(wallet.get("consumedAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(wallet.get("consumedCredits").decimalValue()).isEqualByComparingTo("0");
        assertThat(wallet.get("priority").asInt()).isEqualTo(50);
        assertThat(wallet.get("expirationAt").asText()).isEqualTo(expirationAt);
        assertThat(wallet.get("terminatedAt").isNull()).isTrue();
        assertThat(wallet.get("invoiceRequiresSuccessfulPayment").asBoolean()).isFalse();
        assertThat(wallet.get("createdAt").asText()).isNotBlank();
        assertThat(api().get("/api/wallets/" + id, t.apiKey()).body()).isEqualTo(wallet);

        Api.Response topUp = api().post("/api/wallets/transactions", t.apiKey(), """
                {
                    "walletId": "%s",
                    "paidCredits": 50,
                    "grantedCredits": 5
                  }""".formatted(id));
        assertThat(topUp.status()).as(topUp.text()).isEqualTo(201);
        assertThat(topUp.body().get("id").asText()).isEqualTo(id);
        assertThat(topUp.text()).contains("\"balance\":165.00,");
        assertThat(topUp.body().get("creditsBalance").decimalValue()).isEqualByComparingTo("165");

        Api.Response list = api().get("/api/wallets/" + id + "/transactions", t.apiKey());
        assertThat(list.total()).isEqualTo(4);
        assertThat(list.body().get("data")).allSatisfy(tx -> {
            assertThat(tx.get("walletId").asText()).isEqualTo(id);
            assertThat(tx.get("customerId").asText()).isEqualTo(customer);
            assertThat(tx.get("status").asText()).isEqualTo("SETTLED");
            assertThat(tx.get("id").asText()).startsWith("wtx_");
            assertThat(tx.get("currency").asText()).isEqualTo("USD");
            assertThat(tx.get("settledAt").asText()).isNotBlank();
            assertThat(tx.get("draws")).isEmpty();
        });
        Api.Response purchased = api().get("/api/wallets/" + id + "/transactions?type=purchased", t.apiKey());
        assertThat(purchased.text()).contains("\"amount\":100.00,").contains("\"amount\":50.00,");
        JsonNode purchases = purchased.body();
        assertThat(purchases.get("data")).hasSize(2);
        assertThat(purchases.get("data")).allSatisfy(tx -> assertThat(tx.get("invoiceId").asText()).isNotBlank());
        assertThat(amounts(purchases)).containsExactlyInAnyOrder("100", "50");
        JsonNode grants = api().get("/api/wallets/" + id + "/transactions?type=GRANTED&status=settled",
                t.apiKey()).body();
        assertThat(amounts(grants)).containsExactlyInAnyOrder("10", "5");
        assertThat(grants.get("data")).allSatisfy(tx -> assertThat(tx.get("invoiceId").isNull()).isTrue());
    }

    @Test
    void w3_ugxAtARateOf100_25CreditsAre2500() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("UGX");
        JsonNode wallet = create(t, Map.of("customerId", customer, "currency", "ugx", "rateAmount", 100,
                "grantedCredits", 25));
        assertThat(wallet.get("currency").asText()).isEqualTo("UGX");
        assertThat(wallet.get("balance").decimalValue()).isEqualByComparingTo("2500");
        assertThat(wallet.get("balance").decimalValue().scale()).as("UGX has no minor unit").isZero();
        assertThat(wallet.get("creditsBalance").decimalValue()).isEqualByComparingTo("25");
        assertThat(wallet.get("name").isNull()).isTrue();

        // the customer's other wallets may hold other currencies; only customerId and currency are required
        JsonNode usd = create(t, Map.of("customerId", customer, "currency", "USD"));
        assertThat(usd.get("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(usd.get("rateAmount").decimalValue()).isEqualByComparingTo("1");
        assertThat(usd.get("priority").asInt()).isEqualTo(50);
        assertThat(usd.get("expirationAt").isNull()).isTrue();
    }

    @Test
    void w2_purchasesWaitForTheirInvoiceWhenPaymentIsRequired() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("USD");
        JsonNode wallet = create(t, Map.of("customerId", customer, "currency", "USD", "rateAmount", 1.5,
                "paidCredits", 20, "grantedCredits", 10, "invoiceRequiresSuccessfulPayment", true));
        assertThat(wallet.get("invoiceRequiresSuccessfulPayment").asBoolean()).isTrue();
        assertThat(wallet.get("pendingBalance").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(wallet.get("balance").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(wallet.get("creditsBalance").decimalValue()).isEqualByComparingTo("10");
        String id = wallet.get("id").asText();

        JsonNode pending = api().get("/api/wallets/" + id + "/transactions?status=Pending", t.apiKey()).body();
        assertThat(pending.get("data")).hasSize(1);
        JsonNode purchase = pending.get("data").get(0);
        assertThat(purchase.get("type").asText()).isEqualTo("PURCHASED");
        assertThat(purchase.get("credits").decimalValue()).isEqualByComparingTo("20");
        assertThat(purchase.get("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(purchase.get("invoiceId").asText()).isNotBlank();
        assertThat(purchase.get("settledAt").isNull()).isTrue();

        // terminating fails the pending purchase and voids the settled 15.00
        JsonNode terminated = terminate(t, id);
        assertThat(terminated.get("pendingBalance").decimalValue()).isEqualByComparingTo("0");
        assertThat(terminated.get("balance").decimalValue()).isEqualByComparingTo("0");
        JsonNode failed = api().get("/api/wallets/" + id + "/transactions?status=FAILED", t.apiKey()).body();
        assertThat(failed.get("data")).hasSize(1);
        assertThat(failed.at("/data/0/id").asText()).isEqualTo(purchase.get("id").asText());
        assertThat(failed.at("/data/0/failedAt").asText()).isNotBlank();
    }

    @Test
    void voidingDrawsGrantedCreditFirstAndNamesWhatItDrewFrom() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("KES");
        JsonNode wallet = create(t, Map.of("customerId", customer, "currency", "KES", "paidCredits", 100,
                "grantedCredits", 15));
        String id = wallet.get("id").asText();

        JsonNode afterVoid = topUp(t, Map.of("walletId", id, "voidedCredits", 20));
        assertThat(afterVoid.get("balance").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(afterVoid.get("consumedAmount").decimalValue()).as("voided is not consumed")
                .isEqualByComparingTo("0");

        JsonNode voided = api().get("/api/wallets/" + id + "/transactions?type=voided", t.apiKey()).body();
        assertThat(voided.get("data")).hasSize(1);
        JsonNode tx = voided.get("data").get(0);
        assertThat(tx.get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(tx.get("credits").decimalValue()).isEqualByComparingTo("20");
        JsonNode grant = api().get("/api/wallets/" + id + "/transactions?type=granted", t.apiKey()).body()
                .at("/data/0");
        JsonNode purchase = api().get("/api/wallets/" + id + "/transactions?type=purchased", t.apiKey()).body()
                .at("/data/0");
        JsonNode draws = tx.get("draws");
        assertThat(draws).hasSize(2);
        assertThat(draws.at("/0/inboundTransactionId").asText()).isEqualTo(grant.get("id").asText());
        assertThat(draws.at("/0/inboundType").asText()).isEqualTo("GRANTED");
        assertThat(draws.at("/0/inboundCreatedAt").asText()).isEqualTo(grant.get("createdAt").asText());
        assertThat(draws.at("/0/inboundAmount").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(draws.at("/0/amount").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(draws.at("/0/credits").decimalValue()).isEqualByComparingTo("15");
        assertThat(draws.at("/1/inboundTransactionId").asText()).isEqualTo(purchase.get("id").asText());
        assertThat(draws.at("/1/inboundType").asText()).isEqualTo("PURCHASED");
        assertThat(draws.at("/1/inboundAmount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(draws.at("/1/amount").decimalValue()).isEqualByComparingTo("5.00");

        Api.Response tooMuch = api().post("/api/wallets/transactions", t.apiKey(),
                Map.of("walletId", id, "voidedCredits", 95.01));
        assertThat(tooMuch.status()).as(tooMuch.text()).isEqualTo(409);
        assertThat(tooMuch.body().get("message").asText()).contains("95");
        assertThat(topUp(t, Map.of("walletId", id, "voidedCredits", 95)).get("balance").decimalValue())
                .isEqualByComparingTo("0");
    }

    @Test
    void anInvoiceSpendingTheWalletShowsWhichGrantPaidIt() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("USD");
        String id = create(t, Map.of("customerId", customer, "currency", "USD", "grantedCredits", 15))
                .get("id").asText();
        String grant = api().get("/api/wallets/" + id + "/transactions", t.apiKey()).body().at("/data/0/id").asText();
        String invoice = catalog(t).created("/api/invoices", new HashMap<>(Map.of("customerId", customer,
                "items", List.of(Map.of("description", "Work", "amount", 12, "quantity", 1)))));
        Api.Response finalized = api().post("/api/invoices/" + invoice + "/finalize", t.apiKey(), null);
        assertThat(finalized.status()).as(finalized.text()).isEqualTo(200);

        JsonNode wallet = api().get("/api/wallets/" + id, t.apiKey()).body();
        assertThat(wallet.get("balance").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(wallet.get("consumedAmount").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(wallet.get("consumedCredits").decimalValue()).isEqualByComparingTo("12");
        JsonNode invoiced = api().get("/api/wallets/" + id + "/transactions?type=invoiced", t.apiKey()).body();
        assertThat(invoiced.get("data")).hasSize(1);
        assertThat(invoiced.at("/data/0/invoiceId").asText()).isEqualTo(invoice);
        assertThat(invoiced.at("/data/0/amount").decimalValue()).isEqualByComparingTo("12.00");
        // "12.00 of the grant of 15.00"
        assertThat(invoiced.at("/data/0/draws/0/inboundTransactionId").asText()).isEqualTo(grant);
        assertThat(invoiced.at("/data/0/draws/0/inboundType").asText()).isEqualTo("GRANTED");
        assertThat(invoiced.at("/data/0/draws/0/inboundAmount").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(invoiced.at("/data/0/draws/0/amount").decimalValue()).isEqualByComparingTo("12.00");
        String grantDay = api().get("/api/wallets/" + id + "/transactions?type=granted", t.apiKey()).body()
                .at("/data/0/createdAt").asText().substring(0, 10);
        assertThat(invoiced.at("/data/0/draws/0/description").asText())
                .isEqualTo("12.00 of the " + grantDay + " grant of 15.00");
    }

    @Test
    void patchChangesNameExpiryAndPriority() {
        TestTenant t = sharedTenant();
        String id = create(t, Map.of("customerId", catalog(t).customer("USD"), "currency", "USD", "name", "Old"))
                .get("id").asText();
        String expiry = clock.instant().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();

        Api.Response patched = api().patch("/api/wallets/" + id, t.apiKey(), Map.of("name", "New", "priority", 3,
                "expirationAt", expiry));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.body().get("name").asText()).isEqualTo("New");
        assertThat(patched.body().get("priority").asInt()).isEqualTo(3);
        assertThat(Instant.parse(patched.body().get("expirationAt").asText())).isEqualTo(Instant.parse(expiry));

        Api.Response unchanged = api().patch("/api/wallets/" + id, t.apiKey(), Map.of());
        assertThat(unchanged.status()).as(unchanged.text()).isEqualTo(200);
        assertThat(unchanged.body()).isEqualTo(patched.body());
        Api.Response noBody = api().patch("/api/wallets/" + id, t.apiKey(), null);
        assertThat(noBody.status()).as(noBody.text()).isEqualTo(200);
    }

    @Test
    void deleteTerminatesAndVoidsTheRemainder() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("USD");
        String id = create(t, Map.of("customerId", customer, "currency", "USD",
                "paidCredits", 30, "grantedCredits", 12.5)).get("id").asText();

        // an ACTIVE wallet keeps its customer: its credits would be stranded
        Api.Response customerKept = api().delete("/api/customers/" + customer, t.apiKey());
        assertThat(customerKept.status()).as(customerKept.text()).isEqualTo(409);
        assertThat(customerKept.body().get("message").asText()).contains("active wallets", id);

        Api.Response deleted = api().delete("/api/wallets/" + id, t.apiKey());
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
        assertThat(deleted.body().get("status").asText()).isEqualTo("TERMINATED");
        assertThat(deleted.body().get("terminatedAt").asText()).isNotBlank();
        assertThat(deleted.body().get("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(deleted.body().get("creditsBalance").decimalValue()).isEqualByComparingTo("0");
        assertThat(api().get("/api/wallets/" + id, t.apiKey()).body()).isEqualTo(deleted.body());

        JsonNode voided = api().get("/api/wallets/" + id + "/transactions?type=VOIDED", t.apiKey()).body();
        assertThat(voided.get("data")).hasSize(1);
        assertThat(voided.at("/data/0/amount").decimalValue()).isEqualByComparingTo("42.50");
        assertThat(voided.at("/data/0/status").asText()).isEqualTo("SETTLED");
        assertThat(voided.at("/data/0/draws")).hasSize(2);

        Api.Response twice = api().delete("/api/wallets/" + id, t.apiKey());
        assertThat(twice.status()).as(twice.text()).isEqualTo(409);
        assertThat(twice.body().get("message").asText()).contains("TERMINATED");
        Api.Response topUp = api().post("/api/wallets/transactions", t.apiKey(),
                Map.of("walletId", id, "grantedCredits", 1));
        assertThat(topUp.status()).as(topUp.text()).isEqualTo(409);
        assertThat(topUp.body().get("message").asText()).contains("TERMINATED");
        Api.Response patch = api().patch("/api/wallets/" + id, t.apiKey(), Map.of("name", "Again"));
        assertThat(patch.status()).as(patch.text()).isEqualTo(409);
        assertThat(patch.body().get("message").asText()).contains("TERMINATED");
        // terminated, the wallet no longer keeps its customer
        Api.Response customerDeleted = api().delete("/api/customers/" + customer, t.apiKey());
        assertThat(customerDeleted.status()).as(customerDeleted.text()).isEqualTo(200);
    }

    /**
     * A wallet created while its customer is deleted: the create holds the customer's row FOR SHARE, the deletion
     * takes it FOR UPDATE, so whichever comes second sees the first — never a wallet of a deleted customer.
     */
    @Test
    void aCustomerDeletedWhileWalletsAreCreatedKeepsNoWallet() throws Exception {
        TestTenant t = sharedTenant();
        for (int round = 0; round < 4; round++) {
            String customer = catalog(t).customer("USD");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Api.Response> wallet = pool.submit(() -> api().post("/api/wallets",
                        t.apiKey(), Map.of("customerId", customer, "currency", "USD", "grantedCredits", 5)));
                Future<Api.Response> deletion = pool.submit(() ->
                        api().delete("/api/customers/" + customer, t.apiKey()));
                int walletStatus = wallet.get().status();
                int deletionStatus = deletion.get().status();
                if (walletStatus == 201) {
                    assertThat(deletionStatus).as("the wallet came first: the customer stays").isEqualTo(409);
                    assertThat(api().get("/api/customers/" + customer, t.apiKey()).status()).isEqualTo(200);
                } else {
                    assertThat(walletStatus).as(wallet.get().text()).isEqualTo(404);
                    assertThat(deletionStatus).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void listsFilterByCustomerAndStatusInAnyLetterCase() {
        TestTenant t = registerTenant();
        String first = catalog(t).customer("USD");
        String second = catalog(t).customer("USD");
        String a = create(t, Map.of("customerId", first, "currency", "USD")).get("id").asText();
        clock.advance(Duration.ofMillis(5));
        String b = create(t, Map.of("customerId", first, "currency", "KES")).get("id").asText();
        clock.advance(Duration.ofMillis(5));
        String c = create(t, Map.of("customerId", second, "currency", "USD")).get("id").asText();
        terminate(t, b);

        assertThat(ids(api().get("/api/wallets", t.apiKey()))).containsExactly(c, b, a);
        assertThat(ids(api().get("/api/wallets?customerId=" + first, t.apiKey()))).containsExactly(b, a);
        assertThat(ids(api().get("/api/wallets?status=active", t.apiKey()))).containsExactly(c, a);
        assertThat(ids(api().get("/api/wallets?status=Terminated&customerId=" + first, t.apiKey())))
                .containsExactly(b);
        assertThat(ids(api().get("/api/wallets?page=2&limit=2", t.apiKey()))).containsExactly(a);
        assertThat(api().get("/api/wallets?status=open", t.apiKey()).badRequestFields()).containsExactly("status");
        assertThat(api().get("/api/wallets?limit=0", t.apiKey()).badRequestFields()).containsExactly("limit");
        assertThat(api().get("/api/wallets/" + a + "/transactions?type=spent", t.apiKey()).badRequestFields())
                .containsExactly("type");
        assertThat(api().get("/api/wallets/" + a + "/transactions?status=done", t.apiKey()).badRequestFields())
                .containsExactly("status");
        assertThat(api().get("/api/wallets/" + a + "/transactions", t.apiKey()).total()).isZero();
    }

    @Test
    void badRequestsNameTheirField() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("USD");
        Map<String, Object> good = Map.of("customerId", customer, "currency", "USD", "paidCredits", 1);

        assertThat(fields(t, with(good, "paidCredits", -1))).containsExactly("paidCredits");
        assertThat(fields(t, with(good, "grantedCredits", -0.5))).containsExactly("grantedCredits");
        assertThat(fields(t, with(good, "rateAmount", 0))).containsExactly("rateAmount");
        assertThat(fields(t, with(good, "rateAmount", -2))).containsExactly("rateAmount");
        assertThat(fields(t, with(good, "currency", "XYZ"))).containsExactly("currency");
        assertThat(fields(t, without(good, "currency"))).containsExactly("currency");
        assertThat(fields(t, with(good, "priority", 0))).containsExactly("priority");
        assertThat(fields(t, with(good, "priority", 51))).containsExactly("priority");
        assertThat(fields(t, with(good, "expirationAt", "2020-01-01T00:00:00Z"))).containsExactly("expirationAt");
        assertThat(fields(t, with(good, "expirationAt", "tomorrow"))).containsExactly("expirationAt");
        assertThat(fields(t, without(good, "customerId"))).containsExactly("customerId");
        assertThat(fields(t, with(good, "name", " "))).containsExactly("name");
        assertThat(fields(t, with(good, "paidCredits", 0.001))).as("worth less than a cent")
                .containsExactly("paidCredits");
        assertThat(fields(t, with(good, "paidCredits", 2_000_000_000_000L))).containsExactly("paidCredits");
        assertThat(fields(t, with(good, "metadata", "text"))).containsExactly("metadata");

        String id = create(t, good).get("id").asText();
        assertThat(topUpFields(t, Map.of("walletId", id, "paidCredits", -1))).containsExactly("paidCredits");
        assertThat(topUpFields(t, Map.of("walletId", id, "voidedCredits", -1))).containsExactly("voidedCredits");
        assertThat(topUpFields(t, Map.of("walletId", id))).containsExactlyInAnyOrder("paidCredits",
                "grantedCredits", "voidedCredits");
        assertThat(topUpFields(t, Map.of("paidCredits", 1))).containsExactly("walletId");
        assertThat(api().patch("/api/wallets/" + id, t.apiKey(), Map.of("priority", 51)).badRequestFields())
                .containsExactly("priority");
        assertThat(api().patch("/api/wallets/" + id, t.apiKey(), Map.of("name", "")).badRequestFields())
                .containsExactly("name");
        assertThat(api().patch("/api/wallets/" + id, t.apiKey(), Map.of("expirationAt", "2020-01-01T00:00:00Z"))
                .badRequestFields()).containsExactly("expirationAt");
    }

    @Test
    void notFoundForMissingMalformedAndOtherTenantsIds() {
        TestTenant t = sharedTenant();
        TestTenant stranger = strangerTenant();
        String customer = catalog(t).customer("USD");
        String id = create(t, Map.of("customerId", customer, "currency", "USD", "grantedCredits", 5))
                .get("id").asText();

        for (String missing : List.of("wal_0123456789abcdef01234567", "nope", id)) {
            String key = missing.equals(id) ? stranger.apiKey() : t.apiKey();
            assertThat(api().get("/api/wallets/" + missing, key).status()).as(missing).isEqualTo(404);
            assertThat(api().get("/api/wallets/" + missing + "/transactions", key).status()).as(missing)
                    .isEqualTo(404);
            Api.Response patch = api().patch("/api/wallets/" + missing, key, Map.of("name", "X"));
            assertThat(patch.status()).as(missing + ": " + patch.text()).isEqualTo(404);
            assertThat(api().delete("/api/wallets/" + missing, key).status()).as(missing).isEqualTo(404);
            Api.Response topUp = api().post("/api/wallets/transactions", key, Map.of("walletId", missing,
                    "grantedCredits", 1));
            assertThat(topUp.status()).as(missing + ": " + topUp.text()).isEqualTo(404);
            assertThat(topUp.body().get("message").asText()).contains(missing);
        }
        assertThat(ids(api().get("/api/wallets?customerId=" + customer, stranger.apiKey()))).isEmpty();
        assertThat(api().get("/api/wallets/" + id, t.apiKey()).body().get("balance").decimalValue())
                .as("nothing the stranger sent reached the wallet").isEqualByComparingTo("5.00");

        for (String missingCustomer : List.of("cus_0123456789abcdef01234567", "nope")) {
            Api.Response r = api().post("/api/wallets", t.apiKey(), Map.of("customerId", missingCustomer,
                    "currency", "USD"));
            assertThat(r.status()).as(r.text()).isEqualTo(404);
            assertThat(r.body().get("message").asText()).contains(missingCustomer);
        }
        Api.Response othersCustomer = api().post("/api/wallets", stranger.apiKey(), Map.of("customerId", customer,
                "currency", "USD"));
        assertThat(othersCustomer.status()).as(othersCustomer.text()).isEqualTo(404);

        String deleted = catalog(t).customer("USD");
        assertThat(api().delete("/api/customers/" + deleted, t.apiKey()).status()).isEqualTo(200);
        Api.Response ofDeleted = api().post("/api/wallets", t.apiKey(), Map.of("customerId", deleted,
                "currency", "USD"));
        assertThat(ofDeleted.status()).as(ofDeleted.text()).isEqualTo(404);
    }

    @Test
    void auditShowsTheBalanceAsOfAnInstantAndARebuildGivesTheSameReadModel() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("USD");
        JsonNode created = create(t, Map.of("customerId", customer, "currency", "USD", "paidCredits", 100,
                "grantedCredits", 10, "invoiceRequiresSuccessfulPayment", true));
        String id = created.get("id").asText();
        clock.advance(Duration.ofSeconds(1));
        Instant between = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        topUp(t, Map.of("walletId", id, "grantedCredits", 5, "voidedCredits", 3));
        JsonNode wallet = api().get("/api/wallets/" + id, t.apiKey()).body();
        assertThat(wallet.get("balance").decimalValue()).isEqualByComparingTo("12.00");

        Api.Response then = api().get("/api/audit/aggregates/" + id + "?asOf=" + between, t.apiKey());
        assertThat(then.status()).as(then.text()).isEqualTo(200);
        assertThat(then.body().at("/state/balance/minor").asLong()).isEqualTo(1000);
        assertThat(then.body().at("/state/pendingBalance/minor").asLong()).isEqualTo(10000);
        assertThat(then.body().at("/state/status").asText()).isEqualTo("ACTIVE");
        assertThat(then.body().at("/state/transactions").size()).isEqualTo(2);
        JsonNode now = api().get("/api/audit/aggregates/" + id, t.apiKey()).body();
        assertThat(now.at("/state/balance/minor").asLong()).isEqualTo(1200);
        assertThat(now.at("/state/transactions").size()).isEqualTo(4);
        assertThat(now.at("/state/customerId").asText()).isEqualTo(customer);
        JsonNode ended = api().get("/api/audit/aggregates/" + id + "?asOf=" + clock.instant(), t.apiKey()).body();
        assertThat(ended.at("/state/balance/minor").asLong()).isEqualTo(1200);
        terminate(t, id);
        JsonNode terminated = api().get("/api/audit/aggregates/" + id, t.apiKey()).body();
        assertThat(terminated.at("/state/status").asText()).isEqualTo("TERMINATED");
        assertThat(terminated.at("/state/balance/minor").asLong()).isZero();
        assertThat(terminated.at("/state/pendingBalance/minor").asLong()).isZero();

        JsonNode before = api().get("/api/wallets/" + id, t.apiKey()).body();
        JsonNode transactionsBefore = api().get("/api/wallets/" + id + "/transactions", t.apiKey()).body();
        Api.Response rebuild = api().post("/api/admin/projections/rebuild?processor=wallets", t.accessToken(),
                Map.of());
        assertThat(rebuild.status()).as(rebuild.text()).isLessThan(300);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api().get("/api/wallets/" + id, t.apiKey()).body()).isEqualTo(before);
            assertThat(api().get("/api/wallets/" + id + "/transactions", t.apiKey()).body())
                    .isEqualTo(transactionsBefore);
        });
    }

    // ---- helpers

    private JsonNode create(TestTenant t, Map<String, Object> body) {
        Api.Response r = api().post("/api/wallets", t.apiKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    private JsonNode topUp(TestTenant t, Map<String, Object> body) {
        Api.Response r = api().post("/api/wallets/transactions", t.apiKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    private JsonNode terminate(TestTenant t, String id) {
        Api.Response r = api().delete("/api/wallets/" + id, t.apiKey());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private List<String> fields(TestTenant t, Map<String, Object> body) {
        Api.Response r = api().post("/api/wallets", t.apiKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        return r.badRequestFields();
    }

    private List<String> topUpFields(TestTenant t, Map<String, Object> body) {
        Api.Response r = api().post("/api/wallets/transactions", t.apiKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        return r.badRequestFields();
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
        list.body().get("data").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> amounts(JsonNode list) {
        List<String> amounts = new ArrayList<>();
        list.get("data").forEach(item -> amounts.add(
                item.get("amount").decimalValue().stripTrailingZeros().toPlainString()));
        return amounts;
    }
}
