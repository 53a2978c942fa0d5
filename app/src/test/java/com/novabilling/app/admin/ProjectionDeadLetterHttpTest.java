package com.novabilling.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.FaultyCustomerProjection;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection that fails on an event ({@link FaultyCustomerProjection}, in the customers group) dead-letters it: the
 * write answers at once that it is stored but not shown, the tenant's other events flow on, and the letter can be
 * listed, retried after a fix, evicted, or cleared by a rebuild.
 */
class ProjectionDeadLetterHttpTest extends IntegrationTest {

    /** Far below the read-your-writes timeout (10 s) the write would otherwise wait out. */
    private static final Duration PROMPTLY = Duration.ofSeconds(3);
    private static final Pattern EVENT_ID = Pattern.compile("\\(event ([0-9a-f-]{36})\\)");

    @Test
    void aFailingEventIsDeadLetteredTheTenantFlowsOnAndARetryAfterTheFixAppliesIt() {
        TestTenant t = registerTenant();
        String name = FaultyCustomerProjection.HANDLER_FAULT + UUID.randomUUID();

        long began = System.nanoTime();
        Api.Response stored = catalog(t).tryCustomer(name);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertThat(stored.status()).as(stored.text()).isEqualTo(202);
        assertThat(took).isLessThan(PROMPTLY);
        String message = stored.body().get("message").asText();
        assertThat(message).contains("saved", "'customers' projection", "do not repeat");
        assertThat(stored.text()).doesNotContain("Exception", "org.", "java.", "injected");
        String eventId = eventIdIn(message);

        Api.Response other = catalog(t).tryCustomer("Flows On");
        assertThat(other.status()).as(other.text()).isEqualTo(201);
        assertThat(other.body().get("name").asText()).isEqualTo("Flows On");
        assertThat(api().get("/api/customers/" + other.body().get("id").asText(), t.apiKey()).status()).isEqualTo(200);

        JsonNode customers = await().until(() -> status(t, "customers"), status -> status.get("deadLetters").asLong() > 0);
        assertThat(customers.get("error").asBoolean()).isTrue();
        assertThat(customers.get("deadLetters").asLong()).isEqualTo(1);
        assertThat(customers.get("caughtUp").asBoolean()).as("passed the dead letter").isTrue();
        assertThat(status(t, "plans").get("deadLetters").asLong()).isZero();

        JsonNode letter = firstDeadLetter(t);
        assertThat(letter.get("eventId").asText()).isEqualTo(eventId);
        assertThat(letter.get("eventType").asText()).isEqualTo("CustomerCreatedEvent");
        assertThat(letter.get("aggregateType").asText()).isEqualTo("Customer");
        String customerId = letter.get("aggregateId").asText();
        assertThat(customerId).startsWith("cus_");
        assertThat(letter.get("sequenceId").asText()).isEqualTo(customerId);
        assertThat(letter.get("sequenceNumber").asLong()).isZero();
        assertThat(letter.get("position").asLong()).isPositive();
        assertThat(letter.get("error").asText()).isEqualTo("the projection failed while applying this event");
        assertThat(letter.get("cause").asText()).isEqualTo("injected projection fault for " + name);
        assertThat(letter.get("retries").asInt()).isZero();
        assertThat(letter.get("enqueuedAt").asText()).isNotBlank();
        assertThat(api().get("/api/customers/" + customerId, t.apiKey()).status()).isEqualTo(404);

        Api.Response renamed = api().patch("/api/customers/" + customerId, t.apiKey(), Map.of("name", "Renamed"));
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(202);
        assertThat(renamed.body().get("message").asText()).contains("'customers' projection", "waits behind");
        await().untilAsserted(() -> assertThat(deadLetters(t)).hasSize(2));
        assertThat(deadLetters(t).get(1).get("eventType").asText()).isEqualTo("CustomerUpdatedEvent");
        assertThat(deadLetters(t).get(1).get("cause").isNull()).isTrue();

        FaultyCustomerProjection.fix(name);
        Api.Response retried = api().post("/api/admin/projections/customers/dead-letters/retry", t.accessToken(), null);
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.body().get("sequencesRetried").asInt()).isEqualTo(1);
        assertThat(retried.body().get("sequencesCleared").asInt()).isEqualTo(1);
        assertThat(retried.body().get("data")).isEmpty();

        Api.Response applied = api().get("/api/customers/" + customerId, t.apiKey());
        assertThat(applied.status()).as(applied.text()).isEqualTo(200);
        assertThat(applied.body().get("name").asText()).isEqualTo("Renamed");
        assertThat(status(t, "customers").get("error").asBoolean()).isFalse();
        assertThat(status(t, "customers").get("deadLetters").asLong()).isZero();
    }

    @Test
    void aFailureInTheDatabaseIsDeadLetteredARetryThatFailsAgainCountsAndEvictionDropsIt() {
        TestTenant t = registerTenant();
        String name = FaultyCustomerProjection.DATABASE_FAULT + UUID.randomUUID();

        long began = System.nanoTime();
        Api.Response stored = catalog(t).tryCustomer(name);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(PROMPTLY);
        assertThat(stored.status()).as(stored.text()).isEqualTo(202);
        String eventId = eventIdIn(stored.body().get("message").asText());
        await().untilAsserted(() -> assertThat(deadLetters(t)).hasSize(1));
        JsonNode letter = firstDeadLetter(t);
        assertThat(letter.get("eventId").asText()).isEqualTo(eventId);
        assertThat(letter.get("error").asText()).startsWith("the read model's database refused a value");
        assertThat(letter.get("cause").asText()).isEqualTo("division by zero");
        String customerId = letter.get("aggregateId").asText();
        assertThat(catalog(t).tryCustomer("After The Failure").status()).isEqualTo(201);

        Api.Response stillFailing = api().post("/api/admin/projections/customers/dead-letters/retry", t.accessToken(), null);
        assertThat(stillFailing.status()).as(stillFailing.text()).isEqualTo(200);
        assertThat(stillFailing.body().get("sequencesCleared").asInt()).isZero();
        assertThat(stillFailing.body().at("/data/0/eventId").asText()).isEqualTo(eventId);
        assertThat(stillFailing.body().at("/data/0/retries").asInt()).isEqualTo(1);
        assertThat(stillFailing.body().at("/data/0/cause").asText()).isEqualTo("division by zero");

        Api.Response evicted = api().delete("/api/admin/projections/customers/dead-letters/" + eventId, t.accessToken());
        assertThat(evicted.status()).as(evicted.text()).isEqualTo(200);
        assertThat(evicted.body().at("/evicted/0/eventId").asText()).isEqualTo(eventId);
        assertThat(deadLetters(t)).isEmpty();
        assertThat(status(t, "customers").get("error").asBoolean()).isFalse();
        assertThat(api().get("/api/customers/" + customerId, t.apiKey()).status()).as("never applied").isEqualTo(404);

        assertThat(api().delete("/api/admin/projections/customers/dead-letters/" + eventId, t.accessToken()).status())
                .isEqualTo(404);
    }

    @Test
    void evictingBySequenceDropsEveryLetterOfTheAggregate() {
        TestTenant t = registerTenant();
        String name = FaultyCustomerProjection.HANDLER_FAULT + UUID.randomUUID();
        assertThat(catalog(t).tryCustomer(name).status()).isEqualTo(202);
        String customerId = firstDeadLetter(t).get("aggregateId").asText();
        assertThat(api().patch("/api/customers/" + customerId, t.apiKey(), Map.of("country", "KE")).status()).isEqualTo(202);

        Api.Response evicted = api().delete("/api/admin/projections/customers/dead-letters/" + customerId, t.accessToken());
        assertThat(evicted.status()).as(evicted.text()).isEqualTo(200);
        assertThat(evicted.body().get("evicted")).hasSize(2);
        assertThat(deadLetters(t)).isEmpty();
    }

    @Test
    void aRebuildClearsTheDeadLettersAndDeadLettersAgainWhatStillFails() {
        TestTenant t = registerTenant();
        String name = FaultyCustomerProjection.HANDLER_FAULT + UUID.randomUUID();
        assertThat(catalog(t).tryCustomer(name).status()).isEqualTo(202);
        String customerId = firstDeadLetter(t).get("aggregateId").asText();

        rebuildCustomers(t);
        await().untilAsserted(() -> assertThat(status(t, "customers").get("deadLetters").asLong())
                .as("cleared, then failed again").isEqualTo(1));

        FaultyCustomerProjection.fix(name);
        rebuildCustomers(t);
        await().untilAsserted(() -> assertThat(status(t, "customers").get("deadLetters").asLong()).isZero());
        assertThat(api().get("/api/customers/" + customerId, t.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void deadLetterRoutesAreTheTenantsOwnAndNeedAProjectionWithAQueue() {
        TestTenant t = sharedTenant();
        assertThat(api().get("/api/admin/projections/nope/dead-letters", t.accessToken()).status()).isEqualTo(404);
        assertThat(api().post("/api/admin/projections/nope/dead-letters/retry", t.accessToken(), null).status())
                .isEqualTo(404);
        assertThat(api().delete("/api/admin/projections/nope/dead-letters/x", t.accessToken()).status()).isEqualTo(404);
        Api.Response lookup = api().get("/api/admin/projections/lookup-customer/dead-letters", t.accessToken());
        assertThat(lookup.status()).as(lookup.text()).isEqualTo(400);
        assertThat(lookup.badRequestFields()).containsExactly("processor");
        assertThat(api().get("/api/admin/projections/customers/dead-letters", t.apiKey()).status())
                .as("admin takes a JWT").isEqualTo(401);

        TestTenant stranger = strangerTenant();
        assertThat(catalog(stranger).tryCustomer(FaultyCustomerProjection.HANDLER_FAULT + UUID.randomUUID()).status())
                .isEqualTo(202);
        await().untilAsserted(() -> assertThat(deadLetters(stranger)).hasSize(1));
        assertThat(deadLetters(t)).as("another tenant's letters are not listed").isEmpty();
    }

    private JsonNode deadLetters(TestTenant t) {
        Api.Response letters = api().get("/api/admin/projections/customers/dead-letters", t.accessToken());
        assertThat(letters.status()).as(letters.text()).isEqualTo(200);
        assertThat(letters.body().get("processor").asText()).isEqualTo("customers");
        return letters.body().get("data");
    }

    private JsonNode status(TestTenant t, String processor) {
        Api.Response statuses = api().get("/api/admin/projections", t.accessToken());
        assertThat(statuses.status()).as(statuses.text()).isEqualTo(200);
        for (JsonNode status : statuses.body().get("data")) {
            if (status.get("name").asText().equals(processor)) {
                return status;
            }
        }
        throw new AssertionError("no processor " + processor + " in " + statuses.text());
    }

    /** The 202 can come before the letter is stored: the failing batch is rolled back and dead-lettered on its rerun. */
    private JsonNode firstDeadLetter(TestTenant t) {
        return await().until(() -> deadLetters(t), letters -> !letters.isEmpty()).get(0);
    }

    private void rebuildCustomers(TestTenant t) {
        Api.Response started = api().post("/api/admin/projections/rebuild?processor=customers", t.accessToken(), Map.of());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        await().untilAsserted(() -> assertThat(status(t, "customers").get("caughtUp").asBoolean()).isTrue());
    }

    private static String eventIdIn(String message) {
        Matcher matcher = EVENT_ID.matcher(message);
        assertThat(matcher.find()).as(message).isTrue();
        return matcher.group(1);
    }
}
