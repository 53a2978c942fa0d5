package com.novabilling.app.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.ChargeDefinitions;
import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.RatingEngine;
import com.novabilling.rating.RatingResult;
import com.novabilling.rating.UsageEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage events over HTTP (issue 11 items 7-10, 12).
 */
class UsageEventHttpTest extends IntegrationTest {

    /** A customer, a monthly USD 10 plan, a SUM metric (field gb) priced 0.50 per unit, a COUNT metric 0.01 each. */
    private record Fixture(TestTenant tenant, String customerId, String planId, String sumCode, String sumMetricId,
                           String countCode) {
    }

    private Fixture fixture() {
        TestTenant t = sharedTenant();
        String customerId = created(t, "/api/customers", Map.of("name", "Usage Co", "email", uniqueCode("usage") + "@example.com",
                "currency", "USD"));
        String planId = created(t, "/api/plans", Map.of("name", "Metered", "code", uniqueCode("metered"),
                "billingInterval", "MONTHLY", "prices", List.of(Map.of("currency", "USD", "amount", 10))));
        String sumCode = uniqueCode("storage");
        String sumMetricId = created(t, "/api/billable-metrics", Map.of("name", "Storage", "code", sumCode,
                "aggregationType", "SUM", "fieldName", "gb"));
        String countCode = uniqueCode("calls");
        String countMetricId = created(t, "/api/billable-metrics", Map.of("name", "Calls", "code", countCode,
                "aggregationType", "COUNT"));
        created(t, "/api/charges", Map.of("planId", planId, "billableMetricId", sumMetricId, "currency", "USD",
                "chargeModel", "STANDARD", "properties", Map.of("amount", 0.5)));
        created(t, "/api/charges", Map.of("planId", planId, "billableMetricId", countMetricId, "currency", "USD",
                "chargeModel", "STANDARD", "properties", Map.of("amount", 0.01)));
        return new Fixture(t, customerId, planId, sumCode, sumMetricId, countCode);
    }

    private String subscribe(Fixture f) {
        return subscribe(f, clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600));
    }

    /** A subscription to the fixture's plan from {@code startDate}; a backdated start closes the periods already over. */
    private String subscribe(Fixture f, Instant startDate) {
        return created(f.tenant(), "/api/subscriptions", Map.of("customerId", f.customerId(), "planId", f.planId(),
                "startDate", startDate.toString()));
    }

    private void post(Fixture f, String path) {
        Api.Response answer = api().post(path, f.tenant().apiKey(), Map.of());
        assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
    }

    private static Map<String, Object> event(String transactionId, String subscriptionId, String code, Instant timestamp,
                                             Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", transactionId);
        body.put("subscriptionId", subscriptionId);
        body.put("code", code);
        if (timestamp != null) {
            body.put("timestamp", timestamp.toString());
        }
        body.put("properties", properties);
        return body;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private long rows(TestTenant t, String transactionId) {
        return count(tenantDatabase(t.id()), "SELECT count(*) FROM usage_event WHERE transaction_id = '"
                + transactionId + "'");
    }

    @Test
    void seedIngestEventIsStoredAnsweredAndReadBack() {
        Fixture f = fixture();
        String sub = subscribe(f);
        String tx = uniqueCode("txn");
        Instant at = now().minusSeconds(60);

        Api.Response r = api().post("/api/events", f.tenant().apiKey(),
                event(tx, sub, f.sumCode(), at, Map.of("gb", 2.5, "region", "eu")));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode body = r.body();
        assertThat(body.get("id").asText()).startsWith("evt_").hasSize(28);
        assertThat(body.get("transactionId").asText()).isEqualTo(tx);
        assertThat(body.get("subscriptionId").asText()).isEqualTo(sub);
        assertThat(body.get("code").asText()).isEqualTo(f.sumCode());
        assertThat(Instant.parse(body.get("timestamp").asText())).isEqualTo(at);
        assertThat(body.at("/properties/gb").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(body.at("/properties/region").asText()).isEqualTo("eu");
        assertThat(body.get("late").asBoolean()).isFalse();
        assertThat(body.hasNonNull("createdAt")).isTrue();

        Api.Response read = api().get("/api/events/" + body.get("id").asText(), f.tenant().apiKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(body);
        assertThat(api().get("/api/events/evt_000000000000000000000000", f.tenant().apiKey()).status()).isEqualTo(404);
        assertThat(api().get("/api/events/not-an-id", f.tenant().apiKey()).status()).isEqualTo(404);

        Api.Response list = api().get("/api/events/subscription/" + sub + "?code=" + f.sumCode() + "&limit=10",
                f.tenant().apiKey());
        assertThat(list.total()).isEqualTo(1);
        assertThat(list.body().at("/data/0/id")).isEqualTo(body.get("id"));
        assertThat(api().get("/api/events/subscription/" + sub + "?from=" + at.plusSeconds(1), f.tenant().apiKey())
                .total()).isZero();
        assertThat(api().get("/api/events/subscription/" + sub + "?from=yesterday", f.tenant().apiKey())
                .badRequestFields()).containsExactly("from");
        assertThat(api().get("/api/events/subscription/" + sub + "?limit=1000", f.tenant().apiKey())
                .badRequestFields()).containsExactly("limit");
        assertThat(api().get("/api/events/subscription/sub_000000000000000000000000", f.tenant().apiKey()).status())
                .isEqualTo(404);

        Api.Response noTimestamp = api().post("/api/events", f.tenant().apiKey(),
                event(uniqueCode("txn"), sub, f.countCode(), null, Map.of()));
        assertThat(noTimestamp.status()).as(noTimestamp.text()).isEqualTo(201);
        assertThat(Duration.between(Instant.parse(noTimestamp.body().get("timestamp").asText()), clock.instant()))
                .as("the timestamp defaults to receipt").isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void theSameTransactionIdIsCountedOnceAndAnotherPayloadIsAConflict() throws Exception {
        Fixture f = fixture();
        String sub = subscribe(f);
        String tx = uniqueCode("txn");
        Map<String, Object> sent = event(tx, sub, f.sumCode(), now(), Map.of("gb", 1));

        Api.Response first = api().post("/api/events", f.tenant().apiKey(), sent);
        Api.Response again = api().post("/api/events", f.tenant().apiKey(), sent);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());

        Api.Response other = api().post("/api/events", f.tenant().apiKey(),
                event(tx, sub, f.sumCode(), now(), Map.of("gb", 2)));
        assertThat(other.status()).as(other.text()).isEqualTo(409);
        assertThat(other.text()).contains("transactionId");
        assertThat(rows(f.tenant(), tx)).isEqualTo(1);

        String raced = uniqueCode("txn");
        Map<String, Object> racing = event(raced, sub, f.sumCode(), now(), Map.of("gb", 3));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Api.Response>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(() -> api().post("/api/events", f.tenant().apiKey(), racing));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Api.Response> response : threads.invokeAll(sends)) {
                statuses.add(response.get().status());
                ids.add(response.get().body().path("id").asText());
            }
            assertThat(statuses).as("one stores, seven get the original").containsOnly(201, 200)
                    .filteredOn(status -> status == 201).hasSize(1);
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(rows(f.tenant(), raced)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBatchStoresItsValidEventsAndNamesEachBadOne() {
        Fixture f = fixture();
        String sub = subscribe(f);
        String stored = uniqueCode("txn");
        assertThat(api().post("/api/events", f.tenant().apiKey(),
                event(stored, sub, f.countCode(), now(), Map.of())).status()).isEqualTo(201);
        String good = uniqueCode("txn");
        List<Map<String, Object>> events = List.of(
                event(good, sub, f.sumCode(), now(), Map.of("gb", 4)),
                event(stored, sub, f.countCode(), now(), Map.of()),
                event(uniqueCode("txn"), sub, f.sumCode(), now(), Map.of("gb", "four")),
                event(uniqueCode("txn"), "sub_000000000000000000000000", f.sumCode(), now(), Map.of()),
                event(uniqueCode("txn"), sub, "no_such_metric", now(), Map.of()),
                event(uniqueCode("txn"), sub, f.sumCode(), now().plus(Duration.ofHours(1)), Map.of()),
                event(uniqueCode("txn"), sub, f.countCode(), null, Map.of()));

        Api.Response r = api().post("/api/events/batch", f.tenant().apiKey(), Map.of("events", events));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(r.body().get("duplicates").asInt()).isEqualTo(1);
        JsonNode rejected = r.body().get("rejected");
        assertThat(rejected.findValuesAsText("index")).containsExactly("2", "3", "4", "5");
        assertThat(rejected.findValuesAsText("field"))
                .containsExactly("properties.gb", "subscriptionId", "code", "timestamp");
        assertThat(rejected.get(0).get("transactionId").asText()).isEqualTo(events.get(2).get("transactionId"));
        assertThat(rows(f.tenant(), good)).isEqualTo(1);
        assertThat(api().get("/api/events/subscription/" + sub, f.tenant().apiKey()).total()).isEqualTo(3);

        assertThat(api().post("/api/events/batch", f.tenant().apiKey(), Map.of("events", List.of()))
                .badRequestFields()).containsExactly("events");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(event("many-" + i, sub, f.countCode(), null, Map.of()));
        }
        assertThat(api().post("/api/events/batch", f.tenant().apiKey(), Map.of("events", tooMany))
                .badRequestFields()).containsExactly("events");
        assertThat(rows(f.tenant(), "many-0")).isZero();
    }

    @Test
    void refusalsNameTheirFieldAndStoreNothing() {
        Fixture f = fixture();
        Instant start = now().minusSeconds(3600);
        String sub = subscribe(f, start);
        String key = f.tenant().apiKey();

        assertThat(api().post("/api/events", key, event("r-0", "sub_000000000000000000000000", f.sumCode(), now(),
                Map.of())).status()).isEqualTo(404);
        assertThat(api().post("/api/events", key, event("r-1", sub, "no_such_metric", now(), Map.of()))
                .badRequestFields()).containsExactly("code");
        assertThat(api().post("/api/events", key, event("r-2", sub, f.sumCode(), now(), Map.of("gb", "lots")))
                .badRequestFields()).containsExactly("properties.gb");
        assertThat(api().post("/api/events", key, event("r-3", sub, f.sumCode(), now().plus(Duration.ofMinutes(6)),
                Map.of())).badRequestFields()).containsExactly("timestamp");
        assertThat(api().post("/api/events", key, event("r-4", sub, f.sumCode(), start.minusSeconds(1), Map.of()))
                .badRequestFields()).containsExactly("timestamp");
        assertThat(api().post("/api/events", key, event("r-5", sub, f.sumCode(), now(), Map.of("gb", Map.of("a", 1))))
                .badRequestFields()).containsExactly("properties.gb");
        assertThat(api().post("/api/events", key, "{\"transactionId\":\"r-6\",\"subscriptionId\":\"" + sub
                + "\",\"code\":\"x\",\"surprise\":1}").status()).as("unknown fields are refused").isEqualTo(400);

        post(f, "/api/subscriptions/" + sub + "/pause");
        Api.Response paused = api().post("/api/events", key, event("r-7", sub, f.sumCode(), now(), Map.of("gb", 1)));
        assertThat(paused.badRequestFields()).containsExactly("timestamp");
        assertThat(paused.text()).contains("pause");
        assertThat(api().post("/api/events", key, event("r-8", sub, f.sumCode(), start.plusSeconds(60),
                Map.of("gb", 1))).status()).as("before the pause").isEqualTo(201);
        clock.advance(Duration.ofSeconds(2));
        post(f, "/api/subscriptions/" + sub + "/resume");
        assertThat(api().post("/api/events", key, event("r-9", sub, f.sumCode(), now(), Map.of("gb", 1))).status())
                .as("after the resume").isEqualTo(201);

        assertThat(count(tenantDatabase(f.tenant().id()),
                "SELECT count(*) FROM usage_event WHERE transaction_id IN ('r-0','r-1','r-2','r-3','r-4','r-5','r-6','r-7')"))
                .isZero();
    }

    /** What SingleEventFastPath cannot store reaches the controller with its body intact, and is refused as before. */
    @Test
    void bodiesTheFastPathDoesNotStoreAreAnsweredByTheControllerWithTheSameErrors() {
        Fixture f = fixture();
        String sub = subscribe(f);
        String key = f.tenant().apiKey();

        Api.Response malformed = api().post("/api/events", key, "{\"transactionId\":\"m-1\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("requestId").asText()).startsWith("req_");
        assertThat(api().post("/api/events", key, "{\"transactionId\":7,\"subscriptionId\":\"" + sub
                + "\",\"code\":\"" + f.sumCode() + "\"}").badRequestFields()).containsExactly("transactionId");
        assertThat(api().post("/api/events", key, "null").status()).isEqualTo(400);
        Api.Response chunked = api().raw("POST", "/api/events", key, java.net.http.HttpRequest.BodyPublishers
                .ofInputStream(() -> new java.io.ByteArrayInputStream(("{\"transactionId\":\"m-2\",\"subscriptionId\":\""
                        + sub + "\",\"code\":\"" + f.sumCode() + "\",\"properties\":{\"gb\":2}}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(chunked.status()).as("a body without Content-Length goes to the controller: " + chunked.text())
                .isEqualTo(201);
        assertThat(rows(f.tenant(), "m-2")).isEqualTo(1);
        assertThat(count(tenantDatabase(f.tenant().id()),
                "SELECT count(*) FROM usage_event WHERE transaction_id = 'm-1'")).isZero();
    }

    @Test
    void anotherTenantsSubscriptionAndEventsAreNotFound() {
        Fixture f = fixture();
        String sub = subscribe(f);
        Api.Response stored = api().post("/api/events", f.tenant().apiKey(),
                event(uniqueCode("txn"), sub, f.sumCode(), now(), Map.of("gb", 1)));
        assertThat(stored.status()).isEqualTo(201);
        TestTenant stranger = strangerTenant();

        assertThat(api().post("/api/events", stranger.apiKey(),
                event(uniqueCode("txn"), sub, f.sumCode(), now(), Map.of())).status()).isEqualTo(404);
        Api.Response batch = api().post("/api/events/batch", stranger.apiKey(),
                Map.of("events", List.of(event(uniqueCode("txn"), sub, f.sumCode(), now(), Map.of()))));
        assertThat(batch.body().at("/rejected/0/field").asText()).isEqualTo("subscriptionId");
        assertThat(api().get("/api/events/" + stored.body().get("id").asText(), stranger.apiKey()).status())
                .isEqualTo(404);
        assertThat(api().get("/api/events/subscription/" + sub, stranger.apiKey()).status()).isEqualTo(404);
        assertThat(api().get("/api/subscriptions/" + sub + "/usage", stranger.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void currentUsageRatesTheOpenPeriodLikeTheRatingEngine() {
        Fixture f = fixture();
        Instant start = now().minusSeconds(3600);
        String sub = subscribe(f, start);
        List<Map<String, Object>> events = new ArrayList<>();
        BigDecimal[] values = {new BigDecimal("10"), new BigDecimal("2.5"), new BigDecimal("0.25")};
        List<UsageEvent> rated = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Instant at = start.plusSeconds(60L * (i + 1));
            events.add(event(uniqueCode("txn"), sub, f.sumCode(), at, Map.of("gb", values[i])));
            rated.add(new UsageEvent("e" + i, at, i, Map.of("gb", values[i])));
        }
        for (int i = 0; i < 7; i++) {
            events.add(event(uniqueCode("txn"), sub, f.countCode(), start.plusSeconds(10L * (i + 1)), Map.of()));
        }
        Api.Response batch = api().post("/api/events/batch", f.tenant().apiKey(), Map.of("events", events));
        assertThat(batch.body().get("accepted").asInt()).as(batch.text()).isEqualTo(10);

        Api.Response usage = api().get("/api/subscriptions/" + sub + "/usage", f.tenant().apiKey());

        assertThat(usage.status()).as(usage.text()).isEqualTo(200);
        assertThat(usage.body().get("planId").asText()).isEqualTo(f.planId());
        assertThat(usage.body().get("currency").asText()).isEqualTo("USD");
        assertThat(Instant.parse(usage.body().get("from").asText())).isEqualTo(start);
        Map<String, JsonNode> byCode = new HashMap<>();
        usage.body().get("charges").forEach(charge -> byCode.put(charge.get("code").asText(), charge));
        assertThat(byCode).containsOnlyKeys(f.sumCode(), f.countCode());
        JsonNode sum = byCode.get(f.sumCode());
        assertThat(sum.get("units").decimalValue()).isEqualByComparingTo("12.75");
        assertThat(sum.get("amount").decimalValue()).isEqualByComparingTo("6.38");
        assertThat(sum.get("breakdown").size()).isPositive();
        RatingResult engine = RatingEngine.rate(MetricDefinition.of(f.sumCode(),
                        com.novabilling.rating.aggregation.AggregationType.SUM, "gb"),
                ChargeDefinitions.charge(CurrencyCode.USD, new ChargePricing(ChargeModel.STANDARD,
                        new ChargeProperties(new BigDecimal("0.5"), null, null, null, null, null, null, null, null),
                        null, null, null)),
                start, start.plus(Duration.ofDays(28)), rated, CarriedState.NONE);
        assertThat(sum.get("amount").decimalValue()).isEqualByComparingTo(engine.amount().toMajor());
        JsonNode count = byCode.get(f.countCode());
        assertThat(count.get("units").decimalValue()).isEqualByComparingTo("7");
        assertThat(count.get("amount").decimalValue()).isEqualByComparingTo("0.07");
        assertThat(usage.body().get("amount").decimalValue()).isEqualByComparingTo("6.45");
        assertThat(api().get("/api/subscriptions/sub_000000000000000000000000/usage", f.tenant().apiKey()).status())
                .isEqualTo(404);
    }

    @Test
    void anEventForAClosedPeriodIsAcceptedAndFlaggedLate() {
        Fixture f = fixture();
        // started 40 days ago: the first monthly period is over, closed when the backdated subscription was created
        Instant started = now().minus(Duration.ofDays(40));
        String sub = subscribe(f, started);
        Instant inFirstPeriod = started.plus(Duration.ofDays(1));

        Api.Response late = api().post("/api/events", f.tenant().apiKey(),
                event(uniqueCode("txn"), sub, f.sumCode(), inFirstPeriod, Map.of("gb", 1)));
        assertThat(late.status()).as(late.text()).isEqualTo(201);
        assertThat(late.body().get("late").asBoolean()).isTrue();

        Api.Response current = api().post("/api/events", f.tenant().apiKey(),
                event(uniqueCode("txn"), sub, f.sumCode(), now(), Map.of("gb", 1)));
        assertThat(current.status()).as(current.text()).isEqualTo(201);
        assertThat(current.body().get("late").asBoolean()).isFalse();

        Api.Response usage = api().get("/api/subscriptions/" + sub + "/usage", f.tenant().apiKey());
        assertThat(Instant.parse(usage.body().get("from").asText())).isAfter(inFirstPeriod);
        assertThat(usage.body().at("/charges").findValuesAsText("units")).contains("1");
    }
}
