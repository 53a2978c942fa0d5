package com.novabilling.app.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanHttpTest extends IntegrationTest {

    private static final String SEED_CREATE_PLAN = """
            {
              "name": "Pro Plan",
              "code": "pro",
              "description": "For growing teams",
              "billingInterval": "MONTHLY",
              "features": ["Unlimited users", "Priority support"],
              "prices": [{ "currency": "USD", "amount": 49.99 }]
            }""";

    @Test
    void seedCreatePlanExampleWorksAndReadsBack() {
        TestTenant t = registerTenant();
        Api.Response created = api().post("/api/plans", t.apiKey(), SEED_CREATE_PLAN);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode plan = created.body();
        assertThat(plan.get("id").asText()).matches("pln_[0-9a-f]{24}");
        assertThat(plan.get("name").asText()).isEqualTo("Pro Plan");
        assertThat(plan.get("code").asText()).isEqualTo("pro");
        assertThat(plan.get("description").asText()).isEqualTo("For growing teams");
        assertThat(plan.get("billingInterval").asText()).isEqualTo("MONTHLY");
        assertThat(plan.get("features")).hasSize(2);
        assertThat(plan.at("/features/1").asText()).isEqualTo("Priority support");
        assertThat(plan.get("trialDays").asInt()).isZero();
        assertThat(plan.get("active").asBoolean()).isTrue();
        assertThat(plan.get("prices")).hasSize(1);
        assertThat(plan.at("/prices/0/id").asText()).startsWith("prc_");
        assertThat(plan.at("/prices/0/currency").asText()).isEqualTo("USD");
        assertThat(plan.at("/prices/0/amount").decimalValue()).isEqualByComparingTo("49.99");
        assertThat(plan.at("/prices/0/amount").toString()).isEqualTo("49.99");

        Api.Response read = api().get("/api/plans/" + plan.get("id").asText(), t.apiKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(plan);
    }

    @Test
    void billingIntervalInAnyLetterCaseAnswersCanonicalAndZeroDecimalCurrenciesAreWhole() {
        TestTenant t = registerTenant();
        Api.Response created = api().post("/api/plans", t.apiKey(), Map.of("name", "Pro", "code", "pro_monthly",
                "billingInterval", "monthly", "trialDays", 14,
                "prices", List.of(Map.of("currency", "ugx", "amount", 50000), Map.of("currency", "KES", "amount", 6500.5))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("billingInterval").asText()).isEqualTo("MONTHLY");
        assertThat(created.body().get("trialDays").asInt()).isEqualTo(14);
        assertThat(created.body().at("/prices/0/currency").asText()).isEqualTo("UGX");
        assertThat(created.body().at("/prices/0/amount").toString()).isEqualTo("50000");
        assertThat(created.text()).contains("\"amount\":6500.50");

        String planId = created.body().get("id").asText();
        assertThat(count(tenantDatabase(t.id()), "SELECT count(*) FROM plan_price_lookup WHERE plan_id = '" + planId + "'"))
                .isEqualTo(2);
    }

    @Test
    void invalidInputIsRefusedNamingTheField() {
        TestTenant t = registerTenant();
        // one case per way a 400 is made; the constraints field by field: PlanRequestValidationTest (a request's own
        // and its prices' conversion) and PlanTest (one price per currency)
        assertBadRequest(t, Map.of("code", "pro", "billingInterval", "MONTHLY"), "name");
        assertBadRequest(t, Map.of("name", "Pro", "code", "pro", "billingInterval", "FORTNIGHTLY"), "billingInterval");
        assertBadRequest(t, Map.of("name", "Pro", "code", "pro", "billingInterval", "MONTHLY", "trialDays", 1.9), "trialDays");
        assertBadRequest(t, Map.of("name", "Pro", "code", "pro", "billingInterval", "MONTHLY",
                "prices", List.of(Map.of("currency", "KES", "amount", "6500.5"))), "prices[0].amount");
        assertBadRequest(t, Map.of("name", "Pro", "code", "pro", "billingInterval", "MONTHLY", "trialDays", "soon"), "trialDays");
        assertBadRequest(t, plan(List.of(Map.of("currency", "UGX", "amount", 100.5))), "prices[0].amount");
        assertBadRequest(t, plan(List.of(Map.of("currency", "USD", "amount", "49.999"))), "prices[0].amount");
        assertBadRequest(t, plan(List.of(Map.of("currency", "USD", "amount", 1), Map.of("currency", "usd", "amount", 2))),
                "prices[1].currency");

        Api.Response malformed = api().post("/api/plans", t.apiKey(), "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api().get("/api/plans", t.apiKey()).total()).isZero();
    }

    @Test
    void updatesDescriptiveFieldsButNotPrices() {
        TestTenant t = registerTenant();
        String id = createSeedPlan(t);
        Api.Response updated = api().patch("/api/plans/" + id, t.apiKey(), Map.of("name", "Pro Plan v2",
                "billingInterval", "yearly", "features", List.of("Everything"), "active", false, "metadata", Map.of("tier", "gold")));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().get("name").asText()).isEqualTo("Pro Plan v2");
        assertThat(updated.body().get("code").asText()).isEqualTo("pro");
        assertThat(updated.body().get("billingInterval").asText()).isEqualTo("YEARLY");
        assertThat(updated.body().get("active").asBoolean()).isFalse();
        assertThat(updated.body().at("/metadata/tier").asText()).isEqualTo("gold");
        assertThat(updated.body().get("prices")).hasSize(1);
        assertThat(api().get("/api/plans/" + id, t.apiKey()).body()).isEqualTo(updated.body());

        Api.Response prices = api().patch("/api/plans/" + id, t.apiKey(), Map.of("prices", List.of()));
        assertThat(prices.status()).isEqualTo(400);
        assertThat(prices.body().at("/errors/0/field").asText()).isEqualTo("prices");
        Api.Response unknownField = api().patch("/api/plans/" + id, t.apiKey(), Map.of("isActive", true));
        assertThat(unknownField.badRequestFields()).as("a field the API does not know is refused, not dropped")
                .containsExactly("isActive");
        assertThat(api().get("/api/plans/" + id, t.apiKey()).body().get("active").asBoolean()).isFalse();
        Api.Response blank = api().patch("/api/plans/" + id, t.apiKey(), Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().at("/errors/0/field").asText()).isEqualTo("name");
    }

    @Test
    void pricesAreAddedUpdatedAndDeleted() {
        TestTenant t = registerTenant();
        String id = createSeedPlan(t);
        Api.Response added = api().post("/api/plans/" + id + "/prices", t.apiKey(), Map.of("currency", "KES", "amount", 6500));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(added.body().get("prices")).hasSize(2);
        assertThat(added.body().at("/prices/1/currency").asText()).isEqualTo("KES");
        assertThat(added.text()).contains("\"currency\":\"KES\",\"amount\":6500.00");
        String kesId = added.body().at("/prices/1/id").asText();

        Api.Response updated = api().patch("/api/plans/" + id + "/prices/" + kesId, t.apiKey(), Map.of("amount", 7000.5));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().at("/prices/1/amount").decimalValue()).isEqualByComparingTo("7000.50");

        Api.Response otherCurrency = api().patch("/api/plans/" + id + "/prices/" + kesId, t.apiKey(),
                Map.of("currency", "USD", "amount", 1));
        assertThat(otherCurrency.status()).isEqualTo(400);
        assertThat(otherCurrency.body().at("/errors/0/field").asText()).isEqualTo("currency");
        Api.Response tooPrecise = api().patch("/api/plans/" + id + "/prices/" + kesId, t.apiKey(), Map.of("amount", "1.001"));
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(tooPrecise.body().at("/errors/0/field").asText()).isEqualTo("amount");
        assertThat(api().post("/api/plans/" + id + "/prices", t.apiKey(), Map.of("currency", "XYZ", "amount", 1))
                .badRequestFields()).containsExactly("currency");
        assertThat(api().post("/api/plans/" + id + "/prices", t.apiKey(), Map.of("currency", "UGX", "amount", -1))
                .badRequestFields()).containsExactly("amount");
        assertThat(api().post("/api/plans/" + id + "/prices", t.apiKey(), Map.of("currency", "UGX", "amount", 100.5))
                .badRequestFields()).containsExactly("amount");
        assertThat(api().post("/api/plans/" + id + "/prices", t.apiKey(), Map.of("amount", 1))
                .badRequestFields()).containsExactly("currency");
        Api.Response duplicate = api().post("/api/plans/" + id + "/prices", t.apiKey(), Map.of("currency", "kes", "amount", 1));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().at("/errors/0/field").asText()).isEqualTo("currency");

        Api.Response removed = api().delete("/api/plans/" + id + "/prices/" + kesId, t.apiKey());
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(removed.body().get("prices")).hasSize(1);
        assertThat(api().get("/api/plans/" + id, t.apiKey()).body().get("prices")).hasSize(1);
        assertThat(api().delete("/api/plans/" + id + "/prices/" + kesId, t.apiKey()).status()).isEqualTo(404);
        assertThat(api().patch("/api/plans/" + id + "/prices/prc_missing", t.apiKey(), Map.of("amount", 1)).status())
                .isEqualTo(404);
    }

    @Test
    void listFiltersByActiveAndSearchesNameAndCode() {
        TestTenant t = registerTenant();
        String starter = catalog(t).plan("Starter", "starter");
        catalog(t).plan("Pro Plan", "pro");
        catalog(t).plan("Enterprise 100%", "ent_100");
        api().patch("/api/plans/" + starter, t.apiKey(), Map.of("active", false));

        Api.Response all = api().get("/api/plans?limit=2", t.apiKey());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.body().at("/meta/totalPages").asInt()).isEqualTo(2);
        assertThat(all.body().at("/data/0/code").asText()).as("newest first").isEqualTo("ent_100");
        assertThat(api().get("/api/plans?active=true", t.apiKey()).total()).isEqualTo(2);
        Api.Response inactive = api().get("/api/plans?active=FALSE", t.apiKey());
        assertThat(inactive.total()).isEqualTo(1);
        assertThat(inactive.body().at("/data/0/id").asText()).isEqualTo(starter);
        assertThat(api().get("/api/plans?search=PRO", t.apiKey()).body().at("/data/0/code").asText()).isEqualTo("pro");
        assertThat(api().get("/api/plans?search=100%25", t.apiKey()).total()).isEqualTo(1);
        assertThat(api().get("/api/plans?search=_", t.apiKey()).total()).isEqualTo(1);

        Api.Response badActive = api().get("/api/plans?active=yes", t.apiKey());
        assertThat(badActive.status()).isEqualTo(400);
        assertThat(badActive.body().at("/errors/0/field").asText()).isEqualTo("active");
        assertThat(api().get("/api/plans?limit=500", t.apiKey()).badRequestFields()).containsExactly("limit");
    }

    @Test
    void duplicateCodesConflictOnCreateAndUpdate() {
        TestTenant t = registerTenant();
        catalog(t).plan("Pro", "pro");
        String basic = catalog(t).plan("Basic", "basic");
        Api.Response duplicate = api().post("/api/plans", t.apiKey(), SEED_CREATE_PLAN);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().at("/errors/0/field").asText()).isEqualTo("code");
        assertThat(duplicate.body().get("message").asText()).isEqualTo("A plan with code 'pro' already exists");
        assertThat(api().patch("/api/plans/" + basic, t.apiKey(), Map.of("code", "pro")).status()).isEqualTo(409);

        TestTenant other = registerTenant();
        assertThat(api().post("/api/plans", other.apiKey(), SEED_CREATE_PLAN).status())
                .as("codes are unique per tenant only").isEqualTo(201);
    }

    @Test
    void deletedPlanIsGoneAndItsCodeFree() {
        TestTenant t = registerTenant();
        String id = createSeedPlan(t);
        Api.Response deleted = api().delete("/api/plans/" + id, t.apiKey());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("id").asText()).isEqualTo(id);
        assertThat(deleted.body().get("deleted").asBoolean()).isTrue();
        assertThat(api().get("/api/plans/" + id, t.apiKey()).status()).isEqualTo(404);
        assertThat(api().delete("/api/plans/" + id, t.apiKey()).status()).isEqualTo(404);
        assertThat(api().patch("/api/plans/" + id, t.apiKey(), Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(api().post("/api/plans", t.apiKey(), SEED_CREATE_PLAN).status()).isEqualTo(201);
    }

    @Test
    void anotherTenantsPlanIsIndistinguishableFromAMissingOne() {
        TestTenant owner = registerTenant();
        TestTenant stranger = registerTenant();
        String id = createSeedPlan(owner);
        String priceId = api().get("/api/plans/" + id, owner.apiKey()).body().at("/prices/0/id").asText();
        String missing = "pln_000000000000000000000000";

        for (String planId : List.of(id, missing)) {
            Api.Response get = api().get("/api/plans/" + planId, stranger.apiKey());
            assertThat(get.status()).isEqualTo(404);
            assertThat(get.body().get("message").asText()).isEqualTo("Plan with id '" + planId + "' not found");
            assertThat(api().patch("/api/plans/" + planId, stranger.apiKey(), Map.of("name", "x")).status()).isEqualTo(404);
            assertThat(api().delete("/api/plans/" + planId, stranger.apiKey()).status()).isEqualTo(404);
            assertThat(api().post("/api/plans/" + planId + "/prices", stranger.apiKey(), Map.of("currency", "KES", "amount", 1))
                    .status()).isEqualTo(404);
            assertThat(api().patch("/api/plans/" + planId + "/prices/" + priceId, stranger.apiKey(), Map.of("amount", 1))
                    .status()).isEqualTo(404);
            assertThat(api().delete("/api/plans/" + planId + "/prices/" + priceId, stranger.apiKey()).status()).isEqualTo(404);
        }
        assertThat(api().get("/api/plans/cus_000000000000000000000000", stranger.apiKey()).status()).isEqualTo(404);
        assertThat(api().get("/api/plans", stranger.apiKey()).total()).isZero();
        assertThat(api().get("/api/plans/" + id, owner.apiKey()).body().get("name").asText()).isEqualTo("Pro Plan");
    }

    @Test
    void everyChangeIsAnAuditedEvent() {
        TestTenant t = registerTenant();
        String id = createSeedPlan(t);
        api().patch("/api/plans/" + id, t.apiKey(), Map.of("trialDays", 7));
        Api.Response added = api().post("/api/plans/" + id + "/prices", t.apiKey(), Map.of("currency", "EUR", "amount", 45));
        String eurId = added.body().at("/prices/1/id").asText();
        api().patch("/api/plans/" + id + "/prices/" + eurId, t.apiKey(), Map.of("amount", 46));
        api().delete("/api/plans/" + id + "/prices/" + eurId, t.apiKey());
        api().delete("/api/plans/" + id, t.apiKey());

        Api.Response audit = api().get("/api/audit/events?aggregateId=" + id + "&limit=100", t.apiKey());
        assertThat(audit.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        audit.body().get("data").forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactlyInAnyOrder("PlanCreatedEvent", "PlanUpdatedEvent", "PlanPriceAddedEvent",
                "PlanPriceUpdatedEvent", "PlanPriceRemovedEvent", "PlanDeletedEvent");
    }

    private void assertBadRequest(TestTenant t, Object body, String field) {
        Api.Response r = api().post("/api/plans", t.apiKey(), body);
        assertThat(r.badRequestFields()).as(r.text()).contains(field);
    }

    private static Map<String, Object> plan(List<Map<String, Object>> prices) {
        return Map.of("name", "Pro", "code", "pro", "billingInterval", "MONTHLY", "prices", prices);
    }

    private String createSeedPlan(TestTenant t) {
        Api.Response created = api().post("/api/plans", t.apiKey(), SEED_CREATE_PLAN);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asText();
    }
}
