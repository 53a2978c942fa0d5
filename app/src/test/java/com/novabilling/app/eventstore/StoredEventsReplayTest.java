package com.novabilling.app.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novabilling.app.admin.ProjectionRebuildService;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.app.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored events are forever (docs/new-feature-checklist.md §1): an event store written by the catalog's code — every
 * event type of customers, plans, metrics, charges, coupons and add-ons, as stored on 2026-11-30 — is copied into a
 * new tenant's database; its projections, rebuilt from it, answer exactly what they answered then, and its
 * aggregates load and take new commands. A change to an event's shape that breaks old events fails here; such a
 * change needs an upcaster or a new event type. Fields added to an answer since the fixture was written are expected
 * at the value an old event gives them ({@link #FIELDS_ADDED_SINCE}). The fixture is written by
 * {@link #writeFixture()}, run on purpose with {@code -Dnovabilling.write-event-fixture=true}.
 */
class StoredEventsReplayTest extends IntegrationTest {

    private static final String FIXTURE = "event-stores/catalog-2026-11-30.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Per resource path, the fields its answers gained after 2026-11-30 and what events stored before them read as:
     * the billing terms of issue 12 (a plan bills in advance and sets no terms; a customer sets none).
     */
    private static final Map<String, Map<String, Object>> FIELDS_ADDED_SINCE = Map.of(
            "/api/plans", nulls(Map.of("billingTiming", "IN_ADVANCE"), "netPaymentTerms", "invoiceGracePeriodDays"),
            "/api/customers", nulls(Map.of(), "netPaymentTerms", "taxRate", "taxName"));

    @Autowired
    private ProjectionRebuildService rebuilds;

    @Test
    void theCatalogsStoredEventsRebuildTheSameReadModelsAndLoadTheirAggregates() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            fixture = JSON.readTree(in);
        }
        TestTenant t = registerTenant();
        // the runtime starts on the tenant's first request: start it on the empty store, as before events existed,
        // so the processors begin caught up and the rebuild below is what replays the copied events
        assertThat(api().get("/api/customers", t.apiKey()).status()).isEqualTo(200);
        int copied = copyEvents(fixture.get("events"), tenantDatabase(t.id()));
        assertThat(copied).isEqualTo(fixture.get("events").size());

        TenantContext.runAs(t.id(), () -> rebuilds.rebuildAndWait(Duration.ofSeconds(60)));

        Iterator<Map.Entry<String, JsonNode>> reads = fixture.get("reads").fields();
        while (reads.hasNext()) {
            Map.Entry<String, JsonNode> read = reads.next();
            Api.Response now = api().get(read.getKey(), t.apiKey());
            assertThat(now.status()).as(read.getKey() + ": " + now.text()).isEqualTo(200);
            assertThat(now.body()).as(read.getKey()).isEqualTo(withFieldsAddedSince(read.getKey(), read.getValue()));
        }

        JsonNode ids = fixture.get("ids");
        for (String path : List.of("/api/customers/" + ids.get("customerId").asText(),
                "/api/plans/" + ids.get("planId").asText(),
                "/api/billable-metrics/" + ids.get("billableMetricId").asText(),
                "/api/coupons/" + ids.get("couponId").asText(),
                "/api/add-ons/" + ids.get("addOnId").asText())) {
            Api.Response renamed = api().patch(path, t.apiKey(), Map.of("name", "Renamed after replay"));
            assertThat(renamed.status()).as(path + ": " + renamed.text()).isEqualTo(200);
            assertThat(renamed.body().get("name").asText()).isEqualTo("Renamed after replay");
        }
        Api.Response charge = api().patch("/api/charges/" + ids.get("chargeId").asText(), t.apiKey(),
                Map.of("billingTiming", "IN_ARREARS"));
        assertThat(charge.status()).as(charge.text()).isEqualTo(200);
        Api.Response planTerms = api().patch("/api/plans/" + ids.get("planId").asText(), t.apiKey(),
                Map.of("netPaymentTerms", 30));
        assertThat(planTerms.status()).as(planTerms.text()).isEqualTo(200);
        assertThat(planTerms.body().get("billingTiming").asText()).isEqualTo("IN_ADVANCE");
        assertThat(planTerms.body().get("netPaymentTerms").asInt()).isEqualTo(30);
        Api.Response customerTerms = api().patch("/api/customers/" + ids.get("customerId").asText(), t.apiKey(),
                Map.of("taxRate", 0));
        assertThat(customerTerms.status()).as(customerTerms.text()).isEqualTo(200);
        assertThat(customerTerms.body().get("taxRate").toString()).isEqualTo("0");
    }

    /** The answer stored in the fixture with the fields added since, on the resource or on each item of a page. */
    private static JsonNode withFieldsAddedSince(String path, JsonNode stored) {
        JsonNode expected = stored.deepCopy();
        FIELDS_ADDED_SINCE.forEach((resource, added) -> {
            if (path.startsWith(resource + "/") || path.startsWith(resource + "?")) {
                List<JsonNode> answers = new ArrayList<>();
                if (expected.has("data")) {
                    expected.get("data").forEach(answers::add);
                } else {
                    answers.add(expected);
                }
                answers.forEach(answer -> added.forEach((field, value) ->
                        ((ObjectNode) answer).set(field, JSON.valueToTree(value))));
            }
        });
        return expected;
    }

    private static Map<String, Object> nulls(Map<String, Object> values, String... nullFields) {
        Map<String, Object> fields = new LinkedHashMap<>(values);
        for (String field : nullFields) {
            fields.put(field, null);
        }
        return fields;
    }

    private int copyEvents(JsonNode events, String database) throws SQLException {
        try (Connection c = connect(database);
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO domain_event_entry (event_identifier, type, aggregate_identifier, sequence_number,
                         time_stamp, payload_type, payload_revision, payload, meta_data)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                     """)) {
            for (JsonNode event : events) {
                insert.setString(1, event.get("eventIdentifier").asText());
                insert.setString(2, event.get("type").asText());
                insert.setString(3, event.get("aggregateIdentifier").asText());
                insert.setLong(4, event.get("sequenceNumber").asLong());
                insert.setString(5, event.get("timeStamp").asText());
                insert.setString(6, event.get("payloadType").asText());
                insert.setString(7, event.get("payloadRevision").isNull() ? null : event.get("payloadRevision").asText());
                insert.setBytes(8, event.get("payload").asText().getBytes(StandardCharsets.UTF_8));
                insert.setBytes(9, event.get("metaData").isNull() ? null
                        : event.get("metaData").asText().getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
            }
            return insert.executeBatch().length;
        }
    }

    /** Writes the fixture from today's code: every kind of catalog change, then the store and the reads. */
    @Test
    @EnabledIfSystemProperty(named = "novabilling.write-event-fixture", matches = "true")
    void writeFixture() throws Exception {
        TestTenant t = registerTenant();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("customerId", catalog(t).created("/api/customers", Map.of("name", "Amina Okafor", "email", "amina@example.com",
                "currency", "NGN", "country", "NG", "externalId", "ext-1", "metadata", Map.of("tier", "gold"))));
        ok(api().patch("/api/customers/" + ids.get("customerId"), t.apiKey(), Map.of("name", "Amina O. Okafor")));
        String gone = catalog(t).created("/api/customers", Map.of("name", "Gone", "email", "gone@example.com", "currency", "KES"));
        ok(api().delete("/api/customers/" + gone, t.apiKey()));

        Api.Response plan = api().post("/api/plans", t.apiKey(), Map.of("name", "Growth", "code", "growth",
                "billingInterval", "MONTHLY", "trialDays", 14,
                "prices", List.of(Map.of("currency", "NGN", "amount", 15000), Map.of("currency", "KES", "amount", 1500))));
        assertThat(plan.status()).as(plan.text()).isEqualTo(201);
        ids.put("planId", plan.body().get("id").asText());
        String kesPrice = plan.body().at("/prices/1/id").asText();
        ok(api().patch("/api/plans/" + ids.get("planId"), t.apiKey(), Map.of("description", "For growing teams")));
        ok(api().post("/api/plans/" + ids.get("planId") + "/prices", t.apiKey(), Map.of("currency", "UGX", "amount", 50000)));
        ok(api().patch("/api/plans/" + ids.get("planId") + "/prices/" + kesPrice, t.apiKey(), Map.of("amount", 1600)));
        String naira = plan.body().at("/prices/0/id").asText();
        ok(api().delete("/api/plans/" + ids.get("planId") + "/prices/" + naira, t.apiKey()));
        String oldPlan = catalog(t).created("/api/plans", Map.of("name", "Old", "code", "old", "billingInterval", "YEARLY",
                "prices", List.of(Map.of("currency", "USD", "amount", 100))));
        ok(api().delete("/api/plans/" + oldPlan, t.apiKey()));

        ids.put("billableMetricId", catalog(t).created("/api/billable-metrics", Map.of("name", "API calls", "code", "api_calls",
                "aggregationType", "SUM", "fieldName", "calls",
                "filters", List.of(Map.of("key", "region", "values", List.of("eu", "us"))))));
        ok(api().patch("/api/billable-metrics/" + ids.get("billableMetricId"), t.apiKey(), Map.of("description", "Calls")));
        ids.put("chargeId", catalog(t).created("/api/charges", Map.of("planId", ids.get("planId"),
                "billableMetricId", ids.get("billableMetricId"), "chargeModel", "GRADUATED",
                "graduatedRanges", List.of(
                        Map.of("fromValue", 0, "toValue", 100, "perUnitAmount", 0, "flatAmount", 0),
                        Map.of("fromValue", 101, "perUnitAmount", 2, "flatAmount", 10)))));
        ok(api().patch("/api/charges/" + ids.get("chargeId"), t.apiKey(), Map.of("billingTiming", "IN_ADVANCE")));
        ids.put("couponId", catalog(t).created("/api/coupons", Map.of("name", "Launch", "code", "LAUNCH10",
                "discountType", "PERCENTAGE", "discountValue", 10)));
        ok(api().patch("/api/coupons/" + ids.get("couponId"), t.apiKey(), Map.of("name", "Launch offer")));
        ids.put("appliedCouponId", catalog(t).created("/api/coupons/apply", Map.of("couponId", ids.get("couponId"),
                "customerId", ids.get("customerId"))));
        ok(api().delete("/api/coupons/applied/" + ids.get("appliedCouponId"), t.apiKey()));
        ids.put("addOnId", catalog(t).created("/api/add-ons", Map.of("name", "Setup", "code", "setup",
                "prices", List.of(Map.of("currency", "NGN", "amount", 5000)))));
        ok(api().patch("/api/add-ons/" + ids.get("addOnId"), t.apiKey(), Map.of("description", "One-off setup")));
        ids.put("appliedAddOnId", catalog(t).created("/api/add-ons/apply", Map.of("addOnId", ids.get("addOnId"),
                "customerId", ids.get("customerId"))));
        String removedAddOn = catalog(t).created("/api/add-ons/apply", Map.of("addOnId", ids.get("addOnId"),
                "customerId", ids.get("customerId")));
        ok(api().delete("/api/add-ons/applied/" + removedAddOn, t.apiKey()));

        String storage = catalog(t).created("/api/billable-metrics", Map.of("name", "Storage", "code", "storage",
                "aggregationType", "MAX", "fieldName", "gb"));
        String storageCharge = catalog(t).created("/api/charges", Map.of("planId", ids.get("planId"), "billableMetricId", storage,
                "chargeModel", "STANDARD", "properties", Map.of("amount", 0.5)));
        ok(api().delete("/api/charges/" + storageCharge, t.apiKey()));
        ok(api().delete("/api/billable-metrics/" + storage, t.apiKey()));
        ok(api().delete("/api/coupons/" + catalog(t).created("/api/coupons", Map.of("name", "Old", "code", "OLD5",
                "discountType", "FIXED_AMOUNT", "discountValue", 5, "currency", "NGN")), t.apiKey()));
        ok(api().delete("/api/add-ons/" + catalog(t).created("/api/add-ons", Map.of("name", "Old", "code", "old",
                "prices", List.of(Map.of("currency", "KES", "amount", 300)))), t.apiKey()));

        ObjectNode fixture = JSON.createObjectNode();
        fixture.put("writtenBy", "StoredEventsReplayTest.writeFixture");
        fixture.set("ids", JSON.valueToTree(ids));
        ObjectNode reads = fixture.putObject("reads");
        for (String path : List.of("/api/customers/" + ids.get("customerId"), "/api/plans/" + ids.get("planId"),
                "/api/billable-metrics/" + ids.get("billableMetricId"), "/api/charges/" + ids.get("chargeId"),
                "/api/coupons/" + ids.get("couponId"), "/api/add-ons/" + ids.get("addOnId"),
                "/api/customers?limit=100", "/api/plans?limit=100", "/api/coupons?limit=100", "/api/add-ons?limit=100")) {
            Api.Response read = api().get(path, t.apiKey());
            assertThat(read.status()).as(path + ": " + read.text()).isEqualTo(200);
            reads.set(path, read.body());
        }
        ArrayNode events = fixture.putArray("events");
        try (Connection c = connect(tenantDatabase(t.id()));
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT event_identifier, type, aggregate_identifier, sequence_number, time_stamp, payload_type,
                            payload_revision, payload, meta_data
                     FROM domain_event_entry ORDER BY global_index
                     """)) {
            while (rs.next()) {
                ObjectNode event = events.addObject();
                event.put("eventIdentifier", rs.getString(1));
                event.put("type", rs.getString(2));
                event.put("aggregateIdentifier", rs.getString(3));
                event.put("sequenceNumber", rs.getLong(4));
                event.put("timeStamp", rs.getString(5));
                event.put("payloadType", rs.getString(6));
                event.put("payloadRevision", rs.getString(7));
                event.put("payload", new String(rs.getBytes(8), StandardCharsets.UTF_8));
                byte[] metaData = rs.getBytes(9);
                event.put("metaData", metaData == null ? null : new String(metaData, StandardCharsets.UTF_8));
            }
        }
        Path file = Path.of("src/test/resources", FIXTURE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fixture) + "\n");
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.text()).isBetween(200, 204);
    }
}
