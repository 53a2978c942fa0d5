package com.novabilling.app.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.query.wallet.WalletProjection;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/admin/ledger/verify} over a tenant that billed for real — recurring invoices with usage, a one-off
 * invoice paid partly from a wallet and then by hand, a credit note consumed by a later invoice — then over the same
 * tenant with rows corrupted one at a time behind the application's back.
 */
class LedgerVerifyHttpTest extends IntegrationTest {

    @Autowired
    TenantRuntimeRegistry runtimes;

    private record Billed(TestTenant tenant, String customerId, String subscriptionId, String code, String noteId,
                          String walletId) {
    }

    @Test
    void aTenantThatBilledVerifiesOkAndEachCorruptedRowIsNamedWithItsCheck() throws Exception {
        Billed b = billed();
        TestTenant t = b.tenant();
        List<JsonNode> invoices = invoicesOf(t, b.customerId());
        JsonNode april = invoices.stream()
                .filter(i -> i.get("lines").toString().contains("\"USAGE\"")).findFirst().orElseThrow();
        JsonNode oneOff = invoices.stream().filter(i -> i.get("subscriptionId").isNull()).findFirst().orElseThrow();
        assertThat(oneOff.get("walletAmount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(invoices).anySatisfy(i -> assertThat(i.get("creditNotesAmount").decimalValue())
                .isEqualByComparingTo("500.00"));

        JsonNode report = verify(t);
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString()).isTrue();
        assertThat(report.get("violations")).isEmpty();
        assertThat(report.at("/counts/invoices").asLong()).isEqualTo(invoices.size()).isGreaterThanOrEqualTo(4);
        assertThat(report.at("/counts/invoicesInEventStore").asLong()).isEqualTo(invoices.size());
        assertThat(report.at("/counts/creditNotes").asLong()).isEqualTo(1);
        assertThat(report.at("/counts/wallets").asLong()).isEqualTo(1);
        assertThat(report.at("/counts/usageLines").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.at("/counts/invoiceNumbers").asLong()).isEqualTo(invoices.size());
        assertThat(report.get("checkedAt").asText()).startsWith("2038-05-02");
        assertThat(report.get("checks").toString()).as(report.toPrettyString()).contains("invoice-totals", "usage-rerating", "wallet-balance",
                "projection-rebuild", "invoice-read-model", "credit-note-read-model", "wallet-read-model");
        assertThat(report.get("skipped")).as(report.toPrettyString()).isEmpty();
        assertThat(report.at("/counts/readModelRows").asLong()).isGreaterThan(invoices.size());
        assertThat(report.at("/counts/replayedEvents").asLong()).isEqualTo(report.at("/counts/events").asLong());

        String db = tenantDatabase(t.id());
        String aprilId = april.get("id").asText();

        // an amount due off by one minor unit: both the totals identity and the event store disagree
        sql(db, "UPDATE invoices SET amount_due_minor = amount_due_minor + 1 WHERE id = '" + aprilId + "'");
        report = verify(t);
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(violations(report, "invoice-totals")).singleElement()
                .satisfies(v -> assertThat(v.get("ids").toString()).contains(aprilId))
                .satisfies(v -> assertThat(v.get("message").asText()).contains("amountDue", "read model"));
        assertThat(violations(report, "invoice-read-model")).singleElement()
                .satisfies(v -> assertThat(v.get("ids").toString()).contains(aprilId));
        assertThat(violations(report, "projection-rebuild")).singleElement().satisfies(v -> {
            assertThat(v.get("ids").toString()).contains(aprilId);
            assertThat(v.get("message").asText()).contains("1 row(s) of invoices differ from the rebuilt rows");
        });
        sql(db, "UPDATE invoices SET amount_due_minor = amount_due_minor - 1 WHERE id = '" + aprilId + "'");

        // a line's amount changed in the stored lines
        sql(db, "UPDATE invoices SET lines = jsonb_set(lines, '{0,amount,minor}', "
                + "to_jsonb((lines #>> '{0,amount,minor}')::bigint + 100)) WHERE id = '" + aprilId + "'");
        report = verify(t);
        assertThat(violations(report, "invoice-totals")).singleElement()
                .satisfies(v -> assertThat(v.get("message").asText()).contains("subtotal"));
        assertThat(violations(report, "invoice-read-model")).singleElement()
                .satisfies(v -> assertThat(v.get("message").asText()).contains("lines[0]"));
        sql(db, "UPDATE invoices SET lines = jsonb_set(lines, '{0,amount,minor}', "
                + "to_jsonb((lines #>> '{0,amount,minor}')::bigint - 100)) WHERE id = '" + aprilId + "'");
        assertThat(verify(t).get("ok").asBoolean()).isTrue();

        // a gap: the one-off invoice's number moved beyond the counter
        String oneOffId = oneOff.get("id").asText();
        String oneOffNumber = oneOff.get("invoiceNumber").asText();
        long oneOffPosition = Long.parseLong(oneOffNumber.substring(4));
        sql(db, "UPDATE invoices SET invoice_number = 'INV-000099', sequence_number = 99 WHERE id = '" + oneOffId + "'");
        report = verify(t);
        List<JsonNode> numbers = violations(report, "invoice-numbers");
        assertThat(numbers).anySatisfy(v -> assertThat(v.get("ids").toString()).contains(oneOffId));
        assertThat(numbers).anySatisfy(v -> {
            assertThat(v.get("ids").toString()).contains(oneOffNumber);
            assertThat(v.get("message").asText()).contains("read model");
        });
        sql(db, "UPDATE invoices SET invoice_number = '" + oneOffNumber + "', sequence_number = " + oneOffPosition
                + " WHERE id = '" + oneOffId + "'");

        // a usage event gone from the ledger: the April invoice no longer re-rates to what it billed
        // (the ledger's trigger refuses deletes: a replica-role session skips triggers)
        sql(db, "SET session_replication_role = replica; DELETE FROM usage_event WHERE subscription_id = '" + b.subscriptionId() + "' AND \"timestamp\" = "
                + "'2038-03-31T23:59:59Z'");
        report = verify(t);
        assertThat(violations(report, "usage-rerating")).singleElement()
                .satisfies(v -> assertThat(v.get("ids").toString()).contains(aprilId))
                .satisfies(v -> assertThat(v.get("message").asText()).contains("2 events", "1 events"));

        // a credit note's remaining credit raised in the read model: more credit than its events leave
        String noteId = b.noteId();
        sql(db, "UPDATE credit_notes SET remaining_minor = remaining_minor + 1000 WHERE id = '" + noteId + "'");
        report = verify(t);
        assertThat(violations(report, "credit-note-read-model")).singleElement()
                .satisfies(v -> assertThat(v.get("ids").toString()).contains(noteId));

        // a customer row gone from its read model: only the rebuild sees it
        sql(db, "DELETE FROM customers WHERE id = '" + b.customerId() + "'");
        report = verify(t);
        assertThat(violations(report, "projection-rebuild")).anySatisfy(v -> {
            assertThat(v.get("ids").toString()).contains(b.customerId());
            assertThat(v.get("message").asText()).contains("of customers are rebuilt from the events but missing");
        });
        JsonNode withoutRebuild = api().get("/api/admin/ledger/verify?rebuild=false", t.accessToken()).body();
        assertThat(violations(withoutRebuild, "projection-rebuild")).isEmpty();
        assertThat(withoutRebuild.get("skipped").toString()).contains("projection-rebuild");
    }

    @Test
    void aWalletsReadModelRowIsComparedWithTheWalletsEvents() throws Exception {
        Billed b = billed();
        TestTenant t = b.tenant();
        String db = tenantDatabase(t.id());
        String walletId = b.walletId();
        JsonNode report = verify(t);
        assertThat(report.get("checks").toString()).contains("wallet-read-model");
        assertThat(violations(report, "wallet-read-model")).as(report.toPrettyString()).isEmpty();

        sql(db, "UPDATE wallets SET balance_minor = balance_minor + 2500 WHERE id = '" + walletId + "'");
        report = verify(t);
        assertThat(violations(report, "wallet-read-model")).singleElement().satisfies(v -> {
            assertThat(v.get("ids").toString()).contains(walletId);
            assertThat(v.get("message").asText()).contains("balance_minor 2500", "add up to 0");
        });

        // the wallets projection stopped and the store moved on past it: a comparison with the newer events would
        // report its lag, so the check is skipped with the reason, and the corruption is not reported either way
        EventProcessor wallets = runtimes.find(t.id()).orElseThrow().eventProcessors()
                .get(WalletProjection.PROCESSING_GROUP);
        wallets.shutDown();
        try {
            Api.Response renamed = api().patch("/api/wallets/" + walletId, t.apiKey(), Map.of("name", "Promo 2"));
            assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
            report = verify(t);
            assertThat(report.get("checks").toString()).doesNotContain("wallet-read-model");
            assertThat(violations(report, "wallet-read-model")).isEmpty();
            assertThat(report.get("skipped")).anySatisfy(skip -> {
                assertThat(skip.get("check").asText()).isEqualTo("wallet-read-model");
                assertThat(skip.get("reason").asText()).contains("had not handled the event store up to position",
                        "GET /api/admin/projections");
            });
            assertThat(report.get("checks").toString()).contains("wallet-balance", "invoice-read-model");
        } finally {
            wallets.start();
        }
        // running again: the verification waits for it to handle the rename, then compares and finds the corruption
        report = verify(t);
        assertThat(report.get("checks").toString()).contains("wallet-read-model");
        assertThat(violations(report, "wallet-read-model")).singleElement()
                .satisfies(v -> assertThat(v.get("message").asText()).contains("balance_minor 2500"));
    }

    @Test
    void aTenantsVerificationNeverReadsAnotherTenant() throws Exception {
        Billed b = billed();
        TestTenant stranger = registerTenant();
        sql(tenantDatabase(b.tenant().id()), "UPDATE invoices SET amount_due_minor = amount_due_minor + 1");

        JsonNode report = verify(stranger);
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString()).isTrue();
        assertThat(report.at("/counts/invoices").asLong()).isZero();
        assertThat(report.at("/counts/invoicesInEventStore").asLong()).isZero();
        assertThat(report.at("/counts/wallets").asLong()).isZero();

        JsonNode own = verify(b.tenant());
        assertThat(own.get("ok").asBoolean()).isFalse();
        assertThat(own.get("violationCount").asInt()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theVerifierTakesTheUsersJwtNotAnApiKey() {
        TestTenant t = sharedTenant();
        Api.Response none = api().get("/api/admin/ledger/verify", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("message").asText()).isNotBlank();
        assertThat(api().get("/api/admin/ledger/verify", t.apiKey()).status()).isEqualTo(401);
        assertThat(api().get("/api/admin/ledger/verify", t.accessToken()).status()).isEqualTo(200);
        assertThat(api().get("/api/admin/ledger/verify?rebuild=maybe", t.accessToken()).badRequestFields())
                .containsExactly("rebuild");
    }

    /**
     * A KES customer taxed VAT 16 % on a monthly 3,000 plan with a SUM charge of 0.50 per GB from 2038-03-01: the
     * March invoice; two March events billed on the April invoice; a wallet granted 100.00 paying part of a one-off
     * invoice of 250.00, the rest marked paid; a credit note of 500.00 on March consumed by the May invoice.
     */
    private Billed billed() throws Exception {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-01T00:00:00Z");
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
        Billed b = new Billed(t, customerId, subscriptionId, code, null, null);
        awaitInvoices(t, customerId, 1);

        advanceTo(t, "2038-03-05T10:00:00Z");
        event(b, "2038-03-05T10:00:00Z", 10);
        advanceTo(t, "2038-03-31T23:59:59Z");
        event(b, "2038-03-31T23:59:59Z", 2.5);
        advanceTo(t, "2038-04-02T00:00:00Z");
        awaitInvoices(t, customerId, 2);

        String walletId = created(t, "/api/wallets", Map.of("customerId", customerId, "name", "Promo",
                "currency", "KES", "grantedCredits", 100));
        String oneOff = created(t, "/api/invoices", Map.of("customerId", customerId, "currency", "KES",
                "items", List.of(Map.of("description", "Setup", "amount", 250, "quantity", 1))));
        Api.Response finalized = api().post("/api/invoices/" + oneOff + "/finalize", t.apiKey(), Map.of());
        assertThat(finalized.status()).as(finalized.text()).isEqualTo(200);
        Api.Response paid = api().post("/api/invoices/" + oneOff + "/mark-paid", t.apiKey(), Map.of());
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);

        String march = invoicesOf(t, customerId).stream()
                .filter(i -> i.get("periodStart").asText().equals("2038-03-01T00:00:00Z")
                        && !i.get("lines").toString().contains("\"USAGE\""))
                .findFirst().orElseThrow().get("id").asText();
        String note = created(t, "/api/credit-notes", Map.of("invoiceId", march, "amount", 500, "reason", "OTHER",
                "type", "CREDIT"));
        Api.Response noteFinalized = api().post("/api/credit-notes/" + note + "/finalize", t.apiKey(), Map.of());
        assertThat(noteFinalized.status()).as(noteFinalized.text()).isEqualTo(200);

        advanceTo(t, "2038-05-02T00:00:00Z");
        awaitInvoices(t, customerId, 4);
        return new Billed(t, customerId, subscriptionId, code, note, walletId);
    }

    private JsonNode verify(TestTenant t) {
        Api.Response verified = api().get("/api/admin/ledger/verify", t.accessToken());
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        return verified.body();
    }

    private static List<JsonNode> violations(JsonNode report, String check) {
        List<JsonNode> found = new ArrayList<>();
        report.get("violations").forEach(v -> {
            if (v.get("check").asText().equals(check)) {
                found.add(v);
            }
        });
        return found;
    }

    private void sql(String database, String statement) throws SQLException {
        try (Connection c = connect(database)) {
            c.createStatement().executeUpdate(statement);
        }
    }

    private void event(Billed b, String timestamp, Number gb) {
        Api.Response accepted = api().post("/api/events", b.tenant().apiKey(), Map.of("transactionId",
                uniqueCode("tx"), "subscriptionId", b.subscriptionId(), "code", b.code(), "timestamp", timestamp,
                "properties", Map.of("gb", gb)));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
    }

    /** The customer's invoices once there are {@code count}, none a draft. */
    private void awaitInvoices(TestTenant t, String customerId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<JsonNode> invoices = invoicesOf(t, customerId);
            return invoices.size() >= count && invoices.stream().noneMatch(i -> i.get("status").asText().equals("DRAFT"));
        });
    }

    private List<JsonNode> invoicesOf(TestTenant t, String customerId) {
        Api.Response list = api().get("/api/invoices?customerId=" + customerId + "&limit=100", t.apiKey());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<JsonNode> invoices = new ArrayList<>();
        list.body().get("data").forEach(invoices::add);
        return invoices;
    }
}
