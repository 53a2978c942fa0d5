package com.novabilling.app.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Time passes by itself for subscriptions: the test clock and the scheduler (issue 11 items 5 and 6). */
class SubscriptionClockHttpTest extends IntegrationTest {

    @Autowired
    private DueWorkPoller poller;

    @Autowired
    private TenantDueWork dueWork;

    @Test
    void aFourteenDayTrialBecomesActiveWhenTheTestClockPassesItsEnd() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-01T09:00:00Z");
        JsonNode trialing = subscribe(t, catalog(t).plan("MONTHLY", 14, Map.of("USD", 20)), Map.of());
        assertThat(trialing.get("status").asText()).isEqualTo("TRIALING");
        assertThat(trialing.get("trialEnd").asText()).isEqualTo("2038-03-15T09:00:00Z");

        advanceBy(t, "P13DT23H");
        assertThat(read(t, trialing).get("status").asText()).isEqualTo("TRIALING");

        advanceBy(t, "PT2H");
        JsonNode active = read(t, trialing);
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("currentPeriodStart").asText()).isEqualTo("2038-03-15T09:00:00Z");
        assertThat(active.get("currentPeriodEnd").asText()).isEqualTo("2038-04-15T09:00:00Z");
    }

    @Test
    void aMonthlySubscriptionStartedOnJanuary31ClosesItsPeriodsAtMonthEnds() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-01-31T00:00:00Z");
        JsonNode subscription = subscribe(t, catalog(t).plan("MONTHLY", 0, Map.of("USD", 20)), Map.of());
        assertThat(subscription.get("currentPeriodEnd").asText()).isEqualTo("2038-02-28T00:00:00Z");

        advanceTo(t, "2038-05-15T00:00:00Z"); // one move over three period ends

        assertThat(periodsClosed(t, subscription)).containsExactly(
                "2038-01-31T00:00:00Z..2038-02-28T00:00:00Z",
                "2038-02-28T00:00:00Z..2038-03-31T00:00:00Z",
                "2038-03-31T00:00:00Z..2038-04-30T00:00:00Z");
        JsonNode now = read(t, subscription);
        assertThat(now.get("currentPeriodStart").asText()).isEqualTo("2038-04-30T00:00:00Z");
        assertThat(now.get("currentPeriodEnd").asText()).isEqualTo("2038-05-31T00:00:00Z");
    }

    @Test
    void cancelAtPeriodEndCancelsWhenTheTestClockReachesIt() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-06-10T12:00:00Z");
        JsonNode subscription = subscribe(t, catalog(t).plan("WEEKLY", 0, Map.of("USD", 20)), Map.of());
        Api.Response cancel = api().post("/api/subscriptions/" + subscription.get("id").asText() + "/cancel", t.apiKey(),
                Map.of("cancelAt", "period_end"));
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);

        advanceBy(t, "P8D");

        JsonNode canceled = read(t, subscription);
        assertThat(canceled.get("status").asText()).isEqualTo("CANCELED");
        assertThat(canceled.get("canceledAt").asText()).isEqualTo("2038-06-17T12:00:00Z");
    }

    @Test
    void theSchedulerRunsDueWorkInRealTimeOnceHoweverOftenItIsTriggeredConcurrently() throws Exception {
        TestTenant t = registerTenant();
        JsonNode trialing = subscribe(t, catalog(t).plan("DAILY", 1, Map.of("USD", 20)), Map.of());
        assertThat(trialing.get("status").asText()).isEqualTo("TRIALING");
        assertThat(count(tenantDatabase(t.id()), "SELECT count(*) FROM subscription_schedule WHERE due_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(count("novabilling", "SELECT count(*) FROM tenant_due_work WHERE tenant_id = '" + t.id() + "'"))
                .isEqualTo(1);

        clock.advance(Duration.ofDays(3)); // the trial's end and two daily period ends are now past

        ExecutorService triggers = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Object>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(() -> poller.runDue());
                runs.add(() -> dueWork.runDue(t.id()));
            }
            for (Future<Object> run : triggers.invokeAll(runs)) {
                run.get();
            }
        } finally {
            triggers.shutdownNow();
        }

        JsonNode active = read(t, trialing);
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        String subscriptionId = trialing.get("id").asText();
        assertThat(eventCount(t, subscriptionId, "SubscriptionTrialEndedEvent")).isEqualTo(1);
        assertThat(eventCount(t, subscriptionId, "SubscriptionPeriodClosedEvent")).isEqualTo(2);
        assertThat(count("novabilling", "SELECT count(*) FROM tenant_due_work WHERE tenant_id = '" + t.id()
                + "' AND due_at > now() AND claimed_by IS NULL")).isEqualTo(1); // the next period end, released
    }

    private long eventCount(TestTenant t, String subscriptionId, String eventType) {
        return count(tenantDatabase(t.id()), "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                + subscriptionId + "' AND payload_type LIKE '%." + eventType + "'");
    }

    private List<String> periodsClosed(TestTenant t, JsonNode subscription) {
        Api.Response events = api().get("/api/audit/events?aggregateId=" + subscription.get("id").asText()
                + "&limit=100", t.apiKey());
        assertThat(events.status()).as(events.text()).isEqualTo(200);
        List<String> periods = new ArrayList<>();
        for (JsonNode event : events.body().get("data")) {
            if (event.get("payloadType").asText().endsWith("SubscriptionPeriodClosedEvent")) {
                periods.add(event.at("/payload/periodStart").asText() + ".." + event.at("/payload/periodEnd").asText());
            }
        }
        periods.sort(null);
        return periods;
    }

    private void advanceBy(TestTenant t, String amount) {
        Api.Response moved = api().post("/api/test-clock/advance", t.apiKey(), Map.of("by", amount));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
    }

    private JsonNode subscribe(TestTenant t, String planId, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("customerId", catalog(t).customer("USD"));
        body.put("planId", planId);
        Api.Response subscription = api().post("/api/subscriptions", t.apiKey(), body);
        assertThat(subscription.status()).as(subscription.text()).isEqualTo(201);
        return subscription.body();
    }

    private JsonNode read(TestTenant t, JsonNode subscription) {
        Api.Response read = api().get("/api/subscriptions/" + subscription.get("id").asText(), t.apiKey());
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        return read.body();
    }
}
