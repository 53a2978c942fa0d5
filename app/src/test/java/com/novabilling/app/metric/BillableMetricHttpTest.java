package com.novabilling.app.metric;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.novabilling.app.support.OpenApiDocument.enumOf;
import static com.novabilling.app.support.OpenApiDocument.operation;
import static org.assertj.core.api.Assertions.assertThat;

class BillableMetricHttpTest extends IntegrationTest {

    static final String SEED_CREATE_BILLABLE_METRIC = """
            {
                "name": "API Calls",
                "code": "api_calls",
                "aggregationType": "COUNT",
                "recurring": false,
                "filters": [
                  { "key": "region", "values": ["us-east", "us-west", "eu"] }
                ]
              }""";

    @Test
    void seedCreateBillableMetricExampleWorksAndReadsBack() {
        TestTenant t = sharedTenant();
        Api.Response created = api().post("/api/billable-metrics", t.apiKey(), SEED_CREATE_BILLABLE_METRIC);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode metric = created.body();
        assertThat(metric.get("id").asText()).matches("bm_[0-9a-f]{24}");
        assertThat(metric.get("name").asText()).isEqualTo("API Calls");
        assertThat(metric.get("code").asText()).isEqualTo("api_calls");
        assertThat(metric.get("aggregationType").asText()).isEqualTo("COUNT");
        assertThat(metric.get("recurring").asBoolean()).isFalse();
        assertThat(metric.get("fieldName").isNull()).isTrue();
        assertThat(metric.get("rounding").isNull()).isTrue();
        assertThat(metric.get("filters")).hasSize(1);
        assertThat(metric.at("/filters/0/key").asText()).isEqualTo("region");
        assertThat(metric.at("/filters/0/values").toString()).isEqualTo("[\"us-east\",\"us-west\",\"eu\"]");
        assertThat(metric.get("createdAt").isTextual()).isTrue();

        Api.Response read = api().get("/api/billable-metrics/" + metric.get("id").asText(), t.apiKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(metric);
    }

    @Test
    void aggregationTypeInAnyLetterCaseAnswersCanonicalWithFieldRecurringAndRounding() {
        TestTenant t = sharedTenant();
        Api.Response created = api().post("/api/billable-metrics", t.apiKey(), Map.of("name", "Storage",
                "code", uniqueCode("storage_gb"), "description", "GB stored", "aggregationType", "sum", "fieldName", "gb",
                "recurring", true, "rounding", Map.of("mode", "ceil", "digits", 2)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("aggregationType").asText()).isEqualTo("SUM");
        assertThat(created.body().get("fieldName").asText()).isEqualTo("gb");
        assertThat(created.body().get("recurring").asBoolean()).isTrue();
        assertThat(created.body().at("/rounding/mode").asText()).isEqualTo("CEIL");
        assertThat(created.body().at("/rounding/digits").asInt()).isEqualTo(2);
        assertThat(created.body().get("filters")).isEmpty();

        Api.Response weighted = api().post("/api/billable-metrics", t.apiKey(), Map.of("name", "Seats",
                "code", uniqueCode("seats"), "aggregationType", "Weighted_Sum", "fieldName", "seats"));
        assertThat(weighted.status()).as(weighted.text()).isEqualTo(201);
        assertThat(weighted.body().get("aggregationType").asText()).isEqualTo("WEIGHTED_SUM");
    }

    @Test
    void invalidInputIsRefusedNamingTheField() {
        TestTenant t = registerTenant();
        // one case per way a 400 is made; the constraints field by field: BillableMetricRequestValidationTest (a
        // request's own) and the rating engine's MetricValidatorTest and ChargeDefinitionsTest (the definition)
        assertBadRequest(t, Map.of("name", "Calls", "code", "calls", "aggregationType", "COUNT", "recurring", true),
                "recurring");
        assertBadRequest(t, Map.of("code", "storage", "aggregationType", "COUNT"), "name");
        assertBadRequest(t, Map.of("name", "Storage", "code", "storage", "aggregationType", "AVERAGE",
                "fieldName", "gb"), "aggregationType");
        assertBadRequest(t, Map.of("name", "Calls", "code", "calls", "aggregationType", "COUNT",
                "rounding", Map.of("mode", "HALF_EVEN")), "rounding.mode");
        assertThat(api().get("/api/billable-metrics", t.apiKey()).total()).isZero();

        String id = catalog(t).metric("Storage", "storage", "SUM", "gb");
        Api.Response patch = api().patch("/api/billable-metrics/" + id, t.apiKey(), Map.of("aggregationType", "COUNT",
                "recurring", true));
        assertThat(patch.status()).as(patch.text()).isEqualTo(400);
        assertThat(patch.body().at("/errors/0/field").asText()).isEqualTo("recurring");
    }

    @Test
    void listPagesSearchesAndFiltersByType() {
        TestTenant t = registerTenant();
        catalog(t).metric("API Calls", "api_calls", "COUNT", null);
        catalog(t).metric("Storage", "storage_gb", "SUM", "gb");
        catalog(t).metric("Active users", "active_users", "UNIQUE_COUNT", "user_id");

        Api.Response page = api().get("/api/billable-metrics?page=1&limit=2", t.apiKey());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.body().at("/meta/totalPages").asInt()).isEqualTo(2);
        assertThat(page.body().get("data")).hasSize(2);
        assertThat(page.body().at("/data/0/code").asText()).as("newest first").isEqualTo("active_users");

        Api.Response search = api().get("/api/billable-metrics?search=STORAGE", t.apiKey());
        assertThat(search.body().get("data")).hasSize(1);
        assertThat(search.body().at("/data/0/code").asText()).isEqualTo("storage_gb");
        Api.Response byCode = api().get("/api/billable-metrics?search=api_", t.apiKey());
        assertThat(byCode.body().at("/data/0/code").asText()).isEqualTo("api_calls");

        Api.Response byType = api().get("/api/billable-metrics?aggregationType=unique_count", t.apiKey());
        assertThat(byType.total()).isEqualTo(1);
        assertThat(byType.body().at("/data/0/aggregationType").asText()).isEqualTo("UNIQUE_COUNT");

        Api.Response badType = api().get("/api/billable-metrics?aggregationType=AVG", t.apiKey());
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body().at("/errors/0/field").asText()).isEqualTo("aggregationType");
        Api.Response badLimit = api().get("/api/billable-metrics?limit=1000", t.apiKey());
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.body().at("/errors/0/field").asText()).isEqualTo("limit");
    }

    @Test
    void updatesAndDeletes() {
        TestTenant t = sharedTenant();
        String code = uniqueCode("storage");
        String id = catalog(t).metric("Storage", code, "SUM", "gb");
        Api.Response updated = api().patch("/api/billable-metrics/" + id, t.apiKey(), Map.of("name", "Disk",
                "description", "GB on disk", "aggregationType", "max", "recurring", false,
                "filters", List.of(Map.of("key", "tier", "values", List.of("ssd", "hdd"))),
                "rounding", Map.of("mode", "FLOOR")));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().get("name").asText()).isEqualTo("Disk");
        assertThat(updated.body().get("description").asText()).isEqualTo("GB on disk");
        assertThat(updated.body().get("aggregationType").asText()).isEqualTo("MAX");
        assertThat(updated.body().get("fieldName").asText()).isEqualTo("gb");
        assertThat(updated.body().at("/filters/0/values/1").asText()).isEqualTo("hdd");
        assertThat(updated.body().at("/rounding/digits").asInt()).isZero();
        assertThat(api().get("/api/billable-metrics/" + id, t.apiKey()).body()).isEqualTo(updated.body());
        assertThat(api().patch("/api/billable-metrics/" + id, t.apiKey(), null).body()).isEqualTo(updated.body());

        Api.Response deleted = api().delete("/api/billable-metrics/" + id, t.apiKey());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("id").asText()).isEqualTo(id);
        assertThat(deleted.body().get("deleted").asBoolean()).isTrue();
        assertThat(api().get("/api/billable-metrics/" + id, t.apiKey()).status()).isEqualTo(404);
        assertThat(api().patch("/api/billable-metrics/" + id, t.apiKey(), Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(api().delete("/api/billable-metrics/" + id, t.apiKey()).status()).isEqualTo(404);
        assertThat(catalog(t).metric("Storage again", code, "SUM", "gb")).as("a deleted metric's code is free").startsWith("bm_");
    }

    @Test
    void duplicateCodesConflictOnCreateAndUpdate() {
        TestTenant t = sharedTenant();
        String code = uniqueCode("calls");
        catalog(t).metric("API Calls", code, "COUNT", null);
        Api.Response duplicate = api().post("/api/billable-metrics", t.apiKey(), Map.of("name", "Again", "code", code,
                "aggregationType", "COUNT"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().at("/errors/0/field").asText()).isEqualTo("code");
        assertThat(duplicate.body().get("message").asText()).isEqualTo("A billable metric with code '" + code + "' already exists");

        String other = catalog(t).metric("Storage", uniqueCode("storage"), "SUM", "gb");
        Api.Response patch = api().patch("/api/billable-metrics/" + other, t.apiKey(), Map.of("code", code));
        assertThat(patch.status()).isEqualTo(409);

        assertThat(catalog(strangerTenant()).metric("API Calls", code, "COUNT", null)).as("codes are unique per tenant")
                .startsWith("bm_");
    }

    @Test
    void anotherTenantsMetricIsIndistinguishableFromAMissingOne() {
        TestTenant owner = sharedTenant();
        TestTenant stranger = strangerTenant();
        String id = catalog(owner).metric("API Calls", uniqueCode("calls"), "COUNT", null);
        String missing = "bm_000000000000000000000000";

        for (String metricId : List.of(id, missing)) {
            Api.Response get = api().get("/api/billable-metrics/" + metricId, stranger.apiKey());
            assertThat(get.status()).isEqualTo(404);
            assertThat(get.body().get("message").asText()).isEqualTo("Billable metric with id '" + metricId + "' not found");
            assertThat(api().patch("/api/billable-metrics/" + metricId, stranger.apiKey(), Map.of("name", "x")).status())
                    .isEqualTo(404);
            assertThat(api().delete("/api/billable-metrics/" + metricId, stranger.apiKey()).status()).isEqualTo(404);
        }
        assertThat(api().get("/api/billable-metrics/pln_000000000000000000000000", stranger.apiKey()).status()).isEqualTo(404);
        Api.Response strangersList = api().get("/api/billable-metrics?limit=100", stranger.apiKey());
        assertThat(strangersList.status()).isEqualTo(200);
        assertThat(strangersList.body().findValuesAsText("id")).doesNotContain(id);
        assertThat(api().get("/api/billable-metrics/" + id, owner.apiKey()).body().get("name").asText()).isEqualTo("API Calls");
    }

    @Test
    void everyChangeIsAnAuditedEvent() {
        TestTenant t = sharedTenant();
        String id = catalog(t).metric("API Calls", uniqueCode("calls"), "COUNT", null);
        api().patch("/api/billable-metrics/" + id, t.apiKey(), Map.of("name", "Requests"));
        api().delete("/api/billable-metrics/" + id, t.apiKey());

        Api.Response audit = api().get("/api/audit/events?aggregateId=" + id + "&limit=100", t.apiKey());
        assertThat(audit.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        audit.body().get("data").forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactlyInAnyOrder("BillableMetricCreatedEvent", "BillableMetricUpdatedEvent",
                "BillableMetricDeletedEvent");
    }

    @Test
    void openApiDocumentsTheEndpointsAndTheAggregationTypes() {
        JsonNode doc = api().get("/api/openapi.json", null).body();
        assertThat(operation(doc, "get", "/api/billable-metrics").isMissingNode()).isFalse();
        assertThat(operation(doc, "post", "/api/billable-metrics").isMissingNode()).isFalse();
        assertThat(operation(doc, "get", "/api/billable-metrics/{billableMetricId}").isMissingNode()).isFalse();
        assertThat(operation(doc, "patch", "/api/billable-metrics/{billableMetricId}").isMissingNode()).isFalse();
        assertThat(operation(doc, "delete", "/api/billable-metrics/{billableMetricId}").isMissingNode()).isFalse();
        List<String> types = new ArrayList<>();
        doc.at("/components/schemas/CreateBillableMetricRequest/properties/aggregationType/enum")
                .forEach(value -> types.add(value.asText()));
        assertThat(types).containsExactly("COUNT", "SUM", "MAX", "UNIQUE_COUNT", "LATEST", "WEIGHTED_SUM");
        assertThat(enumOf(doc, "BillableMetricRounding", "mode")).containsExactly("ROUND", "CEIL", "FLOOR");
        assertThat(doc.at("/components/schemas/BillableMetricView/properties/aggregationType/enum").size()).isEqualTo(6);
    }

    private void assertBadRequest(TestTenant t, Object body, String field) {
        Api.Response r = api().post("/api/billable-metrics", t.apiKey(), body);
        assertThat(r.badRequestFields()).as(r.text()).contains(field);
    }
}
