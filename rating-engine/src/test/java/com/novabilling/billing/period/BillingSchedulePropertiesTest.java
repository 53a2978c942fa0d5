package com.novabilling.billing.period;

import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.BillingAnchor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of billing periods (docs/billing-rules.md §10), on generated starts, intervals, anchors and zones. */
class BillingSchedulePropertiesTest {

    private static final long FROM = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2035-12-31T00:00:00Z").getEpochSecond();

    @Provide
    Arbitrary<Instant> starts() {
        return Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Africa/Nairobi", "Africa/Lagos", "Europe/Berlin", "America/New_York",
                "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham").map(ZoneId::of);
    }

    @Property(tries = 300)
    void periodsAreContiguousNonOverlappingAndStrictlyIncreasing(
            @ForAll("starts") Instant start, @ForAll BillingInterval interval, @ForAll BillingAnchor anchor,
            @ForAll("zones") ZoneId zone, @ForAll @LongRange(min = 0, max = 40L * 86_400) long pausedSeconds) {
        BillingSchedule schedule = BillingSchedule.startingAt(start, interval, anchor, zone).stretchedBy(pausedSeconds);
        Instant first = start.plusSeconds(pausedSeconds);
        List<BillingPeriod> periods = schedule.periods(first, 30);

        assertThat(periods.get(0).start()).isEqualTo(first);
        for (int i = 1; i < periods.size(); i++) {
            assertThat(periods.get(i).start()).isEqualTo(periods.get(i - 1).end());
            assertThat(periods.get(i).end()).isAfter(periods.get(i).start());
        }
    }

    @Property(tries = 300)
    void anniversaryPeriodEndsAreTheAnchorPlusKIntervals(
            @ForAll("starts") Instant start, @ForAll BillingInterval interval, @ForAll("zones") ZoneId zone) {
        BillingSchedule schedule = BillingSchedule.startingAt(start, interval, BillingAnchor.ANNIVERSARY, zone);
        List<BillingPeriod> periods = schedule.periods(start, 24);
        for (int k = 0; k < periods.size(); k++) {
            assertThat(periods.get(k).end()).isEqualTo(schedule.boundary(k + 1));
        }
    }

    @Property(tries = 300)
    void theBoundaryAfterAnInstantEndsThePeriodContainingIt(
            @ForAll("starts") Instant start, @ForAll BillingInterval interval, @ForAll BillingAnchor anchor,
            @ForAll("zones") ZoneId zone, @ForAll @LongRange(min = 0, max = 3L * 366 * 86_400) long offset) {
        BillingSchedule schedule = BillingSchedule.startingAt(start, interval, anchor, zone);
        Instant instant = start.plusSeconds(offset);
        Instant end = schedule.nextBoundaryAfter(instant);
        assertThat(end).isAfter(instant);
        BillingPeriod containing = schedule.periods(start, 100_000).stream()
                .filter(period -> period.contains(instant)).findFirst().orElseThrow();
        assertThat(end).isEqualTo(containing.end());
    }

    @Property(tries = 300)
    void usedAndRemainingAddUpToThePeriod(
            @ForAll("starts") Instant start, @ForAll BillingInterval interval, @ForAll("zones") ZoneId zone,
            @ForAll @LongRange(min = 0, max = 1_000_000_000) long offsetSeed) {
        BillingPeriod period = BillingSchedule.startingAt(start, interval, BillingAnchor.ANNIVERSARY, zone)
                .periodStartingAt(start);
        Instant instant = start.plusSeconds(offsetSeed % (period.seconds() + 1));
        ProrationFacts facts = ProrationFacts.at(period, 0, instant);
        assertThat(facts.usedSeconds() + facts.remainingSeconds()).isEqualTo(period.seconds());
    }
}
