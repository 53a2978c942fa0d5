package com.novabilling.command.usage;

import com.novabilling.api.metric.BillableMetricDetails;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.BillingAnchor;
import com.novabilling.api.subscription.CancelTiming;
import com.novabilling.api.subscription.SubscriptionCanceledEvent;
import com.novabilling.api.subscription.SubscriptionCreatedEvent;
import com.novabilling.api.subscription.SubscriptionPausedEvent;
import com.novabilling.api.subscription.SubscriptionPeriodClosedEvent;
import com.novabilling.api.subscription.SubscriptionResumedEvent;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.command.metric.BillableMetricLookupTable;
import com.novabilling.command.reference.JdbcResourceCodes;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage window table's event handlers on the real tenant migrations (no Spring), and the node cache over it:
 * a change handled on this node is seen at once although the cache lives for an hour here.
 */
class UsageWindowTableTest extends TenantSchemaTest {

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant MARCH_END = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant APRIL_END = Instant.parse("2026-05-01T00:00:00Z");

    private final UsageCatalog catalog = new UsageCatalog(jdbcTemplate, Duration.ofHours(1));
    private final UsageWindowTable table = new UsageWindowTable(jdbcTemplate, catalog, () -> "t1");

    @BeforeEach
    void emptyTables() {
        jdbcTemplate.update("TRUNCATE usage_subscription_window, usage_subscription_pause, metric_lookup, resource_codes");
    }

    static SubscriptionCreatedEvent created(String id) {
        Money price = Money.ofMinor(1000, CurrencyCode.USD);
        return new SubscriptionCreatedEvent(id, "cus_1", "plan_1", BillingInterval.MONTHLY, CurrencyCode.USD, price,
                SubscriptionStatus.ACTIVE, BillingAnchor.ANNIVERSARY, "UTC", START, null, null, START, START,
                MARCH_END, Map.of());
    }

    @Test
    void createdSubscriptionHasItsWindowAndUnknownOnesNone() {
        table.on(created("sub_a"));

        SubscriptionWindow window = table.find("sub_a").orElseThrow();
        assertThat(window.planId()).isEqualTo("plan_1");
        assertThat(window.currency()).isEqualTo(CurrencyCode.USD);
        assertThat(window.startedAt()).isEqualTo(START);
        assertThat(window.periodStart()).isEqualTo(START);
        assertThat(window.periodEnd()).isEqualTo(MARCH_END);
        assertThat(window.refusal(START.minusSeconds(1))).get().asString().contains("before the subscription started");
        assertThat(window.refusal(START)).isEmpty();
        assertThat(window.late(START)).isFalse();
        assertThat(table.find("sub_missing")).isEmpty();

        table.on(created("sub_a"));
        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM usage_subscription_window", Long.class))
                .as("a redelivered event changes nothing").isEqualTo(1);
    }

    @Test
    void pausesRefuseTheirInstantsAndClosedPeriodsMakeEventsLate() {
        table.on(created("sub_a"));
        assertThat(catalog.window("t1", "sub_a")).get().extracting(SubscriptionWindow::pausedAt).isNull();

        Instant pausedAt = Instant.parse("2026-03-10T00:00:00Z");
        Instant resumedAt = Instant.parse("2026-03-12T00:00:00Z");
        Instant stretchedEnd = MARCH_END.plus(Duration.ofDays(2));
        table.on(new SubscriptionPausedEvent("sub_a", pausedAt, START, MARCH_END));
        SubscriptionWindow paused = catalog.window("t1", "sub_a").orElseThrow();
        assertThat(paused.pausedAt()).as("the cache saw the pause at once").isEqualTo(pausedAt);
        assertThat(paused.refusal(pausedAt.plusSeconds(5))).get().asString().contains("pause");
        assertThat(paused.refusal(pausedAt.minusSeconds(1))).isEmpty();

        table.on(new SubscriptionResumedEvent("sub_a", pausedAt, resumedAt, 172_800, START, stretchedEnd, 172_800,
                172_800));
        SubscriptionWindow resumed = catalog.window("t1", "sub_a").orElseThrow();
        assertThat(resumed.pausedAt()).isNull();
        assertThat(resumed.periodEnd()).isEqualTo(stretchedEnd);
        assertThat(resumed.pauses()).containsExactly(new SubscriptionWindow.Pause(pausedAt, resumedAt));
        assertThat(resumed.refusal(pausedAt)).isPresent();
        assertThat(resumed.refusal(resumedAt.minusNanos(1000))).isPresent();
        assertThat(resumed.refusal(resumedAt)).as("[pausedAt, resumedAt) is half-open").isEmpty();

        Money price = Money.ofMinor(1000, CurrencyCode.USD);
        table.on(new SubscriptionPeriodClosedEvent("sub_a", START, stretchedEnd, "plan_1", BillingInterval.MONTHLY,
                CurrencyCode.USD, price, START, 172_800, stretchedEnd, APRIL_END, "plan_2", BillingInterval.MONTHLY,
                price));
        SubscriptionWindow next = catalog.window("t1", "sub_a").orElseThrow();
        assertThat(next.planId()).isEqualTo("plan_2");
        assertThat(next.periodStart()).isEqualTo(stretchedEnd);
        assertThat(next.late(stretchedEnd.minusSeconds(1))).isTrue();
        assertThat(next.late(stretchedEnd)).isFalse();

        Instant canceledAt = Instant.parse("2026-04-15T00:00:00Z");
        table.on(new SubscriptionCanceledEvent("sub_a", CancelTiming.NOW, SubscriptionStatus.ACTIVE, canceledAt,
                "plan_2", CurrencyCode.USD, price, stretchedEnd, APRIL_END, 1, 1, 0));
        SubscriptionWindow canceled = catalog.window("t1", "sub_a").orElseThrow();
        assertThat(canceled.refusal(canceledAt)).get().asString().contains("ended");
        assertThat(canceled.refusal(canceledAt.minusSeconds(1))).isEmpty();
        assertThat(canceled.late(canceledAt.minusSeconds(1))).as("the last period is over").isTrue();
    }

    @Test
    void aCommitAnnouncedByAnotherNodeEmptiesTheTenantsEntries() {
        table.on(created("sub_a"));
        assertThat(catalog.window("t1", "sub_a")).get().extracting(SubscriptionWindow::pausedAt).isNull();
        // another node pauses it: the row changes, this node's handler does not run
        jdbcTemplate.update("UPDATE usage_subscription_window SET paused_at = period_start WHERE subscription_id = 'sub_a'");
        assertThat(catalog.window("t1", "sub_a")).get().extracting(SubscriptionWindow::pausedAt)
                .as("cached for the TTL").isNull();

        catalog.changedElsewhere("t1");

        assertThat(catalog.window("t1", "sub_a")).get().extracting(SubscriptionWindow::pausedAt).isEqualTo(START);
    }

    @Test
    void metricChangesReachTheCacheAtOnce() {
        BillableMetricLookupTable metrics = new BillableMetricLookupTable(jdbcTemplate, new JdbcResourceCodes(jdbcTemplate));
        assertThat(catalog.metricsByCode("t1")).isEmpty();

        BillableMetricCreatedEvent created = new BillableMetricCreatedEvent("bm_1", new BillableMetricDetails("Bytes", "bytes", null, AggregationType.SUM, "gb", false, List.of(), null));
        metrics.on(created);
        table.on(created);

        assertThat(catalog.metricsByCode("t1")).containsOnlyKeys("bytes");
        assertThat(catalog.metricById("t1", "bm_1")).get().extracting(MetricRule::fieldName).isEqualTo("gb");
        assertThat(catalog.metricsByCode("t2")).as("tenants are cached apart").containsOnlyKeys("bytes");
    }
}
