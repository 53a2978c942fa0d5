package com.novabilling.app.billingterms;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.command.billingterms.BillingTermsLookup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.novabilling.app.support.OpenApiDocument.enumOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Billing terms (docs/billing-rules.md §7) over HTTP: set, changed and read on plans, customers and the tenant's
 * settings, refused with a 400 naming the field, and resolved by {@link BillingTermsLookup} from real data, the most
 * specific level winning.
 */
class BillingTermsHttpTest extends IntegrationTest {

    @Autowired
    private BillingTermsLookup billingTerms;

    @Test
    void aPlanBillsInAdvanceWithNoTermsOfItsOwnUntilItSetsThem() {
        TestTenant t = sharedTenant();
        Api.Response plain = api().post("/api/plans", t.apiKey(), plan(Map.of()));
        assertThat(plain.status()).as(plain.text()).isEqualTo(201);
        assertThat(plain.body().get("billingTiming").asText()).isEqualTo("IN_ADVANCE");
        assertThat(plain.body().get("netPaymentTerms").isNull()).isTrue();
        assertThat(plain.body().get("invoiceGracePeriodDays").isNull()).isTrue();

        Api.Response created = api().post("/api/plans", t.apiKey(), plan(Map.of("billingTiming", "in_arrears",
                "netPaymentTerms", 30, "invoiceGracePeriodDays", 3)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("billingTiming").asText()).isEqualTo("IN_ARREARS");
        assertThat(created.body().get("netPaymentTerms").asInt()).isEqualTo(30);
        assertThat(created.body().get("invoiceGracePeriodDays").asInt()).isEqualTo(3);
        String id = created.body().get("id").asText();
        assertThat(api().get("/api/plans/" + id, t.apiKey()).body()).isEqualTo(created.body());

        Api.Response patched = api().patch("/api/plans/" + id, t.apiKey(), Map.of("netPaymentTerms", 0,
                "billingTiming", "In_Advance"));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.body().get("billingTiming").asText()).isEqualTo("IN_ADVANCE");
        assertThat(patched.body().get("netPaymentTerms").asInt()).isZero();
        assertThat(patched.body().get("invoiceGracePeriodDays").asInt()).as("absent: unchanged").isEqualTo(3);

        Api.Response renamed = api().patch("/api/plans/" + id, t.apiKey(), Map.of("name", "Renamed"));
        assertThat(renamed.body().get("netPaymentTerms").asInt()).isZero();
        assertThat(renamed.body().get("invoiceGracePeriodDays").asInt()).isEqualTo(3);
        assertThat(api().get("/api/plans?limit=100", t.apiKey()).body().get("data").findValuesAsText("billingTiming"))
                .contains("IN_ADVANCE");
    }

    @Test
    void planTermsOutOfBoundsAreRefusedNamingTheField() {
        TestTenant t = sharedTenant();
        String id = catalog(t).plan("MONTHLY", "KES", 100);
        for (Map.Entry<String, Object> bad : List.of(
                value("netPaymentTerms", 366), value("netPaymentTerms", -1),
                value("netPaymentTerms", 1.5), value("netPaymentTerms", "30"),
                value("invoiceGracePeriodDays", 400), value("invoiceGracePeriodDays", -1),
                value("billingTiming", "LATER"), value("billingTiming", 1))) {
            Api.Response create = api().post("/api/plans", t.apiKey(), plan(Map.of(bad.getKey(), bad.getValue())));
            assertThat(create.badRequestFields()).as(bad.toString()).containsExactly(bad.getKey());
            Api.Response update = api().patch("/api/plans/" + id, t.apiKey(), Map.of(bad.getKey(), bad.getValue()));
            assertThat(update.badRequestFields()).as(bad.toString()).containsExactly(bad.getKey());
        }
        assertThat(api().post("/api/plans", t.apiKey(), plan(Map.of("netPaymentTerms", 365, "invoiceGracePeriodDays", 0)))
                .status()).isEqualTo(201);
    }

    @Test
    void aCustomerSetsItsOwnTermsAndAnExplicitZeroTaxRateIsKept() {
        TestTenant t = sharedTenant();
        Api.Response plain = api().post("/api/customers", t.apiKey(), customer(Map.of()));
        assertThat(plain.status()).as(plain.text()).isEqualTo(201);
        for (String field : List.of("netPaymentTerms", "taxRate", "taxName")) {
            assertThat(plain.body().get(field).isNull()).as(field).isTrue();
        }

        Api.Response created = api().post("/api/customers", t.apiKey(), customer(Map.of("netPaymentTerms", 45,
                "taxRate", new BigDecimal("16.00"), "taxName", "VAT")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("netPaymentTerms").asInt()).isEqualTo(45);
        assertThat(created.body().get("taxRate").toString()).isEqualTo("16");
        assertThat(created.body().get("taxName").asText()).isEqualTo("VAT");
        String id = created.body().get("id").asText();
        assertThat(api().get("/api/customers/" + id, t.apiKey()).body()).isEqualTo(created.body());

        Api.Response exempt = api().patch("/api/customers/" + id, t.apiKey(), Map.of("taxRate", 0));
        assertThat(exempt.status()).as(exempt.text()).isEqualTo(200);
        assertThat(exempt.body().get("taxRate").toString()).isEqualTo("0");
        assertThat(exempt.body().get("taxName").asText()).isEqualTo("VAT");
        assertThat(exempt.body().get("netPaymentTerms").asInt()).isEqualTo(45);

        Api.Response reduced = api().patch("/api/customers/" + id, t.apiKey(), Map.of("taxRate", 12.3456));
        assertThat(reduced.body().get("taxRate").toString()).isEqualTo("12.3456");
        assertThat(api().get("/api/customers/" + id, t.apiKey()).body().get("taxRate").toString()).isEqualTo("12.3456");
    }

    @Test
    void customerTermsOutOfBoundsAreRefusedNamingTheField() {
        TestTenant t = sharedTenant();
        String id = catalog(t).customer();
        for (Map.Entry<String, Object> bad : List.of(
                value("netPaymentTerms", 366), value("netPaymentTerms", -1),
                value("netPaymentTerms", 2.5), value("taxRate", 100.5), value("taxRate", -1),
                value("taxRate", 12.34567), value("taxRate", "16"), value("taxName", "x".repeat(101)),
                value("taxName", " "))) {
            Api.Response create = api().post("/api/customers", t.apiKey(), customer(Map.of(bad.getKey(), bad.getValue())));
            assertThat(create.badRequestFields()).as(bad.toString()).containsExactly(bad.getKey());
            Api.Response update = api().patch("/api/customers/" + id, t.apiKey(), Map.of(bad.getKey(), bad.getValue()));
            assertThat(update.badRequestFields()).as(bad.toString()).containsExactly(bad.getKey());
        }
        Api.Response several = api().post("/api/customers", t.apiKey(), customer(Map.of("netPaymentTerms", 400,
                "taxRate", 101, "taxName", "")));
        assertThat(several.badRequestFields()).containsExactlyInAnyOrder("netPaymentTerms", "taxRate", "taxName");
    }

    @Test
    void tenantDefaultsAreZeroUntilSetAndChangeOnlyWhereGiven() {
        TestTenant t = registerTenant();
        Api.Response fresh = api().get("/api/tenants/me", t.accessToken());
        assertThat(fresh.body().at("/settings/taxRate").toString()).isEqualTo("0");
        assertThat(fresh.body().at("/settings/taxName").isNull()).isTrue();
        assertThat(fresh.body().at("/settings/netPaymentTerms").asInt()).isZero();
        assertThat(fresh.body().at("/settings/invoiceGracePeriodDays").asInt()).isZero();

        Api.Response set = api().patch("/api/tenants/me", t.accessToken(), Map.of("settings", Map.of(
                "taxRate", 16, "taxName", "VAT", "netPaymentTerms", 14, "invoiceGracePeriodDays", 2)));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.body().at("/settings/taxRate").toString()).isEqualTo("16");
        assertThat(set.body().at("/settings/taxName").asText()).isEqualTo("VAT");
        assertThat(set.body().at("/settings/netPaymentTerms").asInt()).isEqualTo(14);
        assertThat(set.body().at("/settings/invoiceGracePeriodDays").asInt()).isEqualTo(2);

        Api.Response other = api().patch("/api/tenants/me", t.accessToken(), Map.of("settings", Map.of(
                "timezone", "Africa/Nairobi", "taxRate", 7.50)));
        assertThat(other.status()).as(other.text()).isEqualTo(200);
        Api.Response read = api().get("/api/tenants/me", t.accessToken());
        assertThat(read.body().at("/settings/timezone").asText()).isEqualTo("Africa/Nairobi");
        assertThat(read.body().at("/settings/taxRate").toString()).isEqualTo("7.5");
        assertThat(read.body().at("/settings/taxName").asText()).isEqualTo("VAT");
        assertThat(read.body().at("/settings/netPaymentTerms").asInt()).isEqualTo(14);
        assertThat(read.body().at("/settings/invoiceGracePeriodDays").asInt()).isEqualTo(2);
        assertThat(read.body().at("/settings/defaultCurrency").asText()).isEqualTo("USD");
    }

    @Test
    void tenantTermsOutOfBoundsAreRefusedNamingTheFieldAndNotStored() {
        TestTenant t = sharedTenant();
        for (Map.Entry<String, Object> bad : List.of(
                value("netPaymentTerms", 366), value("netPaymentTerms", -1),
                value("netPaymentTerms", 1.5), value("invoiceGracePeriodDays", 366),
                value("invoiceGracePeriodDays", -1), value("taxRate", 100.01), value("taxRate", -0.5),
                value("taxRate", 1.23456), value("taxName", "x".repeat(101)), value("taxName", ""))) {
            Api.Response refused = api().patch("/api/tenants/me", t.accessToken(),
                    Map.of("settings", Map.of(bad.getKey(), bad.getValue())));
            assertThat(refused.badRequestFields()).as(bad.toString()).containsExactly("settings." + bad.getKey());
        }
        Api.Response several = api().patch("/api/tenants/me", t.accessToken(), Map.of("settings", Map.of(
                "taxRate", 101, "netPaymentTerms", 400, "invoiceGracePeriodDays", 400)));
        assertThat(several.badRequestFields()).containsExactlyInAnyOrder("settings.taxRate",
                "settings.netPaymentTerms", "settings.invoiceGracePeriodDays");
        Api.Response unchanged = api().get("/api/tenants/me", t.accessToken());
        assertThat(unchanged.body().at("/settings/netPaymentTerms").asInt()).isZero();
        assertThat(unchanged.body().at("/settings/taxRate").toString()).isEqualTo("0");
    }

    @Test
    void theDocumentListsTheTermsAndTheBillingTimings() {
        JsonNode doc = api().get("/api/openapi.json", null).body();
        for (String schema : List.of("CreatePlanRequest", "UpdatePlanRequest", "PlanView")) {
            assertThat(enumOf(doc, schema, "billingTiming")).as(schema).containsExactly("IN_ADVANCE", "IN_ARREARS");
            assertThat(doc.at("/components/schemas/" + schema + "/properties").has("netPaymentTerms")).isTrue();
            assertThat(doc.at("/components/schemas/" + schema + "/properties").has("invoiceGracePeriodDays")).isTrue();
        }
        for (String schema : List.of("CreateCustomerRequest", "UpdateCustomerRequest", "CustomerView")) {
            for (String term : List.of("netPaymentTerms", "taxRate", "taxName")) {
                assertThat(doc.at("/components/schemas/" + schema + "/properties").has(term)).as(schema + "." + term)
                        .isTrue();
            }
        }
    }

    @Test
    void theLookupResolvesTheMostSpecificTermFromRealData() {
        TestTenant t = registerTenant();
        assertThat(api().patch("/api/tenants/me", t.accessToken(), Map.of("settings", Map.of(
                "taxRate", 16, "taxName", "VAT", "netPaymentTerms", 14, "invoiceGracePeriodDays", 2))).status())
                .isEqualTo(200);
        String plainPlan = catalog(t).plan("MONTHLY", "KES", 1000);
        String net30 = catalog(t).created("/api/plans", plan(Map.of("netPaymentTerms", 30,
                "invoiceGracePeriodDays", 5)));
        String plainCustomer = catalog(t).customer("KES");
        String exempt = catalog(t).customer(customer(Map.of("taxRate", 0, "netPaymentTerms", 60)));
        String reduced = catalog(t).customer(customer(Map.of("taxRate", 8, "taxName", "Reduced VAT")));

        assertThat(termsFor(t, plainCustomer, null)).isEqualTo(terms("16", "VAT", 14, 2));
        assertThat(termsFor(t, plainCustomer, plainPlan)).isEqualTo(terms("16", "VAT", 14, 2));
        assertThat(termsFor(t, plainCustomer, net30)).isEqualTo(terms("16", "VAT", 30, 5));
        assertThat(termsFor(t, exempt, net30)).isEqualTo(terms("0", "VAT", 60, 5));
        assertThat(termsFor(t, reduced, plainPlan)).isEqualTo(terms("8", "Reduced VAT", 14, 2));

        // a change is seen at once: the lookup reads the command side's tables, not an eventually consistent read model
        assertThat(api().patch("/api/customers/" + exempt, t.apiKey(), Map.of("netPaymentTerms", 7)).status())
                .isEqualTo(200);
        assertThat(api().patch("/api/tenants/me", t.accessToken(), Map.of("settings", Map.of("taxName", "TVA")))
                .status()).isEqualTo(200);
        assertThat(termsFor(t, exempt, net30)).isEqualTo(terms("0", "TVA", 7, 5));

        TestTenant stranger = strangerTenant();
        assertThat(termsFor(stranger, catalog(stranger).customer(), null)).isEqualTo(BillingTerms.NONE);
        assertThatThrownBy(() -> termsFor(stranger, plainCustomer, null)).isInstanceOf(NotFoundException.class);
        String strangersCustomer = catalog(stranger).customer();
        assertThatThrownBy(() -> termsFor(stranger, strangersCustomer, net30)).isInstanceOf(NotFoundException.class);
    }

    private static Map.Entry<String, Object> value(String field, Object value) {
        return Map.entry(field, value);
    }

    private BillingTerms termsFor(TestTenant t, String customerId, String planId) {
        AtomicReference<BillingTerms> terms = new AtomicReference<>();
        TenantContext.runAs(t.id(), () -> terms.set(billingTerms.termsFor(customerId, planId)));
        return terms.get();
    }

    private static BillingTerms terms(String taxRate, String taxName, int netPaymentTerms, int graceDays) {
        return new BillingTerms(new BigDecimal(taxRate), taxName, netPaymentTerms, graceDays);
    }

    private static Map<String, Object> plan(Map<String, Object> terms) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Growth", "code", uniqueCode("growth"),
                "billingInterval", "MONTHLY", "prices", List.of(Map.of("currency", "KES", "amount", 1500))));
        body.putAll(terms);
        return body;
    }

    private static Map<String, Object> customer(Map<String, Object> terms) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Wanjiru", "email", uniqueCode("wanjiru") + "@example.com"));
        body.putAll(terms);
        return body;
    }
}
