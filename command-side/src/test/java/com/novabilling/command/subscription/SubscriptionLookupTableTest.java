package com.novabilling.command.subscription;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.api.plan.PlanPrice;
import com.novabilling.api.plan.PlanPriceAddedEvent;
import com.novabilling.api.plan.PlanPriceUpdatedEvent;
import com.novabilling.api.plan.PlanUpdatedEvent;
import com.novabilling.api.subscription.BillingAnchor;
import com.novabilling.api.subscription.CancelTiming;
import com.novabilling.api.subscription.PlanChangeKind;
import com.novabilling.api.subscription.SubscriptionCanceledEvent;
import com.novabilling.api.subscription.SubscriptionCreatedEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangeScheduledEvent;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.command.customer.CustomerLookupTable;
import com.novabilling.command.plan.PlanLookupTable;
import com.novabilling.command.reference.GuardedResource;
import com.novabilling.command.reference.JdbcResourceCodes;
import com.novabilling.command.subscription.SubscriptionCatalog.CustomerStanding;
import com.novabilling.command.subscription.SubscriptionCatalog.PlanTerms;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription lookup table, the catalog over the plan and customer lookup rows, and the deletion guards, on the
 * real tenant migrations (no Spring), including the lock that serialises a customer's deletion against a
 * subscription to it.
 */
class SubscriptionLookupTableTest extends TenantSchemaTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Money KES_3000 = Money.ofMinor(300_000, CurrencyCode.KES);

    private final SubscriptionLookupTable subscriptions = new SubscriptionLookupTable(jdbcTemplate);
    private final CustomerLookupTable customers = new CustomerLookupTable(jdbcTemplate);
    private final PlanLookupTable plans = new PlanLookupTable(jdbcTemplate, new JdbcResourceCodes(jdbcTemplate));
    private final LookupSubscriptionCatalog catalog = new LookupSubscriptionCatalog(plans, customers);
    private final SubscriptionDeletionGuard guard = new SubscriptionDeletionGuard(subscriptions, customers, plans);
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(jdbcTemplate.getDataSource()));

    @BeforeEach
    void emptyTables() {
        jdbcTemplate.update("TRUNCATE subscription_lookup, customer_lookup, plan_lookup, plan_price_lookup, "
                + "resource_codes, domain_event_entry");
        customers.on(new CustomerCreatedEvent("cus_a", new CustomerDetails(null, "A", "a@example.com", null, "KES", null, null, null, Map.of())));
        plans.on(new PlanCreatedEvent("pln_a", new PlanDetails("Basic", "basic", null, BillingInterval.MONTHLY,
                List.of(), 14, BillingTiming.IN_ADVANCE, null, null, true, Map.of()),
                List.of(new PlanPrice("prc_kes", KES_3000))));
    }

    private static SubscriptionCreatedEvent created(String id, String customerId, String planId) {
        return new SubscriptionCreatedEvent(id, customerId, planId, BillingInterval.MONTHLY, CurrencyCode.KES,
                KES_3000, SubscriptionStatus.ACTIVE, BillingAnchor.ANNIVERSARY, "UTC", START, null, null, START,
                START, Instant.parse("2026-04-01T00:00:00Z"), Map.of());
    }

    private static SubscriptionCanceledEvent canceled(String id) {
        return new SubscriptionCanceledEvent(id, CancelTiming.NOW, SubscriptionStatus.ACTIVE, START.plusSeconds(60),
                "pln_a", CurrencyCode.KES, KES_3000, START, Instant.parse("2026-04-01T00:00:00Z"), 2_678_400, 60,
                2_678_340);
    }

    @Test
    void theCatalogAnswersThePlansTermsAndTheCustomersStandingFromTheLookupRows() {
        plans.on(new PlanPriceAddedEvent("pln_a", "prc_usd", Money.ofMinor(2_500, CurrencyCode.USD)));
        plans.on(new PlanPriceUpdatedEvent("pln_a", "prc_usd", Money.ofMinor(2_900, CurrencyCode.USD)));
        plans.on(new PlanUpdatedEvent("pln_a", new PlanDetails("Basic", "basic", null, BillingInterval.QUARTERLY,
                List.of(), 7, BillingTiming.IN_ADVANCE, null, null, false, Map.of())));

        assertThat(catalog.findPlan("pln_a")).contains(new PlanTerms("pln_a", "basic", false,
                BillingInterval.QUARTERLY, 7, List.of(KES_3000, Money.ofMinor(2_900, CurrencyCode.USD))));
        assertThat(catalog.findPlan("pln_missing")).isEmpty();
        assertThat(catalog.findCustomer("cus_a")).contains(new CustomerStanding("cus_a", CurrencyCode.KES, false));

        customers.on(new CustomerDeletedEvent("cus_a"));
        customers.on(new CustomerCreatedEvent("cus_a", new CustomerDetails(null, "A", "a@example.com", null, "KES", null, null, null, Map.of())));
        assertThat(catalog.findCustomer("cus_a")).as("a redelivered creation does not bring it back")
                .contains(new CustomerStanding("cus_a", CurrencyCode.KES, true));
        assertThat(customers.find("cus_a")).isEmpty();
        assertThat(customers.emailTaken("a@example.com", null)).isFalse();
        assertThat(catalog.findCustomer("cus_missing")).isEmpty();
    }

    @Test
    void tracksCustomerPlanPendingPlanAndLivenessAndRedeliveryChangesNothing() {
        subscriptions.on(created("sub_1", "cus_a", "pln_a"));
        subscriptions.on(created("sub_1", "cus_a", "pln_a"));
        subscriptions.on(new SubscriptionPlanChangeScheduledEvent("sub_1", PlanChangeKind.DOWNGRADE, START,
                Instant.parse("2026-04-01T00:00:00Z"), CurrencyCode.KES, "pln_a", KES_3000, "pln_b",
                BillingInterval.MONTHLY, Money.ofMinor(100, CurrencyCode.KES)));

        assertThat(subscriptions.find("sub_1")).contains(new SubscriptionLookup.SubscriptionFacts("sub_1", "cus_a", "pln_a"));
        assertThat(subscriptions.find("sub_missing")).isEmpty();
        assertThat(subscriptions.liveSubscriptionsOf("cus_a", 10)).containsExactly("sub_1");
        assertThat(subscriptions.subscriptionsOnPlan("pln_a")).isEqualTo(1);
        assertThat(subscriptions.subscriptionsOnPlan("pln_b")).as("the pending change's plan").isEqualTo(1);

        subscriptions.on(canceled("sub_1"));
        subscriptions.on(canceled("sub_1"));
        assertThat(subscriptions.liveSubscriptionsOf("cus_a", 10)).isEmpty();
        assertThat(subscriptions.subscriptionsOnPlan("pln_a")).as("canceled ones still keep their plan").isEqualTo(1);
        assertThat(subscriptions.subscriptionsOnPlan("pln_b")).isZero();
    }

    @Test
    void guardsKeepPlansWithSubscriptionsAndCustomersWithLiveOnes() {
        assertThat(guard.reasonToKeep(GuardedResource.CUSTOMER, "cus_a")).isEmpty();
        assertThat(guard.reasonToKeep(GuardedResource.PLAN, "pln_a")).isEmpty();
        subscriptions.on(created("sub_1", "cus_a", "pln_a"));

        assertThat(guard.reasonToKeep(GuardedResource.CUSTOMER, "cus_a")).hasValueSatisfying(reason ->
                assertThat(reason).contains("sub_1"));
        assertThat(guard.reasonToKeep(GuardedResource.PLAN, "pln_a")).hasValueSatisfying(reason ->
                assertThat(reason).contains("1 subscription"));
        assertThat(guard.reasonToKeep(GuardedResource.COUPON, "cus_a")).isEmpty();

        subscriptions.on(canceled("sub_1"));
        assertThat(guard.reasonToKeep(GuardedResource.CUSTOMER, "cus_a")).isEmpty();
        assertThat(guard.reasonToKeep(GuardedResource.PLAN, "pln_a")).isPresent();
    }

    /** Subscribing first: the deletion waits for its commit, then sees the live subscription. */
    @Test
    void aDeletionAfterAConcurrentSubscriptionIsRefused() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> subscribe = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            assertThat(catalog.findCustomer("cus_a").orElseThrow().deleted()).isFalse();
            locked.countDown();
            awaitQuietly(release);
            subscriptions.on(created("sub_1", "cus_a", "pln_a"));
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Optional<String>> delete = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            Optional<String> reason = guard.reasonToKeep(GuardedResource.CUSTOMER, "cus_a");
            if (reason.isEmpty()) {
                customers.on(new CustomerDeletedEvent("cus_a"));
            }
            return reason;
        }));
        awaitATransactionBlockedOnALock();
        assertThat(delete).as("the deletion waits for the subscribing transaction").isNotDone();
        release.countDown();
        subscribe.get(10, TimeUnit.SECONDS);

        assertThat(delete.get(10, TimeUnit.SECONDS)).hasValueSatisfying(reason -> assertThat(reason).contains("sub_1"));
        assertThat(customers.find("cus_a")).isPresent();
    }

    /** Deleting first: the subscription waits for its commit, then sees the customer deleted. */
    @Test
    void aSubscriptionAfterAConcurrentDeletionSeesTheCustomerDeleted() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> delete = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            assertThat(guard.reasonToKeep(GuardedResource.CUSTOMER, "cus_a")).isEmpty();
            locked.countDown();
            awaitQuietly(release);
            customers.on(new CustomerDeletedEvent("cus_a"));
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Optional<CustomerStanding>> subscribe = CompletableFuture.supplyAsync(() ->
                transactions.execute(tx -> catalog.findCustomer("cus_a")));
        awaitATransactionBlockedOnALock();
        assertThat(subscribe).as("the subscription waits for the deleting transaction").isNotDone();
        release.countDown();
        delete.get(10, TimeUnit.SECONDS);

        assertThat(subscribe.get(10, TimeUnit.SECONDS)).hasValueSatisfying(c -> assertThat(c.deleted()).isTrue());
    }

    /** The same lock on the plan's row: a plan deletion waits for a subscription being created on it. */
    @Test
    void aPlanDeletionAfterAConcurrentSubscriptionIsRefused() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> subscribe = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            assertThat(catalog.findPlan("pln_a")).isPresent();
            locked.countDown();
            awaitQuietly(release);
            subscriptions.on(created("sub_1", "cus_a", "pln_a"));
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Optional<String>> delete = CompletableFuture.supplyAsync(() ->
                transactions.execute(tx -> guard.reasonToKeep(GuardedResource.PLAN, "pln_a")));
        awaitATransactionBlockedOnALock();
        assertThat(delete).as("the deletion waits for the subscribing transaction").isNotDone();
        release.countDown();
        subscribe.get(10, TimeUnit.SECONDS);

        assertThat(delete.get(10, TimeUnit.SECONDS)).isPresent();
    }

    /** V11_101 fills the new columns of rows written before it from the tenant's own events. */
    @Test
    void theMigrationBackfillsTermsAndDeletedCustomersFromTheEventStore() throws Exception {
        jdbcTemplate.update("UPDATE plan_lookup SET billing_interval = NULL, trial_days = NULL");
        jdbcTemplate.update("UPDATE plan_price_lookup SET amount_minor = NULL");
        jdbcTemplate.update("INSERT INTO plan_price_lookup (price_id, plan_id, currency) VALUES ('prc_usd', 'pln_a', 'USD')");
        storeEvent("pln_a", 0, "com.novabilling.api.plan.PlanCreatedEvent", """
                {"planId":"pln_a","name":"Basic","code":"basic","billingInterval":"MONTHLY","trialDays":14,
                 "active":true,"prices":[{"priceId":"prc_kes","amount":{"minor":300000,"currency":"KES"}}]}""");
        storeEvent("pln_a", 1, "com.novabilling.api.plan.PlanPriceAddedEvent",
                "{\"planId\":\"pln_a\",\"priceId\":\"prc_usd\",\"amount\":{\"minor\":2500,\"currency\":\"USD\"}}");
        storeEvent("pln_a", 2, "com.novabilling.api.plan.PlanUpdatedEvent",
                "{\"planId\":\"pln_a\",\"code\":\"basic\",\"billingInterval\":\"YEARLY\",\"trialDays\":3,\"active\":true}");
        storeEvent("pln_a", 3, "com.novabilling.api.plan.PlanPriceUpdatedEvent",
                "{\"planId\":\"pln_a\",\"priceId\":\"prc_usd\",\"amount\":{\"minor\":2900,\"currency\":\"USD\"}}");
        storeEvent("cus_gone", 1, "com.novabilling.api.customer.CustomerDeletedEvent", "{\"customerId\":\"cus_gone\"}");

        String migration = Files.readString(Path.of("src/main/resources/db/tenant/V11_101__subscription_catalog_facts.sql"),
                StandardCharsets.UTF_8);
        jdbcTemplate.execute(migration.substring(migration.indexOf("-- Backfill")));

        assertThat(catalog.findPlan("pln_a")).contains(new PlanTerms("pln_a", "basic", true, BillingInterval.YEARLY, 3,
                List.of(KES_3000, Money.ofMinor(2_900, CurrencyCode.USD))));
        assertThat(catalog.findCustomer("cus_gone")).contains(new CustomerStanding("cus_gone", null, true));
        assertThat(catalog.findCustomer("cus_a").orElseThrow().deleted()).isFalse();
    }

    private static void storeEvent(String aggregateId, long sequence, String type, String json) {
        jdbcTemplate.update("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            payload, payload_type, time_stamp)
                        VALUES (?, ?, 'Aggregate', gen_random_uuid()::text, ?, ?, '2026-03-01T00:00:00Z')""",
                aggregateId, sequence, json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** Until PostgreSQL shows a session of this database waiting for a row lock (the second transaction). */
    private static void awaitATransactionBlockedOnALock() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbcTemplate.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'
                """, Integer.class) > 0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
