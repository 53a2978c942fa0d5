package com.novabilling.app.charge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.novabilling.app.support.OpenApiDocument.enumOf;
import static com.novabilling.app.support.OpenApiDocument.operation;
import static org.assertj.core.api.Assertions.assertThat;

class ChargeHttpTest extends IntegrationTest {

    /** Reads numbers exactly as written (115.00 stays 115.00), unlike the shared test client. */
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static final String SEED_CREATE_GRADUATED_CHARGE = """
            {
                "planId": "%s",
                "billableMetricId": "%s",
                "chargeModel": "GRADUATED",
                "billingTiming": "IN_ARREARS",
                "graduatedRanges": [
                  { "fromValue": 0, "toValue": 1000, "perUnitAmount": 0, "flatAmount": 0 },
                  { "fromValue": 1001, "toValue": 10000, "perUnitAmount": 0.01, "flatAmount": 0 },
                  { "fromValue": 10001, "perUnitAmount": 0.005, "flatAmount": 0 }
                ]
              }""";

    private static final String SEED_CREATE_BILLABLE_METRIC = """
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
    void seedCreateGraduatedChargeExampleWorksAndReadsBackIdentically() {
        TestTenant t = sharedTenant();
        String planId = catalog(t).plan("MONTHLY", "USD", "49.99");
        String metricId = createSeedMetric(t);
        String request = SEED_CREATE_GRADUATED_CHARGE.formatted(planId, metricId);

        Api.Response created = api().post("/api/charges", t.apiKey(), request);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode charge = exact(created);
        JsonNode sent = exact(request);
        assertThat(charge.get("id").asText()).matches("chg_[0-9a-f]{24}");
        assertThat(charge.get("planId").asText()).isEqualTo(planId);
        assertThat(charge.get("billableMetricId").asText()).isEqualTo(metricId);
        assertThat(charge.get("chargeModel").asText()).isEqualTo("GRADUATED");
        assertThat(charge.get("billingTiming").asText()).isEqualTo("IN_ARREARS");
        assertThat(charge.get("currency").asText()).as("the plan's first price currency").isEqualTo("USD");
        assertThat(withoutNulls(charge.get("graduatedRanges"))).isEqualTo(sent.get("graduatedRanges"));
        assertThat(charge.at("/graduatedRanges/1/perUnitAmount").decimalValue()).isEqualTo(new BigDecimal("0.01"));
        assertThat(charge.at("/graduatedRanges/2/toValue").isNull()).isTrue();
        assertThat(charge.get("volumeRanges").isNull()).isTrue();
        assertThat(charge.get("properties").isNull()).isTrue();
        assertThat(charge.get("filters")).isEmpty();

        Api.Response read = api().get("/api/charges/" + charge.get("id").asText(), t.apiKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(exact(read)).isEqualTo(charge);
    }

    @Test
    void estimateOfFifteenThousandUnitsOnTheSeedExampleIsUsd115() {
        TestTenant t = sharedTenant();
        String chargeId = createSeedCharge(t);

        Api.Response estimate = api().post("/api/charges/" + chargeId + "/estimate", t.apiKey(),
                Map.of("currency", "USD", "units", 15000));
        assertThat(estimate.status()).as(estimate.text()).isEqualTo(200);
        JsonNode body = exact(estimate);
        assertThat(body.get("amount").decimalValue()).isEqualTo(new BigDecimal("115.00"));
        assertThat(estimate.text()).contains("\"amount\":115.00");
        assertThat(body.get("currency").asText()).isEqualTo("USD");
        assertThat(body.get("units").decimalValue()).isEqualByComparingTo("15000");
        JsonNode lines = body.get("breakdown");
        assertThat(lines).hasSize(3);
        assertLine(lines.get(0), 0, "0", "1000", "1000", "0", "0");
        assertLine(lines.get(1), 1, "1001", "10000", "9000", "0.01", "90.00");
        assertLine(lines.get(2), 2, "10001", null, "5000", "0.005", "25.000");
        assertThat(lines.get(2).get("kind").asText()).isEqualTo("TIER");
        assertThat(lines.get(2).get("bucket").asText()).isEqualTo("default");
        assertThat(lines.get(1).get("explanation").asText()).isEqualTo("9000 × 0.01 + flat 0");

        Api.Response halfUp = api().post("/api/charges/" + chargeId + "/estimate", t.apiKey(), Map.of("units", 10001));
        assertThat(exact(halfUp).get("amount").decimalValue()).as("G5: 90.005 rounds HALF_UP once")
                .isEqualTo(new BigDecimal("90.01"));
        Api.Response zero = api().post("/api/charges/" + chargeId + "/estimate", t.apiKey(), Map.of("units", 0));
        assertThat(exact(zero).get("amount").decimalValue()).isEqualTo(new BigDecimal("0.00"));
        assertThat(zero.body().get("breakdown")).isEmpty();
        assertThat(api().get("/api/charges/" + chargeId, t.apiKey()).status()).as("nothing stored").isEqualTo(200);
    }

    @Test
    void estimateThroughEventsAppliesChargeFiltersF1() {
        TestTenant t = sharedTenant();
        String planId = catalog(t).plan("MONTHLY", "USD", "49.99");
        String metricId = catalog(t).metric(Map.of("name", "API Calls", "code", uniqueCode("api_calls"), "aggregationType", "COUNT",
                "filters", List.of(Map.of("key", "region", "values", List.of("us-east", "us-west", "eu")),
                        Map.of("key", "tier", "values", List.of("gold")))));
        Api.Response charge = api().post("/api/charges", t.apiKey(), Map.of("planId", planId,
                "billableMetricId", metricId, "chargeModel", "STANDARD", "properties", Map.of("amount", 0.10),
                "filters", List.of(
                        Map.of("values", Map.of("region", List.of("us-east")), "properties", Map.of("amount", 0.05)),
                        Map.of("values", Map.of("region", List.of("eu")), "properties", Map.of("amount", 0.20)),
                        Map.of("values", Map.of("region", List.of("eu"), "tier", List.of("gold")),
                                "properties", Map.of("amount", 0.15)))));
        assertThat(charge.status()).as(charge.text()).isEqualTo(201);
        assertThat(charge.body().get("filters")).hasSize(3);
        assertThat(charge.body().at("/filters/2/values/tier/0").asText()).isEqualTo("gold");
        assertThat(charge.body().at("/filters/0/properties").size()).as("unset options are left out").isEqualTo(1);

        List<Map<String, Object>> events = new ArrayList<>();
        addEvents(events, 100, Map.of("region", "us-east"));
        addEvents(events, 50, Map.of("region", "eu"));
        addEvents(events, 30, Map.of("region", "eu", "tier", "gold"));
        addEvents(events, 20, Map.of("region", "us-west"));
        addEvents(events, 10, Map.of());
        Api.Response estimate = api().post("/api/charges/" + charge.body().get("id").asText() + "/estimate", t.apiKey(),
                Map.of("events", events, "from", "2026-03-01T00:00:00Z", "to", "2026-04-01T00:00:00Z"));
        assertThat(estimate.status()).as(estimate.text()).isEqualTo(200);
        JsonNode body = exact(estimate);
        assertThat(body.get("amount").decimalValue()).as("22.50, not 21.00 with the filters ignored")
                .isEqualTo(new BigDecimal("22.50"));
        assertThat(body.get("units").decimalValue()).isEqualByComparingTo("210");
        Map<String, String> amountByBucket = new HashMap<>();
        body.get("breakdown").forEach(line -> amountByBucket.put(line.get("bucket").asText(),
                line.get("amount").decimalValue().stripTrailingZeros().toPlainString()));
        assertThat(amountByBucket).isEqualTo(Map.of("region=[us-east]", "5", "region=[eu]", "10",
                "region=[eu], tier=[gold]", "4.5", "default", "3"));
        assertThat(body.get("from").asText()).isEqualTo("2026-03-01T00:00:00Z");
    }

    @Test
    void estimateThroughEventsOfAWeightedSumA10WithAndWithoutWindow() {
        TestTenant t = sharedTenant();
        String planId = catalog(t).plan("MONTHLY", "USD", "49.99");
        String metricId = catalog(t).metric(Map.of("name", "Seats", "code", uniqueCode("seats"), "aggregationType", "WEIGHTED_SUM",
                "fieldName", "seats"));
        String chargeId = catalog(t).charge(Map.of("planId", planId, "billableMetricId", metricId, "chargeModel",
                "STANDARD", "properties", Map.of("amount", 1)));
        List<Map<String, Object>> events = List.of(
                Map.of("timestamp", "2026-04-01T00:00:00Z", "properties", Map.of("seats", 10)),
                Map.of("transactionId", "t2", "timestamp", "2026-04-25T00:00:00Z", "properties", Map.of("seats", -4)));

        Api.Response april = api().post("/api/charges/" + chargeId + "/estimate", t.apiKey(), Map.of("events", events,
                "from", "2026-04-01T00:00:00Z", "to", "2026-05-01T00:00:00Z"));
        assertThat(april.status()).as(april.text()).isEqualTo(200);
        assertThat(exact(april).get("units").decimalValue()).isEqualByComparingTo("9.2");
        assertThat(exact(april).get("amount").decimalValue()).isEqualTo(new BigDecimal("9.20"));

        Api.Response defaultWindow = api().post("/api/charges/" + chargeId + "/estimate", t.apiKey(),
                Map.of("events", events));
        assertThat(defaultWindow.status()).isEqualTo(200);
        assertThat(defaultWindow.body().get("from").asText()).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(defaultWindow.body().get("to").asText()).as("latest event + 1 s").isEqualTo("2026-04-25T00:00:01Z");
    }

    @Test
    void estimateRefusesBadInput() {
        TestTenant t = sharedTenant();
        String chargeId = createSeedCharge(t);
        String path = "/api/charges/" + chargeId + "/estimate";
        List<Map<String, Object>> oneEvent = List.of(Map.of("timestamp", "2026-03-01T00:00:00Z"));

        assertEstimateRefused(t, path, Map.of("units", 10, "events", oneEvent), "events");
        assertEstimateRefused(t, path, Map.of("currency", "USD"), "units");
        assertEstimateRefused(t, path, Map.of("units", -1), "units");
        assertEstimateRefused(t, path, Map.of("units", 10, "currency", "KES"), "currency");
        assertEstimateRefused(t, path, Map.of("units", 10, "currency", "JPY"), "currency");
        assertEstimateRefused(t, path, Map.of("units", "lots"), "units");
        assertEstimateRefused(t, path, Map.of("events", List.of(Map.of("properties", Map.of()))), "events[0].timestamp");
        assertEstimateRefused(t, path, Map.of("events", List.of()), "events");
        assertEstimateRefused(t, path, Map.of("events", oneEvent, "from", "2026-03-02T00:00:00Z",
                "to", "2026-03-01T00:00:00Z"), "to");
        assertThat(api().post("/api/charges/chg_000000000000000000000000/estimate", t.apiKey(), Map.of("units", 1))
                .status()).isEqualTo(404);
        assertThat(api().post(path, t.apiKey(), Map.of("units", 1, "currency", "usd")).status()).isEqualTo(200);
    }

    @Test
    void invalidChargesAreRefusedNamingTheField() {
        TestTenant t = sharedTenant();
        String planId = catalog(t).plan("MONTHLY", "USD", "49.99");
        String metricId = createSeedMetric(t);
        String cpuId = catalog(t).metric(Map.of("name", "CPU", "code", uniqueCode("cpu"), "aggregationType", "MAX", "fieldName", "cpu"));
        String paymentsId = catalog(t).metric(Map.of("name", "Payments", "code", uniqueCode("payments"), "aggregationType", "SUM",
                "fieldName", "amount"));

        // the rules of ranges and pricing one by one are the rating engine's (RangeValidatorTest, PricingValidatorTest);
        // here one of each kind, the volume ranges and the percentage rate by their names, and the rules that need
        // the plan and the metric
        assertBadCharge(t, graduated(planId, metricId, List.of(range(0, 1000L, 0), range(1002, null, 0.01))),
                "graduatedRanges[1].fromValue");
        Map<String, Object> volume = new HashMap<>(Map.of("planId", planId, "billableMetricId", metricId,
                "chargeModel", "VOLUME", "volumeRanges", List.of(range(0, 10L, 1), range(11, 20L, 1))));
        assertBadCharge(t, volume, "volumeRanges[1].toValue");
        assertBadCharge(t, Map.of("planId", planId, "billableMetricId", paymentsId, "chargeModel", "PERCENTAGE",
                "properties", Map.of("rate", 150)), "properties.rate");
        assertBadCharge(t, Map.of("planId", planId, "billableMetricId", cpuId, "chargeModel", "STANDARD",
                "billingTiming", "IN_ADVANCE", "properties", Map.of("amount", 1)), "billingTiming");
        assertBadCharge(t, Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "STANDARD",
                "currency", "JPY", "properties", Map.of("amount", 1)), "currency");
        assertBadCharge(t, Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "STANDARD",
                "currency", "EUR", "properties", Map.of("amount", 1)), "currency");
        assertBadCharge(t, Map.of("planId", catalog(t).plan("Free", uniqueCode("free")), "billableMetricId", metricId,
                "chargeModel", "STANDARD", "properties", Map.of("amount", 1)), "currency");
        assertBadCharge(t, Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "STANDARD",
                "properties", Map.of("amount", 1, "packageSize", 10)), "properties.packageSize");
        assertBadCharge(t, Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "STANDARD",
                "properties", Map.of("amount", 1), "graduatedRanges", List.of(range(0, null, 1))), "graduatedRanges");
        assertBadCharge(t, Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "GRADUATED"),
                "graduatedRanges");
        assertBadCharge(t, Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "TIERED",
                "properties", Map.of("amount", 1)), "chargeModel");
        assertBadCharge(t, Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "STANDARD",
                "billingTiming", "LATER", "properties", Map.of("amount", 1)), "billingTiming");
        assertBadCharge(t, Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "STANDARD",
                "properties", Map.of("amount", 1), "filters", List.of(Map.of("values", Map.of("region", List.of("asia")),
                        "properties", Map.of("amount", 2)))), "filters[0].values");
        assertBadCharge(t, Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "STANDARD",
                "properties", Map.of("amount", 1), "filters", List.of(Map.of("values", Map.of("region", List.of("eu")),
                        "graduatedRanges", List.of(range(0, null, 1))))), "filters[0].graduatedRanges");
        assertBadCharge(t, Map.of("billableMetricId", metricId, "chargeModel", "STANDARD",
                "properties", Map.of("amount", 1)), "planId");

        Api.Response several = api().post("/api/charges", t.apiKey(), graduated(planId, metricId,
                List.of(range(1, 1000L, -1), range(1002, null, 0.01))));
        assertThat(several.badRequestFields())
                .as("all pricing errors in one answer")
                .contains("graduatedRanges[0].fromValue", "graduatedRanges[0].perUnitAmount", "graduatedRanges[1].fromValue");
        assertThat(api().get("/api/charges?planId=" + planId, t.apiKey()).total()).isZero();
    }

    @Test
    void missingPlanOrMetricIsNotFound() {
        TestTenant t = sharedTenant();
        String planId = catalog(t).plan("MONTHLY", "USD", "49.99");
        String metricId = createSeedMetric(t);
        String missingPlan = "pln_000000000000000000000000";

        Api.Response noPlan = api().post("/api/charges", t.apiKey(), SEED_CREATE_GRADUATED_CHARGE.formatted(missingPlan, metricId));
        assertThat(noPlan.status()).isEqualTo(404);
        assertThat(noPlan.body().get("message").asText()).isEqualTo("Plan with id '" + missingPlan + "' not found");
        Api.Response noMetric = api().post("/api/charges", t.apiKey(),
                SEED_CREATE_GRADUATED_CHARGE.formatted(planId, "bm_000000000000000000000000"));
        assertThat(noMetric.status()).isEqualTo(404);
        assertThat(noMetric.body().get("message").asText()).contains("Billable metric");
        assertThat(api().get("/api/charges/chg_000000000000000000000000", t.apiKey()).status()).isEqualTo(404);
        assertThat(api().get("/api/charges/plan/" + missingPlan, t.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void onePlanPricesAMetricOncePerCurrency() {
        TestTenant t = sharedTenant();
        String planId = catalog(t).plan("MONTHLY", "USD", "49.99");
        api().post("/api/plans/" + planId + "/prices", t.apiKey(), Map.of("currency", "KES", "amount", 6500));
        String metricId = createSeedMetric(t);
        catalog(t).charge(SEED_CREATE_GRADUATED_CHARGE.formatted(planId, metricId));

        Api.Response duplicate = api().post("/api/charges", t.apiKey(), SEED_CREATE_GRADUATED_CHARGE.formatted(planId, metricId));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().at("/errors/0/field").asText()).isEqualTo("billableMetricId");

        Api.Response kes = api().post("/api/charges", t.apiKey(), Map.of("planId", planId, "billableMetricId", metricId,
                "currency", "kes", "chargeModel", "standard", "properties", Map.of("amount", 2)));
        assertThat(kes.status()).as(kes.text()).isEqualTo(201);
        assertThat(kes.body().get("currency").asText()).isEqualTo("KES");
        assertThat(kes.body().get("chargeModel").asText()).isEqualTo("STANDARD");
    }

    @Test
    void metricAndPlanPriceInUseAreKept() {
        TestTenant t = sharedTenant();
        String planId = catalog(t).plan("MONTHLY", "USD", "49.99");
        Api.Response withKes = api().post("/api/plans/" + planId + "/prices", t.apiKey(), Map.of("currency", "KES", "amount", 6500));
        String usdPriceId = withKes.body().at("/prices/0/id").asText();
        String kesPriceId = withKes.body().at("/prices/1/id").asText();
        String metricId = createSeedMetric(t);
        String chargeId = catalog(t).charge(SEED_CREATE_GRADUATED_CHARGE.formatted(planId, metricId));
        catalog(t).charge(Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "STANDARD",
                "currency", "KES", "properties", Map.of("amount", 1), "filters", List.of(
                        Map.of("values", Map.of("region", List.of("eu")), "properties", Map.of("amount", 2)))));

        Api.Response deleteMetric = api().delete("/api/billable-metrics/" + metricId, t.apiKey());
        assertThat(deleteMetric.status()).isEqualTo(409);
        assertThat(deleteMetric.body().get("message").asText()).contains("used by 2 charges");
        Api.Response deletePrice = api().delete("/api/plans/" + planId + "/prices/" + usdPriceId, t.apiKey());
        assertThat(deletePrice.status()).isEqualTo(409);
        assertThat(deletePrice.body().get("message").asText()).contains("USD price").contains("1 charge");

        Api.Response retype = api().patch("/api/billable-metrics/" + metricId, t.apiKey(),
                Map.of("aggregationType", "SUM", "fieldName", "bytes"));
        assertThat(retype.status()).isEqualTo(409);
        assertThat(retype.body().at("/errors/0/field").asText()).isEqualTo("aggregationType");
        Api.Response dropEu = api().patch("/api/billable-metrics/" + metricId, t.apiKey(),
                Map.of("filters", List.of(Map.of("key", "region", "values", List.of("us-east", "us-west")))));
        assertThat(dropEu.status()).isEqualTo(409);
        assertThat(dropEu.body().at("/errors/0/field").asText()).isEqualTo("filters");
        Api.Response rename = api().patch("/api/billable-metrics/" + metricId, t.apiKey(), Map.of("name", "Requests",
                "filters", List.of(Map.of("key", "region", "values", List.of("eu", "apac")))));
        assertThat(rename.status()).as("names and unused filter values may change").isEqualTo(200);

        assertThat(api().delete("/api/charges/" + chargeId, t.apiKey()).status()).isEqualTo(200);
        assertThat(api().delete("/api/plans/" + planId + "/prices/" + usdPriceId, t.apiKey()).status()).isEqualTo(200);
        assertThat(api().delete("/api/plans/" + planId + "/prices/" + kesPriceId, t.apiKey()).status()).isEqualTo(409);
    }

    @Test
    void updatesPricingButNotPlanMetricOrCurrency() {
        TestTenant t = sharedTenant();
        String planId = catalog(t).plan("MONTHLY", "USD", "49.99");
        String metricId = createSeedMetric(t);
        String chargeId = catalog(t).charge(SEED_CREATE_GRADUATED_CHARGE.formatted(planId, metricId));

        Api.Response standard = api().patch("/api/charges/" + chargeId, t.apiKey(), Map.of("chargeModel", "STANDARD",
                "billingTiming", "in_advance", "properties", Map.of("amount", 0.002)));
        assertThat(standard.status()).as(standard.text()).isEqualTo(200);
        assertThat(standard.body().get("chargeModel").asText()).isEqualTo("STANDARD");
        assertThat(standard.body().get("billingTiming").asText()).isEqualTo("IN_ADVANCE");
        assertThat(standard.body().get("graduatedRanges").isNull()).isTrue();
        assertThat(exact(standard).at("/properties/amount").decimalValue()).isEqualTo(new BigDecimal("0.002"));
        assertThat(exact(api().get("/api/charges/" + chargeId, t.apiKey()))).isEqualTo(exact(standard));

        Api.Response wrongModelField = api().patch("/api/charges/" + chargeId, t.apiKey(),
                Map.of("volumeRanges", List.of(range(0, null, 1))));
        assertThat(wrongModelField.status()).isEqualTo(400);
        assertThat(wrongModelField.body().at("/errors/0/field").asText()).isEqualTo("volumeRanges");
        Api.Response newCurrency = api().patch("/api/charges/" + chargeId, t.apiKey(), Map.of("currency", "KES"));
        assertThat(newCurrency.status()).isEqualTo(400);
        assertThat(newCurrency.body().at("/errors/0/field").asText()).isEqualTo("currency");
        Api.Response newPlan = api().patch("/api/charges/" + chargeId, t.apiKey(), Map.of("planId", catalog(t).plan("MONTHLY", "USD", "9")));
        assertThat(newPlan.status()).isEqualTo(400);
        assertThat(newPlan.body().at("/errors/0/field").asText()).isEqualTo("planId");
        assertThat(api().patch("/api/charges/" + chargeId, t.apiKey(), Map.of("planId", planId, "currency", "USD"))
                .status()).as("the same values are fine").isEqualTo(200);

        Api.Response deleted = api().delete("/api/charges/" + chargeId, t.apiKey());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("deleted").asBoolean()).isTrue();
        assertThat(api().get("/api/charges/" + chargeId, t.apiKey()).status()).isEqualTo(404);
        assertThat(api().patch("/api/charges/" + chargeId, t.apiKey(), Map.of("billingTiming", "IN_ARREARS")).status())
                .isEqualTo(404);
        assertThat(api().delete("/api/charges/" + chargeId, t.apiKey()).status()).isEqualTo(404);
        assertThat(api().post("/api/charges", t.apiKey(), SEED_CREATE_GRADUATED_CHARGE.formatted(planId, metricId))
                .status()).as("the plan may price the metric again").isEqualTo(201);
    }

    @Test
    void listsFilterByPlanAndMetricAndPage() {
        TestTenant t = registerTenant();
        String pro = catalog(t).plan("MONTHLY", "USD", "49.99");
        String basic = catalog(t).plan("MONTHLY", "USD", "9.99");
        String calls = createSeedMetric(t);
        String storage = catalog(t).metric(Map.of("name", "Storage", "code", uniqueCode("storage"), "aggregationType", "SUM", "fieldName", "gb"));
        String proCalls = catalog(t).charge(SEED_CREATE_GRADUATED_CHARGE.formatted(pro, calls));
        String proStorage = catalog(t).charge(standardCharge(pro, storage));
        String basicCalls = catalog(t).charge(standardCharge(basic, calls));

        Api.Response all = api().get("/api/charges?limit=2", t.apiKey());
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.body().at("/meta/totalPages").asInt()).isEqualTo(2);
        assertThat(all.body().at("/data/0/id").asText()).as("oldest first").isEqualTo(proCalls);
        assertThat(ids(api().get("/api/charges?page=2&limit=2", t.apiKey()))).containsExactly(basicCalls);
        assertThat(ids(api().get("/api/charges?planId=" + pro, t.apiKey()))).containsExactly(proCalls, proStorage);
        assertThat(ids(api().get("/api/charges?billableMetricId=" + calls, t.apiKey()))).containsExactly(proCalls, basicCalls);
        assertThat(ids(api().get("/api/charges?planId=" + basic + "&billableMetricId=" + storage, t.apiKey()))).isEmpty();
        Api.Response ofPlan = api().get("/api/charges/plan/" + pro, t.apiKey());
        assertThat(ofPlan.status()).isEqualTo(200);
        assertThat(ids(ofPlan)).containsExactly(proCalls, proStorage);
        assertThat(ofPlan.total()).isEqualTo(2);
        assertThat(api().get("/api/charges?page=0", t.apiKey()).badRequestFields()).containsExactly("page");
        assertThat(api().get("/api/charges?limit=1000", t.apiKey()).badRequestFields()).containsExactly("limit");
        assertThat(api().get("/api/charges/plan/" + pro + "?limit=1000", t.apiKey()).badRequestFields())
                .containsExactly("limit");
    }

    @Test
    void deletingAPlanDeletesItsCharges() {
        TestTenant t = sharedTenant();
        String planId = catalog(t).plan("MONTHLY", "USD", "49.99");
        String metricId = createSeedMetric(t);
        String chargeId = catalog(t).charge(SEED_CREATE_GRADUATED_CHARGE.formatted(planId, metricId));
        String otherPlanCharge = catalog(t).charge(standardCharge(catalog(t).plan("MONTHLY", "USD", "9"), metricId));

        assertThat(api().delete("/api/plans/" + planId, t.apiKey()).status()).isEqualTo(200);

        // the plan's charges are deleted by an event handler after the plan's deletion: eventually, not at once
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> api().get("/api/charges/" + chargeId, t.apiKey()).status() == 404);
        assertThat(api().get("/api/charges/" + otherPlanCharge, t.apiKey()).status()).isEqualTo(200);
        assertThat(api().get("/api/charges/plan/" + planId, t.apiKey()).status()).isEqualTo(404);
        assertThat(count(tenantDatabase(t.id()), "SELECT count(*) FROM charge_lookup WHERE plan_id = '" + planId + "'"))
                .isZero();
    }

    @Test
    void anotherTenantsChargeIsIndistinguishableFromAMissingOne() {
        TestTenant owner = sharedTenant();
        TestTenant stranger = strangerTenant();
        String planId = catalog(owner).plan("MONTHLY", "USD", "49.99");
        String metricId = createSeedMetric(owner);
        String chargeId = catalog(owner).charge(SEED_CREATE_GRADUATED_CHARGE.formatted(planId, metricId));
        String missing = "chg_000000000000000000000000";

        for (String id : List.of(chargeId, missing)) {
            Api.Response get = api().get("/api/charges/" + id, stranger.apiKey());
            assertThat(get.status()).isEqualTo(404);
            assertThat(get.body().get("message").asText()).isEqualTo("Charge with id '" + id + "' not found");
            assertThat(api().patch("/api/charges/" + id, stranger.apiKey(), Map.of("billingTiming", "IN_ADVANCE"))
                    .status()).isEqualTo(404);
            assertThat(api().delete("/api/charges/" + id, stranger.apiKey()).status()).isEqualTo(404);
            Api.Response estimate = api().post("/api/charges/" + id + "/estimate", stranger.apiKey(), Map.of("units", 1));
            assertThat(estimate.status()).isEqualTo(404);
            assertThat(estimate.body().get("message").asText()).isEqualTo("Charge with id '" + id + "' not found");
        }
        assertThat(api().get("/api/charges/plan/" + planId, stranger.apiKey()).status()).isEqualTo(404);
        Api.Response foreignRefs = api().post("/api/charges", stranger.apiKey(),
                SEED_CREATE_GRADUATED_CHARGE.formatted(planId, metricId));
        assertThat(foreignRefs.status()).as("another tenant's plan is not found").isEqualTo(404);
        assertThat(api().get("/api/charges", stranger.apiKey()).total()).isZero();
        assertThat(api().get("/api/charges/" + chargeId, owner.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void everyChangeIsAnAuditedEvent() {
        TestTenant t = sharedTenant();
        String chargeId = createSeedCharge(t);
        api().patch("/api/charges/" + chargeId, t.apiKey(), Map.of("billingTiming", "IN_ADVANCE"));
        api().delete("/api/charges/" + chargeId, t.apiKey());

        Api.Response audit = api().get("/api/audit/events?aggregateId=" + chargeId + "&limit=100", t.apiKey());
        assertThat(audit.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        audit.body().get("data").forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactlyInAnyOrder("ChargeCreatedEvent", "ChargeUpdatedEvent", "ChargeDeletedEvent");
    }

    @Test
    void openApiDocumentsTheEndpointsAndTheEnums() {
        JsonNode doc = api().get("/api/openapi.json", null).body();
        for (String endpoint : List.of("/api/charges get", "/api/charges post", "/api/charges/{chargeId} get",
                "/api/charges/{chargeId} patch", "/api/charges/{chargeId} delete", "/api/charges/plan/{planId} get",
                "/api/charges/{chargeId}/estimate post")) {
            String[] parts = endpoint.split(" ");
            assertThat(operation(doc, parts[1], parts[0]).isMissingNode()).as(endpoint + " is documented").isFalse();
        }
        assertThat(enumOf(doc, "CreateChargeRequest", "chargeModel"))
                .containsExactly("STANDARD", "GRADUATED", "VOLUME", "PACKAGE", "PERCENTAGE");
        assertThat(enumOf(doc, "CreateChargeRequest", "billingTiming")).containsExactly("IN_ADVANCE", "IN_ARREARS");
        assertThat(enumOf(doc, "ChargeView", "chargeModel")).hasSize(5);
        assertThat(enumOf(doc, "ChargeEstimateLine", "kind")).contains("TIER", "UNIT_PRICE", "TRANSACTION");
        assertThat(doc.at("/components/schemas/ChargeProperties/properties/perTransactionMax").isMissingNode()).isFalse();
    }

    // ---- helpers

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().get("data").forEach(charge -> ids.add(charge.get("id").asText()));
        return ids;
    }

    private static void assertLine(JsonNode line, int tier, String from, String to, String units, String unitPrice,
                                   String amount) {
        assertThat(line.get("tierIndex").asInt()).isEqualTo(tier);
        assertThat(line.get("fromValue").decimalValue()).isEqualByComparingTo(from);
        if (to == null) {
            assertThat(line.get("toValue").isNull()).isTrue();
        } else {
            assertThat(line.get("toValue").decimalValue()).isEqualByComparingTo(to);
        }
        assertThat(line.get("units").decimalValue()).isEqualByComparingTo(units);
        assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo(unitPrice);
        assertThat(line.get("amount").decimalValue()).isEqualByComparingTo(amount);
    }

    private static void addEvents(List<Map<String, Object>> events, int count, Map<String, Object> properties) {
        for (int i = 0; i < count; i++) {
            events.add(Map.of("timestamp", "2026-03-10T10:00:00Z", "properties", properties));
        }
    }

    private static Map<String, Object> range(long from, Long to, double perUnitAmount) {
        Map<String, Object> range = new HashMap<>();
        range.put("fromValue", from);
        range.put("toValue", to);
        range.put("perUnitAmount", BigDecimal.valueOf(perUnitAmount));
        range.put("flatAmount", 0);
        return range;
    }

    private static Map<String, Object> graduated(String planId, String metricId, List<Map<String, Object>> ranges) {
        return Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "GRADUATED",
                "graduatedRanges", ranges);
    }

    private static Map<String, Object> standardCharge(String planId, String metricId) {
        return Map.of("planId", planId, "billableMetricId", metricId, "chargeModel", "STANDARD",
                "properties", Map.of("amount", 0.5));
    }

    private void assertBadCharge(TestTenant t, Object body, String field) {
        Api.Response r = api().post("/api/charges", t.apiKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().get("errors").findValuesAsText("field")).as(r.text()).contains(field);
    }

    private void assertEstimateRefused(TestTenant t, String path, Object body, String field) {
        Api.Response r = api().post(path, t.apiKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.body().get("errors").findValuesAsText("field")).as(r.text()).contains(field);
    }

    private String createSeedCharge(TestTenant t) {
        return catalog(t).charge(SEED_CREATE_GRADUATED_CHARGE.formatted(catalog(t).plan("MONTHLY", "USD", "49.99"),
                createSeedMetric(t)));
    }

    /** The seed's metric under a code unique in the tenant. */
    private String createSeedMetric(TestTenant t) {
        return catalog(t).metric(SEED_CREATE_BILLABLE_METRIC.replace("\"api_calls\"", "\"" + uniqueCode("api_calls") + "\""));
    }

    private static JsonNode exact(Api.Response response) {
        return exact(response.text());
    }

    private static JsonNode exact(String json) {
        try {
            return EXACT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode withoutNulls(JsonNode array) {
        JsonNode copy = array.deepCopy();
        copy.forEach(element -> {
            List<String> nullFields = new ArrayList<>();
            element.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    nullFields.add(field.getKey());
                }
            });
            ((ObjectNode) element).remove(nullFields);
        });
        return copy;
    }
}
