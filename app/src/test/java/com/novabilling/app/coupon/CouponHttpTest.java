package com.novabilling.app.coupon;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.novabilling.app.support.OpenApiDocument.enumOf;
import static com.novabilling.app.support.OpenApiDocument.operation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CouponHttpTest extends IntegrationTest {

    private static final String FUTURE = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    @Test
    void createsReadsBackListsUpdatesAndDeletes() {
        TestTenant t = registerTenant();
        Api.Response created = api().post("/api/coupons", t.apiKey(), Map.of(
                "name", "Spring sale", "code", "SPRING25", "description", "25% off for three months",
                "discountType", "percentage", "discountValue", 12.5, "duration", "repeating", "durationInPeriods", 3,
                "maxRedemptions", 100, "expiresAt", FUTURE, "metadata", Map.of("campaign", "spring")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode coupon = created.body();
        String id = coupon.get("id").asText();
        assertThat(id).startsWith("cpn_").hasSize(28);
        assertThat(coupon.get("discountType").asText()).as("canonical letter case").isEqualTo("PERCENTAGE");
        assertThat(coupon.get("discountValue").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(coupon.get("currency").isNull()).isTrue();
        assertThat(coupon.get("duration").asText()).isEqualTo("REPEATING");
        assertThat(coupon.get("durationInPeriods").asInt()).isEqualTo(3);
        assertThat(coupon.get("maxRedemptions").asInt()).isEqualTo(100);
        assertThat(coupon.get("timesRedeemed").asInt()).isZero();
        assertThat(Instant.parse(coupon.get("expiresAt").asText())).isEqualTo(Instant.parse(FUTURE));
        assertThat(coupon.get("planIds")).isEmpty();
        assertThat(coupon.get("isActive").asBoolean()).isTrue();
        assertThat(coupon.at("/metadata/campaign").asText()).isEqualTo("spring");
        assertThat(coupon.hasNonNull("createdAt")).isTrue();
        assertThat(coupon.hasNonNull("updatedAt")).isTrue();
        Api.Response readBack = api().get("/api/coupons/" + id, t.apiKey());
        assertThat(readBack.status()).as(readBack.text()).isEqualTo(200);
        assertThat(readBack.body()).isEqualTo(coupon);

        Api.Response fixed = api().post("/api/coupons", t.apiKey(), Map.of("name", "Ten dollars", "code", "TEN-USD",
                "discountType", "FIXED_AMOUNT", "discountValue", 10, "currency", "usd", "isActive", false));
        assertThat(fixed.status()).as(fixed.text()).isEqualTo(201);
        assertThat(fixed.text()).as("major units at the currency's scale").contains("\"discountValue\":10.00");
        assertThat(fixed.body().get("currency").asText()).isEqualTo("USD");
        assertThat(fixed.body().get("duration").asText()).as("default").isEqualTo("ONCE");
        assertThat(fixed.body().get("durationInPeriods").isNull()).isTrue();
        assertThat(fixed.body().get("maxRedemptions").isNull()).isTrue();
        assertThat(fixed.body().get("isActive").asBoolean()).isFalse();
        Api.Response shillings = api().post("/api/coupons", t.apiKey(), Map.of("name", "UGX off", "code", "UGX",
                "discountType", "FIXED_AMOUNT", "discountValue", 5000, "currency", "UGX"));
        assertThat(shillings.text()).contains("\"discountValue\":5000,");

        Api.Response all = api().get("/api/coupons?page=1&limit=2", t.apiKey());
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.body().at("/meta/totalPages").asInt()).isEqualTo(2);
        assertThat(all.body().at("/data/0/code").asText()).as("newest first").isEqualTo("UGX");
        Api.Response inactive = api().get("/api/coupons?isActive=false", t.apiKey());
        assertThat(inactive.total()).isEqualTo(1);
        assertThat(inactive.body().at("/data/0/code").asText()).isEqualTo("TEN-USD");
        assertThat(api().get("/api/coupons?isActive=TRUE", t.apiKey()).total()).isEqualTo(2);
        Api.Response search = api().get("/api/coupons?search=spring", t.apiKey());
        assertThat(search.total()).isEqualTo(1);
        assertThat(search.body().at("/data/0/id").asText()).isEqualTo(id);
        assertBadRequest(api().get("/api/coupons?isActive=maybe", t.apiKey()), "isActive");
        assertBadRequest(api().get("/api/coupons?limit=1000", t.apiKey()), "limit");

        Api.Response updated = api().patch("/api/coupons/" + id, t.apiKey(), Map.of("name", "Spring sale 2",
                "code", "SPRING30", "discountValue", 30, "isActive", false, "maxRedemptions", 10,
                "metadata", Map.of("campaign", "spring-2")));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().get("name").asText()).isEqualTo("Spring sale 2");
        assertThat(updated.body().get("code").asText()).isEqualTo("SPRING30");
        assertThat(updated.body().get("discountValue").decimalValue()).isEqualByComparingTo("30");
        assertThat(updated.body().get("isActive").asBoolean()).isFalse();
        assertThat(updated.body().get("maxRedemptions").asInt()).isEqualTo(10);
        assertThat(updated.body().get("durationInPeriods").asInt()).as("unchanged").isEqualTo(3);
        assertThat(api().get("/api/coupons/" + id, t.apiKey()).body()).isEqualTo(updated.body());

        Api.Response deleted = api().delete("/api/coupons/" + id, t.apiKey());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("id").asText()).isEqualTo(id);
        assertThat(deleted.body().get("deleted").asBoolean()).isTrue();
        assertThat(api().get("/api/coupons/" + id, t.apiKey()).status()).isEqualTo(404);
        assertThat(api().patch("/api/coupons/" + id, t.apiKey(), Map.of("name", "Ghost")).status()).isEqualTo(404);
        assertThat(api().delete("/api/coupons/" + id, t.apiKey()).status()).isEqualTo(404);
        assertThat(catalog(t).coupon(Map.of("code", "SPRING30"))).as("a deleted coupon's code is free again").startsWith("cpn_");
    }

    @Test
    void invalidInputIsRefusedNamingTheField() {
        TestTenant t = registerTenant();
        Map<String, Object> valid = Map.of("name", "Sale", "code", "SALE", "discountType", "PERCENTAGE",
                "discountValue", 10);
        // one case per way a 400 is made; the constraints field by field: CouponRequestValidationTest (a request's
        // own) and CouponTest (the discount terms as a whole)
        assertBadRequest(post(t, without(valid, "name")), "name");
        assertBadRequest(post(t, with(valid, "discountValue", 150)), "discountValue");
        assertBadRequest(post(t, with(valid, "discountType", "BOGUS")), "discountType");
        assertBadRequest(post(t, with(valid, "duration", "WEEKLY")), "duration");
        assertBadRequest(post(t, with(valid, "expiresAt", "next tuesday")), "expiresAt");
        assertBadRequest(post(t, with(valid, "planIds", "pln_1")), "planIds");
        assertBadRequest(post(t, with(valid, "metadata", List.of(1))), "metadata");
        assertThat(api().post("/api/coupons", t.apiKey(), "{\"name\":").status()).isEqualTo(400);
        assertThat(api().get("/api/coupons", t.apiKey()).total()).as("nothing stored").isZero();

        String id = catalog(t).coupon(valid);
        assertBadRequest(api().patch("/api/coupons/" + id, t.apiKey(), Map.of("name", " ")), "name");
        assertBadRequest(api().patch("/api/coupons/" + id, t.apiKey(), Map.of("discountValue", 101)), "discountValue");
        assertBadRequest(api().patch("/api/coupons/" + id, t.apiKey(), Map.of("currency", "USD")), "currency");
        Api.Response toFixed = api().patch("/api/coupons/" + id, t.apiKey(),
                Map.of("discountType", "fixed_amount", "discountValue", 5, "currency", "EUR"));
        assertThat(toFixed.status()).as("terms may change before the first redemption: " + toFixed.text()).isEqualTo(200);
        assertThat(toFixed.body().get("discountType").asText()).isEqualTo("FIXED_AMOUNT");
        assertThat(toFixed.body().get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void planScopeMustNameExistingPlansOfTheTenantAndKeepsThemFromDeletion() {
        TestTenant t = registerTenant();
        String plan = catalog(t).plan("MONTHLY", "USD", 49.99);
        String coupon = catalog(t).coupon(Map.of("planIds", List.of(plan, plan)));
        assertThat(api().get("/api/coupons/" + coupon, t.apiKey()).body().get("planIds"))
                .extracting(JsonNode::asText).containsExactly(plan);

        String missingPlan = "pln_" + hex24();
        Api.Response unknown = catalog(t).tryCoupon(Map.of("code", "X1", "planIds", List.of(missingPlan)));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("message").asText()).isEqualTo("Plan with id '" + missingPlan + "' not found");
        TestTenant other = registerTenant();
        String foreignPlan = catalog(other).plan("MONTHLY", "USD", 49.99);
        Api.Response foreign = catalog(t).tryCoupon(Map.of("code", "X2", "planIds", List.of(foreignPlan)));
        assertThat(foreign.status()).as("another tenant's plan").isEqualTo(404);
        assertThat(foreign.body().get("message").asText()).isEqualTo("Plan with id '" + foreignPlan + "' not found");
        assertThat(api().patch("/api/coupons/" + coupon, t.apiKey(), Map.of("planIds", List.of(foreignPlan))).status()).isEqualTo(404);

        Api.Response planDelete = api().delete("/api/plans/" + plan, t.apiKey());
        assertThat(planDelete.status()).as(planDelete.text()).isEqualTo(409);
        assertThat(planDelete.body().get("message").asText()).contains("coupon 'C-");
        assertThat(api().patch("/api/coupons/" + coupon, t.apiKey(), Map.of("planIds", List.of())).body().get("planIds")).isEmpty();
        assertThat(api().delete("/api/plans/" + plan, t.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void appliesByIdOrCodeListsAndRemovesApplications() {
        TestTenant t = registerTenant();
        String jane = catalog(t).customer("USD");
        String john = catalog(t).customer();
        String couponId = catalog(t).coupon(Map.of("code", "FIVE", "discountType", "FIXED_AMOUNT", "discountValue", 5,
                "currency", "USD", "duration", "REPEATING", "durationInPeriods", 2, "maxRedemptions", 5));

        assertThat(api().post("/api/coupons/apply", t.apiKey(), Map.of("couponCode", "FIVE", "customerId", jane,
                "subscriptionId", "sub_000000000000000000000000")).badRequestFields())
                .as("coupons apply to a customer; a subscription id is refused, not silently widened to the customer")
                .containsExactly("subscriptionId");
        Api.Response applied = api().post("/api/coupons/apply", t.apiKey(), Map.of("couponCode", "FIVE", "customerId", jane));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        JsonNode application = applied.body();
        String appliedId = application.get("id").asText();
        assertThat(appliedId).startsWith("apc_").hasSize(28);
        assertThat(application.get("couponId").asText()).isEqualTo(couponId);
        assertThat(application.get("couponCode").asText()).isEqualTo("FIVE");
        assertThat(application.get("customerId").asText()).isEqualTo(jane);
        assertThat(application.get("discountType").asText()).isEqualTo("FIXED_AMOUNT");
        assertThat(applied.text()).contains("\"discountValue\":5.00");
        assertThat(application.get("currency").asText()).isEqualTo("USD");
        assertThat(application.get("duration").asText()).isEqualTo("REPEATING");
        assertThat(application.get("durationInPeriods").asInt()).isEqualTo(2);
        assertThat(application.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(application.hasNonNull("appliedAt")).isTrue();
        assertThat(application.get("removedAt").isNull()).isTrue();

        Api.Response byId = api().post("/api/coupons/apply", t.apiKey(), Map.of("couponId", couponId, "customerId", john));
        assertThat(byId.status()).as("a customer without currency takes any fixed amount: " + byId.text()).isEqualTo(201);
        assertThat(api().get("/api/coupons/" + couponId, t.apiKey()).body().get("timesRedeemed").asInt()).isEqualTo(2);

        Api.Response janes = api().get("/api/coupons/applied/list?customerId=" + jane + "&status=active", t.apiKey());
        assertThat(janes.status()).isEqualTo(200);
        assertThat(janes.total()).isEqualTo(1);
        assertThat(janes.body().at("/data/0")).isEqualTo(application);
        Api.Response page = api().get("/api/coupons/applied/list?page=2&limit=1", t.apiKey());
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.body().at("/data/0/customerId").asText()).as("oldest application first").isEqualTo(john);
        assertBadRequest(api().get("/api/coupons/applied/list?status=PENDING", t.apiKey()), "status");

        Api.Response twice = api().post("/api/coupons/apply", t.apiKey(), Map.of("couponId", couponId, "customerId", jane));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("message").asText()).isEqualTo("Coupon 'FIVE' is already applied to customer '" + jane + "'");
        Api.Response deleteWhileApplied = api().delete("/api/coupons/" + couponId, t.apiKey());
        assertThat(deleteWhileApplied.status()).isEqualTo(409);
        assertThat(deleteWhileApplied.body().get("message").asText()).contains("is applied to 2 customers");
        Api.Response frozen = api().patch("/api/coupons/" + couponId, t.apiKey(), Map.of("discountValue", 6));
        assertThat(frozen.status()).isEqualTo(409);
        assertThat(frozen.body().at("/errors/0/field").asText()).isEqualTo("discountValue");
        Api.Response periodsWhileApplied = api().patch("/api/coupons/" + couponId, t.apiKey(), Map.of("durationInPeriods", 4));
        assertThat(periodsWhileApplied.status()).as(periodsWhileApplied.text()).isEqualTo(409);
        assertThat(periodsWhileApplied.body().at("/errors/0/field").asText()).isEqualTo("durationInPeriods");
        Api.Response belowRedemptions = api().patch("/api/coupons/" + couponId, t.apiKey(), Map.of("maxRedemptions", 1));
        assertThat(belowRedemptions.status()).isEqualTo(409);
        assertThat(belowRedemptions.body().at("/errors/0/field").asText()).isEqualTo("maxRedemptions");
        assertThat(api().patch("/api/coupons/" + couponId, t.apiKey(), Map.of("maxRedemptions", 2, "name", "Five off")).status())
                .as("down to the redemptions made, and other fields stay editable").isEqualTo(200);

        JsonNode auditState = api().get("/api/audit/aggregates/" + couponId, t.apiKey()).body().get("state");
        assertThat(auditState.get("timesRedeemed").asInt()).isEqualTo(2);
        assertThat(auditState.at("/appliedCoupons/" + appliedId + "/status").asText()).isEqualTo("ACTIVE");
        assertThat(auditState.has("customerId")).as("applications are kept apart from the coupon's fields").isFalse();

        Api.Response removed = api().delete("/api/coupons/applied/" + appliedId, t.apiKey());
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(removed.body().get("id").asText()).isEqualTo(appliedId);
        assertThat(removed.body().get("status").asText()).isEqualTo("REMOVED");
        assertThat(removed.body().hasNonNull("removedAt")).isTrue();
        Api.Response again = api().delete("/api/coupons/applied/" + appliedId, t.apiKey());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).contains("already removed");
        assertThat(api().delete("/api/coupons/applied/apc_" + hex24(), t.apiKey()).status()).isEqualTo(404);
        assertThat(api().delete("/api/coupons/applied/nonsense", t.apiKey()).status()).isEqualTo(404);
        assertThat(api().get("/api/coupons/applied/list?status=REMOVED", t.apiKey()).body().at("/data/0/id").asText()).isEqualTo(appliedId);
        assertThat(api().get("/api/coupons/" + couponId, t.apiKey()).body().get("timesRedeemed").asInt())
                .as("removing does not give the redemption back").isEqualTo(2);
        Api.Response exhausted = api().post("/api/coupons/apply", t.apiKey(), Map.of("couponId", couponId, "customerId", jane));
        assertThat(exhausted.status()).isEqualTo(409);
        assertThat(exhausted.body().get("message").asText()).isEqualTo("Coupon 'FIVE' has reached its maximum of 2 redemptions");

        String johnsApplication = byId.body().get("id").asText();
        assertThat(api().delete("/api/coupons/applied/" + johnsApplication, t.apiKey()).status()).isEqualTo(200);
        assertThat(api().delete("/api/coupons/" + couponId, t.apiKey()).status()).isEqualTo(200);
        assertThat(api().delete("/api/coupons/applied/" + johnsApplication, t.apiKey()).status())
                .as("applications of a deleted coupon").isEqualTo(404);
        assertThat(api().get("/api/coupons/applied/list?customerId=" + john, t.apiKey()).body().at("/data/0/status").asText())
                .as("history is kept for invoicing").isEqualTo("REMOVED");

        Api.Response audit = api().get("/api/audit/events?aggregateId=" + couponId + "&limit=100", t.apiKey());
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().get("data").findValuesAsText("type")).contains("CouponCreatedEvent", "CouponUpdatedEvent",
                "CouponAppliedEvent", "AppliedCouponRemovedEvent", "CouponDeletedEvent");
    }

    @Test
    void applyIsRefusedWhenInactiveExpiredOrInTheWrongCurrency() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("KES");
        catalog(t).coupon(Map.of("code", "OFF", "isActive", false));
        assertConflict(apply(t, "OFF", customer), "Coupon 'OFF' is inactive");

        catalog(t).coupon(Map.of("code", "USD5", "discountType", "FIXED_AMOUNT", "discountValue", 5, "currency", "USD"));
        assertConflict(apply(t, "USD5", customer), "Coupon 'USD5' discounts USD but customer '" + customer + "' is billed in KES");
        catalog(t).coupon(Map.of("code", "KES500", "discountType", "FIXED_AMOUNT", "discountValue", 500, "currency", "KES"));
        assertThat(apply(t, "KES500", customer).status()).isEqualTo(201);

        Instant soon = clock.instant().plusSeconds(2);
        catalog(t).coupon(Map.of("code", "SOON", "expiresAt", soon.toString()));
        clock.advance(Duration.ofSeconds(3));
        Api.Response expired = apply(t, "SOON", customer);
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.body().get("message").asText()).startsWith("Coupon 'SOON' expired at ");

        String missingCustomer = "cus_" + hex24();
        Api.Response noCustomer = apply(t, "KES500", missingCustomer);
        assertThat(noCustomer.status()).isEqualTo(404);
        assertThat(noCustomer.body().get("message").asText()).isEqualTo("Customer with id '" + missingCustomer + "' not found");
        Api.Response noCode = apply(t, "NOPE", customer);
        assertThat(noCode.status()).isEqualTo(404);
        assertThat(noCode.body().get("message").asText()).isEqualTo("Coupon with code 'NOPE' not found");
        String missingCoupon = "cpn_" + hex24();
        Api.Response noCoupon = api().post("/api/coupons/apply", t.apiKey(), Map.of("couponId", missingCoupon, "customerId", customer));
        assertThat(noCoupon.status()).isEqualTo(404);
        assertThat(noCoupon.body().get("message").asText()).isEqualTo("Coupon with id '" + missingCoupon + "' not found");

        assertBadRequest(api().post("/api/coupons/apply", t.apiKey(), Map.of("customerId", customer)), "couponId");
        assertBadRequest(api().post("/api/coupons/apply", t.apiKey(),
                Map.of("couponId", missingCoupon, "couponCode", "OFF", "customerId", customer)), "couponCode");
        assertBadRequest(api().post("/api/coupons/apply", t.apiKey(), Map.of("couponCode", "OFF")), "customerId");
    }

    @Test
    void concurrentAppliesNeverExceedMaxRedemptions() throws Exception {
        TestTenant t = registerTenant();
        String couponId = catalog(t).coupon(Map.of("code", "FIRST3", "maxRedemptions", 3));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            customers.add(catalog(t).customer());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> applies = customers.stream()
                    .<Callable<Integer>>map(customer -> () -> api().post("/api/coupons/apply", t.apiKey(),
                            Map.of("couponId", couponId, "customerId", customer)).status())
                    .toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(applies)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api().get("/api/coupons/" + couponId, t.apiKey()).body().get("timesRedeemed").asInt()).isEqualTo(3);
        assertThat(api().get("/api/coupons/applied/list", t.apiKey()).total()).isEqualTo(3);
    }

    @Test
    void anotherTenantsCouponsApplicationsAndCustomersAreIndistinguishableFromMissingOnes() {
        TestTenant a = registerTenant();
        TestTenant b = registerTenant();
        String aCustomer = catalog(a).customer();
        String aCoupon = catalog(a).coupon(Map.of("code", "PRIVATE"));
        String aApplication = apply(a, "PRIVATE", aCustomer).body().get("id").asText();
        String missingCoupon = "cpn_" + hex24();

        for (String[] route : new String[][]{{"GET", ""}, {"PATCH", "{\"name\":\"Hijack\"}"}, {"DELETE", ""}}) {
            Api.Response foreign = api().send(route[0], "/api/coupons/" + aCoupon, b.apiKey(), route[1].isEmpty() ? null : route[1]);
            Api.Response absent = api().send(route[0], "/api/coupons/" + missingCoupon, b.apiKey(), route[1].isEmpty() ? null : route[1]);
            assertThat(foreign.status()).as(route[0]).isEqualTo(404);
            assertThat(normalise(foreign.body(), aCoupon)).as(route[0] + " same body").isEqualTo(normalise(absent.body(), missingCoupon));
        }
        String missingApplication = "apc_" + hex24();
        Api.Response foreignRemoval = api().delete("/api/coupons/applied/" + aApplication, b.apiKey());
        Api.Response absentRemoval = api().delete("/api/coupons/applied/" + missingApplication, b.apiKey());
        assertThat(foreignRemoval.status()).isEqualTo(404);
        assertThat(normalise(foreignRemoval.body(), aApplication)).isEqualTo(normalise(absentRemoval.body(), missingApplication));

        String bCustomer = catalog(b).customer();
        Api.Response foreignCoupon = api().post("/api/coupons/apply", b.apiKey(), Map.of("couponId", aCoupon, "customerId", bCustomer));
        assertThat(foreignCoupon.status()).isEqualTo(404);
        assertThat(apply(b, "PRIVATE", bCustomer).status()).as("another tenant's code").isEqualTo(404);
        catalog(b).coupon(Map.of("code", "PRIVATE"));
        Api.Response foreignCustomer = apply(b, "PRIVATE", aCustomer);
        assertThat(foreignCustomer.status()).isEqualTo(404);
        assertThat(foreignCustomer.body().get("message").asText()).isEqualTo("Customer with id '" + aCustomer + "' not found");

        assertThat(api().get("/api/coupons/applied/list?customerId=" + aCustomer, b.apiKey()).total()).isZero();
        assertThat(api().get("/api/coupons", b.apiKey()).total()).isEqualTo(1);
        JsonNode untouched = api().get("/api/coupons/" + aCoupon, a.apiKey()).body();
        assertThat(untouched.get("name").asText()).isEqualTo("Coupon");
        assertThat(untouched.get("timesRedeemed").asInt()).isEqualTo(1);
    }

    @Test
    void duplicateCodeIsAConflictWithinATenantOnly() {
        TestTenant t = registerTenant();
        catalog(t).coupon(Map.of("code", "DUP"));
        Api.Response duplicate = catalog(t).tryCoupon(Map.of("code", "DUP"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().at("/errors/0/field").asText()).isEqualTo("code");
        assertThat(duplicate.body().get("message").asText()).isEqualTo("A coupon with code 'DUP' already exists");
        String other = catalog(t).coupon(Map.of("code", "OTHER"));
        Api.Response renamed = api().patch("/api/coupons/" + other, t.apiKey(), Map.of("code", "DUP"));
        assertThat(renamed.status()).isEqualTo(409);
        assertThat(renamed.body().at("/errors/0/field").asText()).isEqualTo("code");
        assertThat(catalog(registerTenant()).coupon(Map.of("code", "DUP"))).as("codes are unique per tenant").startsWith("cpn_");
    }

    @Test
    void rebuildingTheCouponProjectionReproducesCouponsAndApplications() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("USD");
        String kept = catalog(t).coupon(Map.of("code", "KEPT", "discountType", "FIXED_AMOUNT", "discountValue", 2.5,
                "currency", "USD", "planIds", List.of(catalog(t).plan("MONTHLY", "USD", 49.99))));
        api().patch("/api/coupons/" + kept, t.apiKey(), Map.of("name", "Kept coupon"));
        String removedApplication = apply(t, "KEPT", customer).body().get("id").asText();
        api().delete("/api/coupons/applied/" + removedApplication, t.apiKey());
        apply(t, "KEPT", customer);
        String gone = catalog(t).coupon(Map.of("code", "GONE", "discountValue", 33.3333));
        api().delete("/api/coupons/applied/" + apply(t, "GONE", customer).body().get("id").asText(), t.apiKey());
        assertThat(api().delete("/api/coupons/" + gone, t.apiKey()).status()).isEqualTo(200);
        JsonNode couponsBefore = api().get("/api/coupons", t.apiKey()).body();
        JsonNode applicationsBefore = api().get("/api/coupons/applied/list", t.apiKey()).body();
        assertThat(applicationsBefore.at("/meta/total").asLong()).isEqualTo(3);

        Api.Response started = api().post("/api/admin/projections/rebuild?processor=coupons", t.accessToken(), Map.of());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        await().untilAsserted(() -> {
            JsonNode coupons = null;
            for (JsonNode processor : api().get("/api/admin/projections", t.accessToken()).body().get("data")) {
                if (processor.get("name").asText().equals("coupons")) {
                    coupons = processor;
                }
            }
            assertThat(coupons).isNotNull();
            assertThat(coupons.get("caughtUp").asBoolean()).isTrue();
        });
        assertThat(api().get("/api/coupons", t.apiKey()).body()).isEqualTo(couponsBefore);
        assertThat(api().get("/api/coupons/applied/list", t.apiKey()).body()).isEqualTo(applicationsBefore);
    }

    @Test
    void openApiDocumentsTheCouponEndpointsAndEnums() {
        JsonNode doc = api().get("/api/openapi.json", null).body();
        for (String endpoint : List.of("get /api/coupons", "post /api/coupons", "get /api/coupons/{couponId}",
                "patch /api/coupons/{couponId}", "delete /api/coupons/{couponId}", "post /api/coupons/apply",
                "delete /api/coupons/applied/{appliedCouponId}", "get /api/coupons/applied/list")) {
            String[] parts = endpoint.split(" ");
            assertThat(operation(doc, parts[0], parts[1]).isMissingNode()).as(endpoint + " is documented").isFalse();
        }
        JsonNode schemas = doc.at("/components/schemas");
        assertThat(enumOf(schemas.at("/CreateCouponRequest/properties/discountType"))).containsExactly("PERCENTAGE", "FIXED_AMOUNT");
        assertThat(enumOf(schemas.at("/CreateCouponRequest/properties/duration"))).containsExactly("ONCE", "REPEATING", "FOREVER");
        assertThat(enumOf(schemas.at("/CouponView/properties/discountType"))).containsExactly("PERCENTAGE", "FIXED_AMOUNT");
        assertThat(enumOf(schemas.at("/AppliedCouponView/properties/status"))).containsExactly("ACTIVE", "REMOVED", "EXHAUSTED");
        assertThat(schemas.at("/CouponView/properties").has("isActive")).isTrue();
        assertThat(schemas.at("/CreateCouponRequest/properties").has("isActive")).isTrue();
        JsonNode statusParameter = null;
        for (JsonNode parameter : operation(doc, "get", "/api/coupons/applied/list").path("parameters")) {
            if (parameter.get("name").asText().equals("status")) {
                statusParameter = parameter;
            }
        }
        assertThat(statusParameter).isNotNull();
        assertThat(enumOf(statusParameter.get("schema"))).containsExactly("ACTIVE", "REMOVED", "EXHAUSTED");
    }

    @Test
    void aCustomerACouponStillDiscountsIsNotDeleted() {
        TestTenant t = sharedTenant();
        String customerId = catalog(t).customer("USD");
        String code = uniqueCode("KEEP").toUpperCase();
        catalog(t).coupon(Map.of("code", code));
        Api.Response applied = apply(t, code, customerId);
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        String appliedId = applied.body().get("id").asText();

        assertConflict(api().delete("/api/customers/" + customerId, t.apiKey()), "Customer has active coupon "
                + "applications " + appliedId + "; remove them first (DELETE /coupons/applied/{id})");
        assertThat(api().get("/api/customers/" + customerId, t.apiKey()).status()).isEqualTo(200);

        assertThat(api().delete("/api/coupons/applied/" + appliedId, t.apiKey()).status()).isEqualTo(200);
        assertThat(api().delete("/api/customers/" + customerId, t.apiKey()).status()).isEqualTo(200);
        assertThat(api().get("/api/customers/" + customerId, t.apiKey()).status()).isEqualTo(404);
    }

    private static void assertBadRequest(Api.Response response, String field) {
        assertThat(response.badRequestFields()).as(response.text()).contains(field);
    }

    private static void assertConflict(Api.Response response, String message) {
        assertThat(response.status()).as(response.text()).isEqualTo(409);
        assertThat(response.body().get("message").asText()).isEqualTo(message);
    }

    private Api.Response post(TestTenant t, Map<String, Object> body) {
        return api().post("/api/coupons", t.apiKey(), body);
    }

    private Api.Response apply(TestTenant t, String couponCode, String customerId) {
        return api().post("/api/coupons/apply", t.apiKey(), Map.of("couponCode", couponCode, "customerId", customerId));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.remove(field);
        return changed;
    }

    private static String hex24() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static String normalise(JsonNode error, String id) {
        return error.get("statusCode").asText() + "|" + error.get("error").asText() + "|"
                + error.get("message").asText().replace(id, "<id>");
    }
}
