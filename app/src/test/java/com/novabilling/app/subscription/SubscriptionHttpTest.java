package com.novabilling.app.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscription endpoints of issue 11 items 1–4, over HTTP (docs/billing-rules.md §10). */
class SubscriptionHttpTest extends IntegrationTest {

    @Test
    void createsWithTheCustomersCurrencyAndReadsBackWithPlanAndCustomer() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("KES");
        String plan = catalog(t).plan("MONTHLY", 0, Map.of("USD", 49.99, "KES", 6500));

        Api.Response created = api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer,
                "planId", plan, "metadata", Map.of("source", "web")));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode s = created.body();
        assertThat(s.get("id").asText()).startsWith("sub_");
        assertThat(s.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(s.get("customerId").asText()).isEqualTo(customer);
        assertThat(s.get("planId").asText()).isEqualTo(plan);
        assertThat(s.get("currency").asText()).isEqualTo("KES");
        Instant start = Instant.parse(s.get("currentPeriodStart").asText());
        Instant end = Instant.parse(s.get("currentPeriodEnd").asText());
        assertThat(end).isEqualTo(start.atZone(ZoneId.of("UTC")).plusMonths(1).toInstant());
        for (String field : List.of("trialStart", "trialEnd", "cancelAt", "canceledAt", "pausedAt", "pendingChange")) {
            assertThat(s.get(field).isNull()).as(field).isTrue();
        }
        assertThat(s.get("cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(s.at("/metadata/source").asText()).isEqualTo("web");
        assertThat(s.get("createdAt").asText()).isNotBlank();
        assertThat(s.at("/plan/id").asText()).isEqualTo(plan);
        assertThat(s.at("/plan/billingInterval").asText()).isEqualTo("MONTHLY");
        assertThat(s.at("/plan/amount").decimalValue()).isEqualByComparingTo("6500");
        assertThat(s.at("/customer/id").asText()).isEqualTo(customer);
        assertThat(s.at("/customer/email").asText()).contains("@example.com");

        Api.Response read = api().get("/api/subscriptions/" + s.get("id").asText(), t.apiKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());

        Api.Response usd = api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer,
                "planId", plan, "currency", "usd"));
        assertThat(usd.status()).as(usd.text()).isEqualTo(201);
        assertThat(usd.body().get("currency").asText()).isEqualTo("USD");
        assertThat(usd.body().at("/plan/amount").decimalValue()).isEqualByComparingTo("49.99");
    }

    @Test
    void aTrialMakesItTrialingAndTrialDaysZeroOverridesThePlans() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("USD");
        String plan = catalog(t).plan("MONTHLY", 14, Map.of("USD", 10));

        JsonNode trialing = created(t, Map.of("customerId", customer, "planId", plan));
        assertThat(trialing.get("status").asText()).isEqualTo("TRIALING");
        Instant trialStart = Instant.parse(trialing.get("trialStart").asText());
        assertThat(Instant.parse(trialing.get("trialEnd").asText())).isEqualTo(trialStart.plus(Duration.ofDays(14)));
        assertThat(trialing.get("currentPeriodEnd").asText()).isEqualTo(trialing.get("trialEnd").asText());

        JsonNode noTrial = created(t, Map.of("customerId", customer, "planId", plan, "trialDays", 0));
        assertThat(noTrial.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(noTrial.get("trialEnd").isNull()).isTrue();
    }

    @Test
    void aCalendarAnchorAlignsToTheMonthInTheTenantsTimeZone() {
        TestTenant t = registerTenant();
        Api.Response zone = api().patch("/api/tenants/me", t.accessToken(),
                Map.of("settings", Map.of("timezone", "Africa/Nairobi")));
        assertThat(zone.status()).as(zone.text()).isEqualTo(200);
        String customer = catalog(t).customer("USD");
        String plan = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));

        JsonNode s = created(t, Map.of("customerId", customer, "planId", plan, "billingAnchor", "calendar"));

        ZonedDateTime start = Instant.parse(s.get("currentPeriodStart").asText()).atZone(ZoneId.of("Africa/Nairobi"));
        Instant nextMonth = start.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).plusMonths(1).toInstant();
        assertThat(Instant.parse(s.get("currentPeriodEnd").asText())).isEqualTo(nextMonth);
        assertThat(s.get("currentPeriodEnd").asText()).endsWith("T21:00:00Z");
    }

    @Test
    void refusesBadInputNamingTheField() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("KES");
        String usdOnly = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));

        assertThat(api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer, "planId", usdOnly))
                .badRequestFields()).containsExactly("currency");
        assertThat(api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer, "planId", usdOnly,
                "currency", "EUR")).badRequestFields()).containsExactly("currency");
        assertThat(api().post("/api/subscriptions", t.apiKey(), Map.of("planId", usdOnly)).badRequestFields())
                .containsExactly("customerId");
        assertThat(api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer, "planId", usdOnly,
                "currency", "USD", "trialDays", -1)).badRequestFields()).containsExactly("trialDays");
        assertThat(api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer, "planId", usdOnly,
                "currency", "USD", "billingAnchor", "weekly")).badRequestFields()).containsExactly("billingAnchor");
        Instant twoYearsAgo = clock.instant().minus(Duration.ofDays(730)).truncatedTo(ChronoUnit.SECONDS);
        Api.Response backdated = api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer,
                "planId", usdOnly, "currency", "USD", "startDate", twoYearsAgo.toString()));
        assertThat(backdated.badRequestFields()).containsExactly("startDate");
        String hourly = catalog(t).plan("HOURLY", 0, Map.of("USD", 1));
        Api.Response hoursAgo = api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer,
                "planId", hourly, "currency", "USD",
                "startDate", clock.instant().minus(Duration.ofHours(1_001)).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(hoursAgo.badRequestFields()).containsExactly("startDate");

        JsonNode backdatedWithinBounds = created(t, Map.of("customerId", customer, "planId", usdOnly, "currency", "USD",
                "startDate", clock.instant().minus(Duration.ofDays(45)).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(Instant.parse(backdatedWithinBounds.get("currentPeriodEnd").asText()))
                .as("the answer shows the period that is current now").isAfter(clock.instant());
        assertThat(api().get("/api/subscriptions?status=bogus", t.apiKey()).badRequestFields())
                .containsExactly("status");
    }

    @Test
    void unknownMalformedAndAnotherTenantsIdsAre404OnEveryRoute() {
        TestTenant t = sharedTenant();
        TestTenant stranger = strangerTenant();
        String customer = catalog(t).customer("USD");
        String plan = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));
        String id = created(t, Map.of("customerId", customer, "planId", plan)).get("id").asText();

        assertThat(api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", "cus_000000000000000000000000",
                "planId", plan)).status()).isEqualTo(404);
        assertThat(api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer,
                "planId", "pln_000000000000000000000000")).status()).isEqualTo(404);
        assertThat(api().post("/api/subscriptions", stranger.apiKey(), Map.of("customerId", customer,
                "planId", plan)).status()).isEqualTo(404);
        for (String unknown : List.of(id, "sub_000000000000000000000000", "nonsense")) {
            String token = unknown.equals(id) ? stranger.apiKey() : t.apiKey();
            assertThat(api().get("/api/subscriptions/" + unknown, token).status()).as(unknown).isEqualTo(404);
            assertThat(api().patch("/api/subscriptions/" + unknown, token, Map.of("metadata", Map.of("a", "b")))
                    .status()).as(unknown).isEqualTo(404);
            assertThat(api().post("/api/subscriptions/" + unknown + "/cancel", token, Map.of()).status())
                    .as(unknown).isEqualTo(404);
            assertThat(api().post("/api/subscriptions/" + unknown + "/pause", token, null).status())
                    .as(unknown).isEqualTo(404);
            assertThat(api().post("/api/subscriptions/" + unknown + "/resume", token, null).status())
                    .as(unknown).isEqualTo(404);
            assertThat(api().post("/api/subscriptions/" + unknown + "/change-plan", token, Map.of("planId", plan))
                    .status()).as(unknown).isEqualTo(404);
        }
        assertThat(api().get("/api/customers/" + customer + "/subscriptions", stranger.apiKey()).status())
                .isEqualTo(404);
        assertThat(api().get("/api/subscriptions?customerId=" + customer, stranger.apiKey()).total()).isZero();
        Api.Response mine = api().get("/api/subscriptions/" + id, t.apiKey());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get("metadata")).isEmpty();
    }

    @Test
    void listsFilterByStatusInAnyCasePlanAndCustomerAndPageAcustomersSubscriptions() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("USD");
        String basic = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));
        String trial = catalog(t).plan("MONTHLY", 7, Map.of("USD", 10));
        String active = created(t, Map.of("customerId", customer, "planId", basic)).get("id").asText();
        String trialing = created(t, Map.of("customerId", customer, "planId", trial)).get("id").asText();

        Api.Response byStatus = api().get("/api/subscriptions?status=trialing&customerId=" + customer, t.apiKey());
        assertThat(byStatus.total()).isEqualTo(1);
        assertThat(byStatus.body().at("/data/0/id").asText()).isEqualTo(trialing);
        assertThat(byStatus.body().at("/data/0/plan").isNull()).as("lists do not embed").isTrue();
        Api.Response byPlan = api().get("/api/subscriptions?status=ACTIVE&planId=" + basic, t.apiKey());
        assertThat(byPlan.total()).isEqualTo(1);
        assertThat(byPlan.body().at("/data/0/id").asText()).isEqualTo(active);

        Api.Response page = api().get("/api/customers/" + customer + "/subscriptions?page=2&limit=1", t.apiKey());
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.body().at("/meta/totalPages").asInt()).isEqualTo(2);
        assertThat(page.body().at("/data/0/id").asText()).as("newest first").isEqualTo(active);
        assertThat(api().get("/api/customers/" + customer + "/subscriptions?limit=0", t.apiKey())
                .badRequestFields()).containsExactly("limit");
        assertThat(api().get("/api/customers/cus_000000000000000000000000/subscriptions", t.apiKey()).status())
                .isEqualTo(404);
    }

    @Test
    void patchChangesOnlyTheMetadata() {
        TestTenant t = sharedTenant();
        String id = created(t, Map.of("customerId", catalog(t).customer("USD"), "planId", catalog(t).plan("MONTHLY", 0,
                Map.of("USD", 10)), "metadata", Map.of("a", "1"))).get("id").asText();

        Api.Response patched = api().patch("/api/subscriptions/" + id, t.apiKey(), Map.of("metadata", Map.of("b", "2")));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.body().get("metadata")).hasSize(1);
        assertThat(patched.body().at("/metadata/b").asText()).isEqualTo("2");
        assertThat(api().get("/api/subscriptions/" + id, t.apiKey()).body().at("/metadata/b").asText()).isEqualTo("2");
        Api.Response empty = api().patch("/api/subscriptions/" + id, t.apiKey(), Map.of());
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body().at("/metadata/b").asText()).isEqualTo("2");
        assertThat(api().patch("/api/subscriptions/" + id, t.apiKey(), Map.of("status", "CANCELED"))
                .badRequestFields()).containsExactly("status");
    }

    @Test
    void seedCancelCurlsWithRealIds() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("USD");
        String plan = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));
        String id = created(t, Map.of("customerId", customer, "planId", plan)).get("id").asText();

        Api.Response atPeriodEnd = api().post("/api/subscriptions/" + id + "/cancel", t.apiKey(), """
                { "cancelAt": "period_end" }""");
        assertThat(atPeriodEnd.status()).as(atPeriodEnd.text()).isEqualTo(200);
        assertThat(atPeriodEnd.body().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(atPeriodEnd.body().get("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(atPeriodEnd.body().get("cancelAt").asText())
                .isEqualTo(atPeriodEnd.body().get("currentPeriodEnd").asText());
        Api.Response again = api().post("/api/subscriptions/" + id + "/cancel", t.apiKey(),
                Map.of("cancelAtPeriodEnd", true));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("updatedAt")).isEqualTo(atPeriodEnd.body().get("updatedAt"));

        Api.Response now = api().post("/api/subscriptions/" + id + "/cancel", t.apiKey(), """
                { "cancelAt": "now" }""");
        assertThat(now.status()).as(now.text()).isEqualTo(200);
        assertThat(now.body().get("status").asText()).isEqualTo("CANCELED");
        assertThat(now.body().get("canceledAt").isNull()).isFalse();
        Api.Response twice = api().post("/api/subscriptions/" + id + "/cancel", t.apiKey(), Map.of("cancelAt", "now"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("message").asText()).contains("CANCELED");

        String other = created(t, Map.of("customerId", customer, "planId", plan)).get("id").asText();
        assertThat(api().post("/api/subscriptions/" + other + "/cancel", t.apiKey(),
                Map.of("cancelAt", "now", "cancelAtPeriodEnd", true)).badRequestFields())
                .containsExactly("cancelAtPeriodEnd");
        assertThat(api().post("/api/subscriptions/" + other + "/cancel", t.apiKey(), Map.of("cancelAt", "later"))
                .badRequestFields()).containsExactly("cancelAt");
        Api.Response sdk = api().post("/api/subscriptions/" + other + "/cancel", t.apiKey(),
                Map.of("cancelAtPeriodEnd", false));
        assertThat(sdk.body().get("status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void pauseAndResumeAndTheirIllegalTransitions() {
        TestTenant t = sharedTenant();
        String id = created(t, Map.of("customerId", catalog(t).customer("USD"), "planId", catalog(t).plan("MONTHLY", 0,
                Map.of("USD", 10)))).get("id").asText();

        Api.Response resumeActive = api().post("/api/subscriptions/" + id + "/resume", t.apiKey(), null);
        assertThat(resumeActive.status()).isEqualTo(409);
        assertThat(resumeActive.body().get("message").asText()).contains("ACTIVE");

        Api.Response paused = api().post("/api/subscriptions/" + id + "/pause", t.apiKey(), null);
        assertThat(paused.status()).as(paused.text()).isEqualTo(200);
        assertThat(paused.body().get("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.body().get("pausedAt").isNull()).isFalse();
        assertThat(api().post("/api/subscriptions/" + id + "/pause", t.apiKey(), null).status()).isEqualTo(409);
        Api.Response audited = api().get("/api/audit/aggregates/" + id, t.apiKey());
        assertThat(audited.status()).as(audited.text()).isEqualTo(200);
        assertThat(audited.body().at("/state/status").asText()).isEqualTo("PAUSED");

        clock.advance(Duration.ofSeconds(5));
        {
            Api.Response resumed = api().post("/api/subscriptions/" + id + "/resume", t.apiKey(), null);
            assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
            assertThat(resumed.body().get("status").asText()).isEqualTo("ACTIVE");
            assertThat(resumed.body().get("pausedAt").isNull()).isTrue();
            Instant endBefore = Instant.parse(paused.body().get("currentPeriodEnd").asText());
            assertThat(Instant.parse(resumed.body().get("currentPeriodEnd").asText()))
                    .as("stretched by the paused seconds").isAfterOrEqualTo(endBefore.plusSeconds(5));
        }

        api().post("/api/subscriptions/" + id + "/cancel", t.apiKey(), Map.of("cancelAt", "now"));
        Api.Response pauseCanceled = api().post("/api/subscriptions/" + id + "/pause", t.apiKey(), null);
        assertThat(pauseCanceled.status()).isEqualTo(409);
        assertThat(pauseCanceled.body().get("message").asText()).contains("CANCELED");
    }

    @Test
    void changePlanUpgradesNowAndDowngradesAtPeriodEnd() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("USD");
        String basic = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));
        String pro = catalog(t).plan("MONTHLY", 0, Map.of("USD", 50));
        String kesOnly = catalog(t).plan("MONTHLY", 0, Map.of("KES", 5000));
        String id = created(t, Map.of("customerId", customer, "planId", basic)).get("id").asText();

        Api.Response upgraded = api().post("/api/subscriptions/" + id + "/change-plan", t.apiKey(),
                Map.of("planId", pro));
        assertThat(upgraded.status()).as(upgraded.text()).isEqualTo(200);
        assertThat(upgraded.body().get("planId").asText()).isEqualTo(pro);
        assertThat(upgraded.body().at("/plan/amount").decimalValue()).isEqualByComparingTo("50");
        assertThat(upgraded.body().get("pendingChange").isNull()).isTrue();

        Api.Response downgrade = api().post("/api/subscriptions/" + id + "/change-plan", t.apiKey(),
                Map.of("newPlanId", basic));
        assertThat(downgrade.status()).as(downgrade.text()).isEqualTo(200);
        assertThat(downgrade.body().get("planId").asText()).isEqualTo(pro);
        assertThat(downgrade.body().at("/pendingChange/planId").asText()).isEqualTo(basic);
        assertThat(downgrade.body().at("/pendingChange/kind").asText()).isEqualTo("DOWNGRADE");
        assertThat(downgrade.body().at("/pendingChange/effectiveAt").asText())
                .isEqualTo(downgrade.body().get("currentPeriodEnd").asText());

        Api.Response same = api().post("/api/subscriptions/" + id + "/change-plan", t.apiKey(), Map.of("planId", pro));
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.body().at("/errors/0/field").asText()).isEqualTo("planId");
        assertThat(api().post("/api/subscriptions/" + id + "/change-plan", t.apiKey(), Map.of("planId", kesOnly))
                .status()).isEqualTo(409);
        assertThat(api().post("/api/subscriptions/" + id + "/change-plan", t.apiKey(),
                Map.of("planId", "pln_000000000000000000000000")).status()).isEqualTo(404);
        assertThat(api().post("/api/subscriptions/" + id + "/change-plan", t.apiKey(), Map.of()).badRequestFields())
                .containsExactly("planId");
        assertThat(api().post("/api/subscriptions/" + id + "/change-plan", t.apiKey(),
                Map.of("planId", basic, "timing", "tomorrow")).badRequestFields()).containsExactly("timing");
        Api.Response immediateDowngrade = api().post("/api/subscriptions/" + id + "/change-plan", t.apiKey(),
                Map.of("planId", basic, "timing", "immediate"));
        assertThat(immediateDowngrade.status()).as(immediateDowngrade.text()).isEqualTo(200);
        assertThat(immediateDowngrade.body().get("planId").asText()).isEqualTo(basic);
        assertThat(immediateDowngrade.body().get("pendingChange").isNull()).isTrue();
    }

    @Test
    void inactivePlansAndDeletedCustomersAreConflicts() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("USD");
        String plan = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));
        assertThat(api().patch("/api/plans/" + plan, t.apiKey(), Map.of("active", false)).status()).isEqualTo(200);
        Api.Response inactive = api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer,
                "planId", plan));
        assertThat(inactive.status()).as(inactive.text()).isEqualTo(409);
        assertThat(inactive.body().at("/errors/0/field").asText()).isEqualTo("planId");

        String active = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));
        assertThat(api().delete("/api/customers/" + customer, t.apiKey()).status()).isEqualTo(200);
        Api.Response deleted = api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer,
                "planId", active));
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(409);
        assertThat(deleted.body().get("message").asText()).contains("deleted");

        String again = catalog(t).customer("USD");
        assertThat(again).isNotEqualTo(customer);
    }

    @Test
    void plansWithSubscriptionsAndCustomersWithLiveOnesAreNotDeleted() {
        TestTenant t = sharedTenant();
        String customer = catalog(t).customer("USD");
        String plan = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));
        String id = created(t, Map.of("customerId", customer, "planId", plan)).get("id").asText();

        Api.Response planDelete = api().delete("/api/plans/" + plan, t.apiKey());
        assertThat(planDelete.status()).as(planDelete.text()).isEqualTo(409);
        assertThat(planDelete.body().get("message").asText()).contains("1 subscription");
        Api.Response customerDelete = api().delete("/api/customers/" + customer, t.apiKey());
        assertThat(customerDelete.status()).as(customerDelete.text()).isEqualTo(409);
        assertThat(customerDelete.body().get("message").asText()).contains(id);

        api().post("/api/subscriptions/" + id + "/cancel", t.apiKey(), Map.of("cancelAt", "now"));
        assertThat(api().delete("/api/customers/" + customer, t.apiKey()).status()).isEqualTo(200);
        assertThat(api().delete("/api/plans/" + plan, t.apiKey()).status())
                .as("a canceled subscription still keeps its plan").isEqualTo(409);
        Api.Response afterDelete = api().get("/api/subscriptions/" + id, t.apiKey());
        assertThat(afterDelete.status()).isEqualTo(200);
        assertThat(afterDelete.body().get("customer").isNull()).isTrue();

        String unused = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));
        assertThat(api().delete("/api/plans/" + unused, t.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void aCustomerDeletedWhileSubscribedNeverLeavesALiveSubscriptionBehind() throws Exception {
        TestTenant t = sharedTenant();
        String plan = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String customer = catalog(t).customer("USD");
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<Api.Response> subscribe = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return api().post("/api/subscriptions", t.apiKey(), Map.of("customerId", customer, "planId", plan));
                }, threads);
                CompletableFuture<Api.Response> delete = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return api().delete("/api/customers/" + customer, t.apiKey());
                }, threads);
                go.countDown();
                int subscribed = subscribe.get().status();
                int deleted = delete.get().status();
                // one of them wins, never both: a live subscription of a deleted customer would be billed forever
                if (subscribed == 201) {
                    assertThat(deleted).as(delete.get().text()).isEqualTo(409);
                } else {
                    assertThat(subscribed).as(subscribe.get().text()).isEqualTo(409);
                    assertThat(deleted).isEqualTo(200);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void rebuildingTheProjectionGivesTheSameReadModel() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("USD");
        String basic = catalog(t).plan("MONTHLY", 0, Map.of("USD", 10));
        String pro = catalog(t).plan("MONTHLY", 0, Map.of("USD", 50));
        String trial = catalog(t).plan("MONTHLY", 14, Map.of("USD", 10));
        String changed = created(t, Map.of("customerId", customer, "planId", basic)).get("id").asText();
        api().post("/api/subscriptions/" + changed + "/change-plan", t.apiKey(), Map.of("planId", pro));
        api().post("/api/subscriptions/" + changed + "/change-plan", t.apiKey(), Map.of("planId", basic));
        String paused = created(t, Map.of("customerId", customer, "planId", basic)).get("id").asText();
        api().post("/api/subscriptions/" + paused + "/pause", t.apiKey(), null);
        String cancelling = created(t, Map.of("customerId", customer, "planId", trial)).get("id").asText();
        api().post("/api/subscriptions/" + cancelling + "/cancel", t.apiKey(), Map.of("cancelAt", "period_end"));
        api().patch("/api/subscriptions/" + cancelling, t.apiKey(), Map.of("metadata", Map.of("k", "v")));
        JsonNode before = api().get("/api/subscriptions?limit=100", t.apiKey()).body();
        List<JsonNode> each = new ArrayList<>();
        for (String id : List.of(changed, paused, cancelling)) {
            each.add(api().get("/api/subscriptions/" + id, t.apiKey()).body());
        }

        Api.Response started = api().post("/api/admin/projections/rebuild?processor=subscriptions", t.accessToken(),
                Map.of());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = api().get("/api/admin/projections", t.accessToken()).body();
            boolean caughtUp = false;
            for (JsonNode p : status.get("data")) {
                if (p.get("name").asText().equals("subscriptions")) {
                    caughtUp = p.get("caughtUp").asBoolean() && p.get("progress").asDouble() == 1.0;
                }
            }
            assertThat(caughtUp).isTrue();
        });

        assertThat(api().get("/api/subscriptions?limit=100", t.apiKey()).body()).isEqualTo(before);
        assertThat(before.at("/meta/total").asLong()).isEqualTo(3);
        List<String> ids = List.of(changed, paused, cancelling);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(api().get("/api/subscriptions/" + ids.get(i), t.apiKey()).body()).isEqualTo(each.get(i));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode created(TestTenant t, Map<String, Object> body) {
        Api.Response r = api().post("/api/subscriptions", t.apiKey(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }
}
