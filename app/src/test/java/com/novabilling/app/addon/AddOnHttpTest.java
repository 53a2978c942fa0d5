package com.novabilling.app.addon;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.novabilling.app.support.OpenApiDocument.operation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AddOnHttpTest extends IntegrationTest {

    private static final String CREATE_SETUP_FEE = """
            {
              "name": "Setup fee",
              "code": "setup_fee",
              "description": "One-time onboarding",
              "invoiceDisplayName": "Onboarding",
              "prices": [{ "currency": "USD", "amount": 25 }, { "currency": "ugx", "amount": 50000 }],
              "metadata": { "team": "ops" }
            }""";

    @Test
    void createReadsBackAndIsListedAndSearched() {
        TestTenant t = registerTenant();
        Api.Response created = api().post("/api/add-ons", t.apiKey(), CREATE_SETUP_FEE);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode addOn = created.body();
        assertThat(addOn.get("id").asText()).matches("aon_[0-9a-f]{24}");
        assertThat(addOn.get("name").asText()).isEqualTo("Setup fee");
        assertThat(addOn.get("code").asText()).isEqualTo("setup_fee");
        assertThat(addOn.get("description").asText()).isEqualTo("One-time onboarding");
        assertThat(addOn.get("invoiceDisplayName").asText()).isEqualTo("Onboarding");
        assertThat(addOn.at("/metadata/team").asText()).isEqualTo("ops");
        assertThat(addOn.get("prices")).hasSize(2);
        assertThat(created.text()).contains("{\"currency\":\"USD\",\"amount\":25.00}", "{\"currency\":\"UGX\",\"amount\":50000}");
        assertThat(addOn.get("createdAt").asText()).isNotBlank();

        Api.Response read = api().get("/api/add-ons/" + addOn.get("id").asText(), t.apiKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(addOn);

        catalog(t).addOn("Priority support", "support", usd(10));
        catalog(t).addOn("Data export 100%", "export_100", usd(5));
        Api.Response page = api().get("/api/add-ons?page=1&limit=2", t.apiKey());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.body().at("/meta/totalPages").asInt()).isEqualTo(2);
        assertThat(page.body().at("/data/0/code").asText()).as("newest first").isEqualTo("export_100");
        assertThat(api().get("/api/add-ons?page=2&limit=2", t.apiKey()).body().at("/data/0/code").asText())
                .isEqualTo("setup_fee");
        Api.Response search = api().get("/api/add-ons?search=SUPPORT", t.apiKey());
        assertThat(search.total()).isEqualTo(1);
        assertThat(search.body().at("/data/0/code").asText()).isEqualTo("support");
        assertThat(api().get("/api/add-ons?search=100%25", t.apiKey()).total()).isEqualTo(1);
        assertThat(api().get("/api/add-ons?limit=0", t.apiKey()).badRequestFields()).containsExactly("limit");
        assertThat(api().get("/api/add-ons?page=x", t.apiKey()).badRequestFields()).containsExactly("page");
    }

    @Test
    void invalidAddOnsAreRefusedNamingTheField() {
        TestTenant t = registerTenant();
        // one case per way a 400 is made; the constraints field by field: AddOnRequestValidationTest (a request's own
        // and its prices' conversion), AddOnTest and AppliedAddOnTest (the rules of the add-on and its application)
        assertCreateRefused(t, Map.of("code", "setup", "prices", usd(25)), "name");
        assertCreateRefused(t, addOn(List.of(Map.of("currency", "USD", "amount", 1), Map.of("currency", "usd", "amount", 2))),
                "prices[1].currency");
        assertCreateRefused(t, addOn(List.of(Map.of("currency", "UGX", "amount", 100.5))), "prices[0].amount");
        assertCreateRefused(t, addOn(List.of(Map.of("currency", "USD", "amount", 1), Map.of("currency", "KES", "amount", "1.001"))),
                "prices[1].amount");
        assertThat(api().post("/api/add-ons", t.apiKey(), "{\"name\": ").status()).isEqualTo(400);
        assertThat(api().get("/api/add-ons", t.apiKey()).total()).isZero();

        String id = catalog(t).addOn("Setup", "setup", usd(25));
        assertPatchRefused(t, id, Map.of("name", " "), "name");
        assertPatchRefused(t, id, Map.of("prices", List.of(Map.of("currency", "UGX", "amount", 100.5))), "prices[0].amount");
        assertPatchRefused(t, id, Map.of("prices", List.of(Map.of("currency", "EUR", "amount", 1), Map.of("currency", "EUR", "amount", 2))),
                "prices[1].currency");
        assertThat(api().get("/api/add-ons/" + id, t.apiKey()).body().at("/prices/0/amount").decimalValue())
                .isEqualByComparingTo("25");
    }

    @Test
    void patchChangesEveryFieldAndReplacesThePrices() {
        TestTenant t = registerTenant();
        String id = api().post("/api/add-ons", t.apiKey(), CREATE_SETUP_FEE).body().get("id").asText();
        Api.Response updated = api().patch("/api/add-ons/" + id, t.apiKey(), Map.of("name", "Setup fee v2",
                "code", "setup_v2", "description", "Now with training", "invoiceDisplayName", "Onboarding + training",
                "prices", List.of(Map.of("currency", "KES", "amount", 3250.5)), "metadata", Map.of("tier", "gold")));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        JsonNode body = updated.body();
        assertThat(body.get("name").asText()).isEqualTo("Setup fee v2");
        assertThat(body.get("code").asText()).isEqualTo("setup_v2");
        assertThat(body.get("description").asText()).isEqualTo("Now with training");
        assertThat(body.get("invoiceDisplayName").asText()).isEqualTo("Onboarding + training");
        assertThat(body.get("metadata")).hasSize(1);
        assertThat(body.at("/metadata/tier").asText()).isEqualTo("gold");
        assertThat(body.get("prices")).hasSize(1);
        assertThat(updated.text()).contains("{\"currency\":\"KES\",\"amount\":3250.50}");
        assertThat(api().get("/api/add-ons/" + id, t.apiKey()).body()).isEqualTo(body);

        Api.Response unchanged = api().patch("/api/add-ons/" + id, t.apiKey(), Map.of());
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.body()).isEqualTo(body);
        assertThat(catalog(t).addOn("Old code is free", "setup_fee", usd(1))).startsWith("aon_");
    }

    @Test
    void duplicateCodesConflictOnCreateAndPatch() {
        TestTenant t = registerTenant();
        catalog(t).addOn("Setup", "setup_fee", usd(25));
        String support = catalog(t).addOn("Support", "support", usd(10));
        Api.Response duplicate = api().post("/api/add-ons", t.apiKey(), CREATE_SETUP_FEE);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().at("/errors/0/field").asText()).isEqualTo("code");
        assertThat(duplicate.body().get("message").asText()).isEqualTo("An add-on with code 'setup_fee' already exists");
        Api.Response patch = api().patch("/api/add-ons/" + support, t.apiKey(), Map.of("code", "setup_fee"));
        assertThat(patch.status()).isEqualTo(409);
        assertThat(patch.body().at("/errors/0/field").asText()).isEqualTo("code");

        TestTenant other = registerTenant();
        assertThat(api().post("/api/add-ons", other.apiKey(), CREATE_SETUP_FEE).status())
                .as("codes are unique per tenant only").isEqualTo(201);
    }

    @Test
    void applyCapturesThePriceAndListsThePendingApplication() {
        TestTenant t = registerTenant();
        String addOnId = api().post("/api/add-ons", t.apiKey(), CREATE_SETUP_FEE).body().get("id").asText();
        String ugandan = catalog(t).customer("UGX");

        Api.Response applied = api().post("/api/add-ons/apply", t.apiKey(),
                Map.of("addOnId", addOnId, "customerId", ugandan, "quantity", 3.0));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        JsonNode body = applied.body();
        assertThat(body.get("id").asText()).matches("apa_[0-9a-f]{24}");
        assertThat(body.get("addOnId").asText()).isEqualTo(addOnId);
        assertThat(body.get("addOnCode").asText()).isEqualTo("setup_fee");
        assertThat(body.get("name").asText()).isEqualTo("Setup fee");
        assertThat(body.get("customerId").asText()).isEqualTo(ugandan);
        assertThat(body.get("subscriptionId").isNull()).isTrue();
        assertThat(body.get("quantity").asInt()).isEqualTo(3);
        assertThat(body.get("currency").asText()).as("the customer's currency").isEqualTo("UGX");
        assertThat(applied.text()).contains("\"unitAmount\":50000", "\"amount\":150000");
        assertThat(body.get("status").asText()).isEqualTo("PENDING");
        assertThat(body.get("appliedAt").asText()).isNotBlank();
        assertThat(body.get("removedAt").isNull()).isTrue();

        String noCurrency = catalog(t).customer();
        Api.Response inUsd = api().post("/api/add-ons/apply", t.apiKey(),
                Map.of("addOnId", addOnId, "customerId", noCurrency, "currency", "usd"));
        assertThat(inUsd.status()).as(inUsd.text()).isEqualTo(201);
        assertThat(inUsd.body().get("quantity").asInt()).as("default quantity").isEqualTo(1);
        assertThat(inUsd.text()).contains("\"currency\":\"USD\"", "\"unitAmount\":25.00", "\"amount\":25.00");

        Api.Response forCustomer = api().get("/api/add-ons/applied/list?customerId=" + ugandan, t.apiKey());
        assertThat(forCustomer.status()).isEqualTo(200);
        assertThat(forCustomer.total()).isEqualTo(1);
        assertThat(forCustomer.body().at("/data/0")).as("read back").isEqualTo(body);
        assertThat(api().get("/api/add-ons/applied/list", t.apiKey()).total()).isEqualTo(2);
        assertThat(api().get("/api/add-ons/applied/list?status=pending", t.apiKey()).total())
                .isEqualTo(2);
        assertThat(api().get("/api/add-ons/applied/list?status=INVOICED", t.apiKey()).total())
                .isZero();
        assertThat(api().get("/api/add-ons/applied/list?limit=1", t.apiKey()).body().at("/meta/totalPages").asInt())
                .isEqualTo(2);
        Api.Response badStatus = api().get("/api/add-ons/applied/list?status=BILLED", t.apiKey());
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().at("/errors/0/field").asText()).isEqualTo("status");
    }

    @Test
    void removingAnApplicationMarksItRemovedOnce() {
        TestTenant t = registerTenant();
        String addOnId = catalog(t).addOn("Setup", "setup", usd(25));
        String customerId = catalog(t).customer("USD");
        String kept = catalog(t).applyAddOn(addOnId, customerId);
        String removed = catalog(t).applyAddOn(addOnId, customerId);

        Api.Response removal = api().delete("/api/add-ons/applied/" + removed, t.apiKey());
        assertThat(removal.status()).as(removal.text()).isEqualTo(200);
        assertThat(removal.body().get("id").asText()).isEqualTo(removed);
        assertThat(removal.body().get("status").asText()).isEqualTo("REMOVED");
        assertThat(removal.body().get("removedAt").asText()).isNotBlank();

        Api.Response again = api().delete("/api/add-ons/applied/" + removed, t.apiKey());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).contains("already removed");

        Api.Response removedList = api().get("/api/add-ons/applied/list?status=REMOVED&customerId=" + customerId, t.apiKey());
        assertThat(removedList.total()).isEqualTo(1);
        assertThat(removedList.body().at("/data/0")).isEqualTo(removal.body());
        Api.Response pending = api().get("/api/add-ons/applied/list?status=PENDING&customerId=" + customerId, t.apiKey());
        assertThat(pending.total()).isEqualTo(1);
        assertThat(pending.body().at("/data/0/id").asText()).isEqualTo(kept);

        assertThat(api().delete("/api/add-ons/applied/apa_000000000000000000000000", t.apiKey()).status()).isEqualTo(404);
        assertThat(api().delete("/api/add-ons/applied/" + addOnId, t.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void aCustomerWithPendingAddOnsIsNotDeleted() {
        TestTenant t = sharedTenant();
        String addOnId = catalog(t).addOn("Setup", uniqueCode("setup"), usd(25));
        String customerId = catalog(t).customer("USD");
        String pending = catalog(t).applyAddOn(addOnId, customerId);

        Api.Response refused = api().delete("/api/customers/" + customerId, t.apiKey());
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().get("message").asText()).isEqualTo("Customer has pending add-ons " + pending
                + " waiting for an invoice; remove them first (DELETE /add-ons/applied/{id})");
        assertThat(api().get("/api/customers/" + customerId, t.apiKey()).status()).isEqualTo(200);

        assertThat(api().delete("/api/add-ons/applied/" + pending, t.apiKey()).status()).isEqualTo(200);
        assertThat(api().delete("/api/customers/" + customerId, t.apiKey()).status()).isEqualTo(200);
        assertThat(api().get("/api/customers/" + customerId, t.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void deletingAnAddOnKeepsItsPendingApplicationsBillable() {
        TestTenant t = registerTenant();
        String addOnId = catalog(t).addOn("Setup", "setup", usd(25));
        String customerId = catalog(t).customer("USD");
        String applied = catalog(t).applyAddOn(addOnId, customerId);

        Api.Response deleted = api().delete("/api/add-ons/" + addOnId, t.apiKey());
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
        assertThat(deleted.body().get("id").asText()).isEqualTo(addOnId);
        assertThat(deleted.body().get("deleted").asBoolean()).isTrue();
        assertThat(api().get("/api/add-ons/" + addOnId, t.apiKey()).status()).isEqualTo(404);
        assertThat(api().delete("/api/add-ons/" + addOnId, t.apiKey()).status()).isEqualTo(404);
        assertThat(api().patch("/api/add-ons/" + addOnId, t.apiKey(), Map.of("name", "Ghost")).status()).isEqualTo(404);

        JsonNode pending = api().get("/api/add-ons/applied/list?customerId=" + customerId, t.apiKey()).body().at("/data/0");
        assertThat(pending.get("id").asText()).isEqualTo(applied);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("addOnCode").asText()).isEqualTo("setup");
        assertThat(pending.get("amount").decimalValue()).isEqualByComparingTo("25");

        Api.Response applyDeleted = api().post("/api/add-ons/apply", t.apiKey(), Map.of("addOnId", addOnId, "customerId", customerId));
        assertThat(applyDeleted.status()).isEqualTo(404);
        assertThat(catalog(t).addOn("Setup again", "setup", usd(30))).as("the code is free again").startsWith("aon_");
    }

    @Test
    void invalidApplicationsAreRefusedNamingTheField() {
        TestTenant t = registerTenant();
        String addOnId = api().post("/api/add-ons", t.apiKey(), CREATE_SETUP_FEE).body().get("id").asText();
        String customerId = catalog(t).customer();

        // one case per way a 400 is made; the rest field by field: AddOnRequestValidationTest and AppliedAddOnTest
        assertApplyRefused(t, Map.of("customerId", customerId, "currency", "USD"), "addOnId");
        assertApplyRefused(t, Map.of("addOnId", addOnId, "customerId", customerId, "currency", "USD", "quantity", 2.5), "quantity");
        assertApplyRefused(t, Map.of("addOnId", addOnId, "customerId", customerId, "currency", "EUR"), "currency");
        assertThat(api().get("/api/add-ons/applied/list", t.apiKey()).total()).isZero();
    }

    @Test
    void unknownAddOnCustomerOrSubscriptionIsNotFound() {
        TestTenant t = registerTenant();
        String addOnId = catalog(t).addOn("Setup", "setup", usd(25));
        String customerId = catalog(t).customer("USD");

        Api.Response noAddOn = api().post("/api/add-ons/apply", t.apiKey(),
                Map.of("addOnId", "aon_000000000000000000000000", "customerId", customerId));
        assertThat(noAddOn.status()).isEqualTo(404);
        assertThat(noAddOn.body().get("message").asText()).isEqualTo("Add-on with id 'aon_000000000000000000000000' not found");
        Api.Response noCustomer = api().post("/api/add-ons/apply", t.apiKey(),
                Map.of("addOnId", addOnId, "customerId", "cus_000000000000000000000000"));
        assertThat(noCustomer.status()).isEqualTo(404);
        assertThat(noCustomer.body().get("message").asText()).isEqualTo("Customer with id 'cus_000000000000000000000000' not found");
        Api.Response noSubscription = api().post("/api/add-ons/apply", t.apiKey(),
                Map.of("addOnId", addOnId, "customerId", customerId, "subscriptionId", "sub_000000000000000000000000"));
        assertThat(noSubscription.status()).isEqualTo(404);
        assertThat(noSubscription.body().get("message").asText())
                .isEqualTo("Subscription with id 'sub_000000000000000000000000' not found");
        Api.Response get = api().get("/api/add-ons/aon_000000000000000000000000", t.apiKey());
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.body().get("message").asText()).isEqualTo("Add-on with id 'aon_000000000000000000000000' not found");
    }

    @Test
    void anotherTenantsAddOnsAndCustomersAreIndistinguishableFromMissingOnes() {
        TestTenant owner = registerTenant();
        TestTenant stranger = registerTenant();
        String addOnId = catalog(owner).addOn("Setup", "setup", usd(25));
        String ownersCustomer = catalog(owner).customer("USD");
        String applied = catalog(owner).applyAddOn(addOnId, ownersCustomer);
        String strangersAddOn = catalog(stranger).addOn("Theirs", "theirs", usd(5));
        String strangersCustomer = catalog(stranger).customer("USD");
        String missingAddOn = "aon_000000000000000000000000";

        for (String id : List.of(addOnId, missingAddOn)) {
            String expected = "Add-on with id '" + id + "' not found";
            Api.Response get = api().get("/api/add-ons/" + id, stranger.apiKey());
            Api.Response patch = api().patch("/api/add-ons/" + id, stranger.apiKey(), Map.of("name", "Hijack"));
            Api.Response delete = api().delete("/api/add-ons/" + id, stranger.apiKey());
            Api.Response applyIt = api().post("/api/add-ons/apply", stranger.apiKey(),
                    Map.of("addOnId", id, "customerId", strangersCustomer));
            for (Api.Response r : List.of(get, patch, delete, applyIt)) {
                assertThat(r.status()).as(r.text()).isEqualTo(404);
                assertThat(r.body().get("message").asText()).isEqualTo(expected);
            }
        }
        Api.Response foreignApplied = api().delete("/api/add-ons/applied/" + applied, stranger.apiKey());
        Api.Response missingApplied = api().delete("/api/add-ons/applied/apa_000000000000000000000000", stranger.apiKey());
        assertThat(foreignApplied.status()).isEqualTo(404);
        assertThat(missingApplied.status()).isEqualTo(404);
        assertThat(foreignApplied.body().get("message").asText().replace(applied, "<id>"))
                .isEqualTo(missingApplied.body().get("message").asText().replace("apa_000000000000000000000000", "<id>"));

        Api.Response foreignCustomer = api().post("/api/add-ons/apply", stranger.apiKey(),
                Map.of("addOnId", strangersAddOn, "customerId", ownersCustomer));
        assertThat(foreignCustomer.status()).isEqualTo(404);
        assertThat(foreignCustomer.body().get("message").asText()).isEqualTo("Customer with id '" + ownersCustomer + "' not found");

        assertThat(api().get("/api/add-ons", stranger.apiKey()).total()).isEqualTo(1);
        assertThat(api().get("/api/add-ons/applied/list", stranger.apiKey()).total()).isZero();
        assertThat(api().get("/api/add-ons/" + addOnId, owner.apiKey()).body().get("name").asText()).isEqualTo("Setup");
        assertThat(api().get("/api/add-ons/applied/list?status=PENDING", owner.apiKey()).body().at("/data/0/id").asText())
                .isEqualTo(applied);
    }

    @Test
    void everyChangeIsAnAuditedEvent() {
        TestTenant t = registerTenant();
        String addOnId = catalog(t).addOn("Setup", "setup", usd(25));
        api().patch("/api/add-ons/" + addOnId, t.apiKey(), Map.of("name", "Setup v2"));
        String applied = catalog(t).applyAddOn(addOnId, catalog(t).customer("USD"));
        api().delete("/api/add-ons/applied/" + applied, t.apiKey());
        api().delete("/api/add-ons/" + addOnId, t.apiKey());

        assertThat(eventTypes(t, addOnId)).containsExactlyInAnyOrder("AddOnCreatedEvent", "AddOnUpdatedEvent", "AddOnDeletedEvent");
        assertThat(eventTypes(t, applied)).containsExactlyInAnyOrder("AddOnAppliedEvent", "AppliedAddOnRemovedEvent");
        JsonNode appliedEvent = api().get("/api/audit/events?type=AddOnAppliedEvent", t.apiKey()).body().at("/data/0");
        assertThat(appliedEvent.at("/payload/unitAmount/minor").asLong()).as("money stored in minor units").isEqualTo(2500);
        assertThat(appliedEvent.at("/payload/name").asText()).isEqualTo("Setup v2");
    }

    @Test
    void rebuildingTheAddOnProjectionsReplaysToTheSameReadModels() {
        TestTenant t = registerTenant();
        String setup = api().post("/api/add-ons", t.apiKey(), CREATE_SETUP_FEE).body().get("id").asText();
        String support = catalog(t).addOn("Support", "support", usd(10));
        api().patch("/api/add-ons/" + setup, t.apiKey(), Map.of("prices", List.of(Map.of("currency", "KES", "amount", 99.5))));
        String customerId = catalog(t).customer("KES");
        catalog(t).applyAddOn(setup, customerId);
        api().delete("/api/add-ons/applied/" + catalog(t).applyAddOn(setup, customerId), t.apiKey());
        api().delete("/api/add-ons/" + support, t.apiKey());
        JsonNode addOnsBefore = api().get("/api/add-ons", t.apiKey()).body();
        JsonNode appliedBefore = api().get("/api/add-ons/applied/list", t.apiKey()).body();

        Api.Response started = api().post("/api/admin/projections/rebuild?processor=add-ons", t.accessToken(), Map.of());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        await().untilAsserted(() -> {
            JsonNode processors = api().get("/api/admin/projections", t.accessToken()).body().get("data");
            JsonNode addOns = null;
            for (JsonNode processor : processors) {
                if (processor.get("name").asText().equals("add-ons")) {
                    addOns = processor;
                }
            }
            assertThat(addOns).isNotNull();
            assertThat(addOns.get("caughtUp").asBoolean()).isTrue();
        });
        assertThat(api().get("/api/add-ons", t.apiKey()).body()).isEqualTo(addOnsBefore);
        assertThat(api().get("/api/add-ons/applied/list", t.apiKey()).body()).isEqualTo(appliedBefore);
        assertThat(addOnsBefore.at("/meta/total").asLong()).isEqualTo(1);
        assertThat(appliedBefore.at("/meta/total").asLong()).isEqualTo(2);
    }

    @Test
    void openApiDocumentsTheEndpointsAndEnums() {
        JsonNode doc = api().get("/api/openapi.json", null).body();
        for (String endpoint : List.of("get /api/add-ons", "post /api/add-ons", "get /api/add-ons/{addOnId}",
                "patch /api/add-ons/{addOnId}", "delete /api/add-ons/{addOnId}", "post /api/add-ons/apply",
                "get /api/add-ons/applied/list", "delete /api/add-ons/applied/{appliedAddOnId}")) {
            String[] parts = endpoint.split(" ");
            JsonNode operation = operation(doc, parts[0], parts[1]);
            assertThat(operation.isMissingNode()).as(endpoint + " is documented").isFalse();
            assertThat(operation.at("/security/0").has("apiKey")).as(endpoint + " takes an API key").isTrue();
        }
        assertThat(operation(doc, "delete", "/api/add-ons/{addOnId}").path("description").asText())
                .contains("pending", "billable");

        JsonNode schemas = doc.at("/components/schemas");
        assertThat(values(schemas.at("/AppliedAddOnView/properties/status/enum")))
                .containsExactly("PENDING", "REMOVED", "INVOICED");
        assertThat(values(schemas.at("/AppliedAddOnView/properties/currency/enum"))).hasSize(17).contains("UGX", "KES");
        assertThat(values(schemas.at("/AddOnPriceView/properties/currency/enum"))).hasSize(17);
        assertThat(values(schemas.at("/AddOnPriceRequest/properties/currency/enum"))).hasSize(17).contains("USD");
        assertThat(values(schemas.at("/ApplyAddOnRequest/properties/currency/enum"))).hasSize(17);
        JsonNode statusParameter = null;
        for (JsonNode parameter : operation(doc, "get", "/api/add-ons/applied/list").path("parameters")) {
            if (parameter.get("name").asText().equals("status")) {
                statusParameter = parameter;
            }
        }
        assertThat(statusParameter).as("status parameter").isNotNull();
        assertThat(values(statusParameter.at("/schema/enum"))).containsExactly("PENDING", "REMOVED", "INVOICED");
        assertThat(schemas.at("/ApplyAddOnRequest/properties/quantity/type").asText()).isEqualTo("integer");
    }

    private List<String> eventTypes(TestTenant t, String aggregateId) {
        Api.Response audit = api().get("/api/audit/events?aggregateId=" + aggregateId + "&limit=100", t.apiKey());
        assertThat(audit.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        audit.body().get("data").forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    private static List<String> values(JsonNode array) {
        assertThat(array.isArray()).as("an enum list").isTrue();
        List<String> names = new ArrayList<>();
        array.forEach(value -> names.add(value.asText()));
        return names;
    }

    private void assertCreateRefused(TestTenant t, Object body, String field) {
        Api.Response r = api().post("/api/add-ons", t.apiKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().get("errors").findValuesAsText("field")).as(r.text()).contains(field);
    }

    private void assertPatchRefused(TestTenant t, String id, Object body, String field) {
        Api.Response r = api().patch("/api/add-ons/" + id, t.apiKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().get("errors").findValuesAsText("field")).as(r.text()).contains(field);
    }

    private void assertApplyRefused(TestTenant t, Object body, String field) {
        Api.Response r = api().post("/api/add-ons/apply", t.apiKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().get("errors").findValuesAsText("field")).as(r.text()).contains(field);
    }

    private static List<Map<String, Object>> usd(int amount) {
        return List.of(Map.of("currency", "USD", "amount", amount));
    }

    private static Map<String, Object> addOn(List<Map<String, Object>> prices) {
        return Map.of("name", "Setup", "code", "setup", "prices", prices);
    }
}
