package com.novabilling.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AuditAndRebuildHttpTest extends IntegrationTest {

    @Test
    void auditListsTheTenantsEventsWithWhoAndWhy() {
        TestTenant t = registerTenant();
        String id = catalog(t).customer("Audit", "audit-" + UUID.randomUUID() + "@example.com");
        api().patch("/api/customers/" + id, t.apiKey(), Map.of("name", "Audited"));

        Api.Response events = api().get("/api/audit/events?aggregateId=" + id, t.apiKey());
        assertThat(events.status()).as(events.text()).isEqualTo(200);
        assertThat(events.total()).isEqualTo(2);
        JsonNode newest = events.body().at("/data/0");
        assertThat(newest.get("type").asText()).isEqualTo("CustomerUpdatedEvent");
        assertThat(newest.get("sequence").asLong()).isEqualTo(1);
        assertThat(newest.at("/actor/type").asText()).isEqualTo("api_key");
        assertThat(newest.at("/actor/id").asText()).startsWith("key_");
        assertThat(newest.get("requestId").asText()).startsWith("req_");
        assertThat(newest.at("/payload/name").asText()).isEqualTo("Audited");
        assertThat(newest.at("/metadata/tenantId").asText()).isEqualTo(t.id());

        Api.Response byType = api().get("/api/audit/events?type=CustomerCreatedEvent", t.apiKey());
        assertThat(byType.total()).isEqualTo(1);
        assertThat(api().get("/api/audit/events?from=yesterday", t.apiKey()).status()).isEqualTo(400);

        TestTenant other = registerTenant();
        assertThat(api().get("/api/audit/events?aggregateId=" + id, other.apiKey()).total()).isZero();
    }

    @Test
    void aggregateStateAsOfAnInstant() throws Exception {
        TestTenant t = registerTenant();
        String id = catalog(t).customer("Before", "asof-" + UUID.randomUUID() + "@example.com");
        clock.advance(Duration.ofSeconds(1));
        Instant between = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        api().patch("/api/customers/" + id, t.apiKey(), Map.of("name", "After"));

        Api.Response then = api().get("/api/audit/aggregates/" + id + "?asOf=" + between, t.apiKey());
        assertThat(then.status()).as(then.text()).isEqualTo(200);
        assertThat(then.body().at("/state/name").asText()).isEqualTo("Before");
        assertThat(then.body().get("version").asLong()).isZero();
        Api.Response now = api().get("/api/audit/aggregates/" + id, t.apiKey());
        assertThat(now.body().at("/state/name").asText()).isEqualTo("After");

        TestTenant other = registerTenant();
        Api.Response foreign = api().get("/api/audit/aggregates/" + id, other.apiKey());
        Api.Response missing = api().get("/api/audit/aggregates/cus_doesnotexist", other.apiKey());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.body().get("message").asText().replace(id, "x"))
                .isEqualTo(missing.body().get("message").asText().replace("cus_doesnotexist", "x"));
    }

    @Test
    void rebuildReplaysTheProjectionsToTheSameReadModel() {
        TestTenant t = registerTenant();
        for (int i = 0; i < 5; i++) {
            catalog(t).customer("Rebuild " + i, "rebuild-" + i + "-" + UUID.randomUUID() + "@example.com");
        }
        String deleted = catalog(t).customer("Gone", "gone-" + UUID.randomUUID() + "@example.com");
        api().delete("/api/customers/" + deleted, t.apiKey());
        JsonNode before = api().get("/api/customers?limit=100&sortBy=name&sortOrder=asc", t.apiKey()).body();

        Api.Response started = api().post("/api/admin/projections/rebuild", t.accessToken(), Map.of());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        await().untilAsserted(() -> {
            Api.Response status = api().get("/api/admin/projections", t.accessToken());
            assertThat(status.status()).isEqualTo(200);
            JsonNode customers = null;
            for (JsonNode p : status.body().get("data")) {
                if (p.get("name").asText().equals("customers")) {
                    customers = p;
                }
            }
            assertThat(customers).isNotNull();
            assertThat(customers.get("caughtUp").asBoolean()).isTrue();
            assertThat(customers.get("progress").asDouble()).isEqualTo(1.0);
        });
        JsonNode after = api().get("/api/customers?limit=100&sortBy=name&sortOrder=asc", t.apiKey()).body();
        assertThat(after).isEqualTo(before);
        assertThat(after.at("/meta/total").asLong()).isEqualTo(5);

        assertThat(api().post("/api/admin/projections/rebuild?processor=nope", t.accessToken(), Map.of()).status()).isEqualTo(404);
        assertThat(api().get("/api/admin/projections", t.apiKey()).status()).as("admin takes a JWT").isEqualTo(401);
    }
}
