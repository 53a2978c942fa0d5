package com.novabilling.billing.period;

import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.BillingAnchor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/billing-rules.md §10: anniversary and calendar periods, month ends, time zones, pause stretching. */
class BillingScheduleTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static List<Instant> ends(BillingSchedule schedule, Instant start, int count) {
        return schedule.periods(start, count).stream().map(BillingPeriod::end).toList();
    }

    private static BillingSchedule anniversary(Instant start, BillingInterval interval, ZoneId zone) {
        return BillingSchedule.startingAt(start, interval, BillingAnchor.ANNIVERSARY, zone);
    }

    private static BillingSchedule calendar(Instant start, BillingInterval interval, ZoneId zone) {
        return BillingSchedule.startingAt(start, interval, BillingAnchor.CALENDAR, zone);
    }

    @Nested
    class MonthEnds {

        @Test
        void anchorJan31ClampsFromTheAnchorDayNeverDrifting() {
            Instant start = at("2026-01-31T00:00:00Z");
            assertThat(ends(anniversary(start, BillingInterval.MONTHLY, UTC), start, 5)).containsExactly(
                    at("2026-02-28T00:00:00Z"), at("2026-03-31T00:00:00Z"), at("2026-04-30T00:00:00Z"),
                    at("2026-05-31T00:00:00Z"), at("2026-06-30T00:00:00Z"));
        }

        @Test
        void anchorJan31InALeapYearEndsOnFeb29() {
            Instant start = at("2028-01-31T10:15:00Z");
            assertThat(ends(anniversary(start, BillingInterval.MONTHLY, UTC), start, 2)).containsExactly(
                    at("2028-02-29T10:15:00Z"), at("2028-03-31T10:15:00Z"));
        }

        @Test
        void quarterlyAnchorNov30ClampsInFebruaryOnly() {
            Instant start = at("2025-11-30T00:00:00Z");
            assertThat(ends(anniversary(start, BillingInterval.QUARTERLY, UTC), start, 4)).containsExactly(
                    at("2026-02-28T00:00:00Z"), at("2026-05-30T00:00:00Z"), at("2026-08-30T00:00:00Z"),
                    at("2026-11-30T00:00:00Z"));
        }

        @Test
        void yearlyAnchorFeb29ReturnsToFeb29InTheNextLeapYear() {
            Instant start = at("2028-02-29T00:00:00Z");
            assertThat(ends(anniversary(start, BillingInterval.YEARLY, UTC), start, 4)).containsExactly(
                    at("2029-02-28T00:00:00Z"), at("2030-02-28T00:00:00Z"), at("2031-02-28T00:00:00Z"),
                    at("2032-02-29T00:00:00Z"));
        }

        @Test
        void periodNIsFoundDirectlyFromTheAnchor() {
            BillingSchedule schedule = anniversary(at("2026-01-31T00:00:00Z"), BillingInterval.MONTHLY, UTC);
            assertThat(schedule.boundary(3)).isEqualTo(at("2026-04-30T00:00:00Z"));
            assertThat(schedule.boundary(120)).isEqualTo(at("2036-01-31T00:00:00Z"));
            assertThat(schedule.nextBoundaryAfter(at("2030-02-28T00:00:00Z"))).isEqualTo(at("2030-03-31T00:00:00Z"));
            assertThat(schedule.nextBoundaryAfter(at("2030-02-27T23:59:59Z"))).isEqualTo(at("2030-02-28T00:00:00Z"));
        }
    }

    @Nested
    class Intervals {

        @Test
        void everyIntervalAddsItsUnitToTheAnchor() {
            Instant start = at("2026-03-10T08:30:00Z");
            assertThat(anniversary(start, BillingInterval.HOURLY, UTC).boundary(1)).isEqualTo(at("2026-03-10T09:30:00Z"));
            assertThat(anniversary(start, BillingInterval.DAILY, UTC).boundary(1)).isEqualTo(at("2026-03-11T08:30:00Z"));
            assertThat(anniversary(start, BillingInterval.WEEKLY, UTC).boundary(1)).isEqualTo(at("2026-03-17T08:30:00Z"));
            assertThat(anniversary(start, BillingInterval.MONTHLY, UTC).boundary(1)).isEqualTo(at("2026-04-10T08:30:00Z"));
            assertThat(anniversary(start, BillingInterval.QUARTERLY, UTC).boundary(1)).isEqualTo(at("2026-06-10T08:30:00Z"));
            assertThat(anniversary(start, BillingInterval.YEARLY, UTC).boundary(1)).isEqualTo(at("2027-03-10T08:30:00Z"));
        }

        @Test
        void w1PeriodIsMarch2026Of2678400Seconds() {
            Instant start = at("2026-03-01T00:00:00Z");
            BillingPeriod march = anniversary(start, BillingInterval.MONTHLY, UTC).periodStartingAt(start);
            assertThat(march).isEqualTo(new BillingPeriod(start, at("2026-04-01T00:00:00Z")));
            assertThat(march.seconds()).isEqualTo(2_678_400);
            Instant february = at("2026-02-01T00:00:00Z");
            assertThat(anniversary(february, BillingInterval.MONTHLY, UTC).periodStartingAt(february).seconds())
                    .isEqualTo(2_419_200);
        }
    }

    @Nested
    class TimeZonesAndDaylightSaving {

        @Test
        void dailyPeriodsKeepTheirLocalTimeAcrossTheSpringChange() {
            // Berlin moves from +01:00 to +02:00 at 2026-03-29T01:00Z: that day has 23 hours.
            Instant start = at("2026-03-28T08:00:00Z"); // 09:00 local
            List<BillingPeriod> periods = anniversary(start, BillingInterval.DAILY, BERLIN).periods(start, 2);
            assertThat(periods.get(0).end()).isEqualTo(at("2026-03-29T07:00:00Z")); // 09:00 local, now +02:00
            assertThat(periods.get(0).seconds()).isEqualTo(Duration.ofHours(23).getSeconds());
            assertThat(periods.get(1).seconds()).isEqualTo(Duration.ofHours(24).getSeconds());
        }

        @Test
        void dailyPeriodsLast25HoursOverTheAutumnChange() {
            // New York moves from -04:00 to -05:00 at 2026-11-01T06:00Z.
            Instant start = at("2026-10-31T04:00:00Z"); // midnight local
            BillingPeriod period = calendar(start, BillingInterval.DAILY, NEW_YORK).periodStartingAt(start);
            assertThat(period.end()).isEqualTo(at("2026-11-01T04:00:00Z"));
            BillingPeriod next = calendar(start, BillingInterval.DAILY, NEW_YORK).periodAfter(period);
            assertThat(next.end()).isEqualTo(at("2026-11-02T05:00:00Z"));
            assertThat(next.seconds()).isEqualTo(Duration.ofHours(25).getSeconds());
        }

        @Test
        void hourlyPeriodsAreAlwaysOneHourEvenAcrossADaylightSavingChange() {
            Instant start = at("2026-03-29T00:30:00Z");
            assertThat(anniversary(start, BillingInterval.HOURLY, BERLIN).periods(start, 3))
                    .allSatisfy(period -> assertThat(period.seconds()).isEqualTo(3_600));
        }

        @Test
        void monthlyAnniversaryFollowsTheTenantsLocalDate() {
            // 2026-01-30T22:00Z is Jan 31 01:00 in Nairobi: the anchor day is the 31st there.
            Instant start = at("2026-01-30T22:00:00Z");
            assertThat(ends(anniversary(start, BillingInterval.MONTHLY, NAIROBI), start, 3)).containsExactly(
                    at("2026-02-27T22:00:00Z"), at("2026-03-30T22:00:00Z"), at("2026-04-29T22:00:00Z"));
        }
    }

    @Nested
    class CalendarAnchor {

        @Test
        void monthlyFirstPeriodRunsToTheStartOfNextMonthInTheTenantsZone() {
            Instant start = at("2026-01-15T10:00:00Z");
            BillingSchedule schedule = calendar(start, BillingInterval.MONTHLY, NAIROBI);
            assertThat(schedule.periods(start, 3)).containsExactly(
                    new BillingPeriod(start, at("2026-01-31T21:00:00Z")),
                    new BillingPeriod(at("2026-01-31T21:00:00Z"), at("2026-02-28T21:00:00Z")),
                    new BillingPeriod(at("2026-02-28T21:00:00Z"), at("2026-03-31T21:00:00Z")));
        }

        @Test
        void weeklyAlignsToIsoMonday() {
            Instant wednesday = at("2026-03-04T15:00:00Z");
            assertThat(ends(calendar(wednesday, BillingInterval.WEEKLY, UTC), wednesday, 2)).containsExactly(
                    at("2026-03-09T00:00:00Z"), at("2026-03-16T00:00:00Z"));
        }

        @Test
        void quarterlyAndYearlyAlignToTheirCalendarStart() {
            Instant may = at("2026-05-10T12:00:00Z");
            assertThat(ends(calendar(may, BillingInterval.QUARTERLY, UTC), may, 2)).containsExactly(
                    at("2026-07-01T00:00:00Z"), at("2026-10-01T00:00:00Z"));
            assertThat(ends(calendar(may, BillingInterval.YEARLY, UTC), may, 2)).containsExactly(
                    at("2027-01-01T00:00:00Z"), at("2028-01-01T00:00:00Z"));
        }

        @Test
        void dailyAndHourlyAlignInZonesWithOddOffsets() {
            Instant start = at("2026-03-04T15:10:00Z"); // 20:40 in Kolkata (+05:30)
            assertThat(calendar(start, BillingInterval.DAILY, KOLKATA).periodStartingAt(start).end())
                    .isEqualTo(at("2026-03-04T18:30:00Z"));
            assertThat(calendar(start, BillingInterval.HOURLY, KOLKATA).periodStartingAt(start).end())
                    .isEqualTo(at("2026-03-04T15:30:00Z"));
        }

        @Test
        void aStartOnABoundaryGivesAFullFirstPeriod() {
            Instant first = at("2026-03-01T00:00:00Z");
            assertThat(calendar(first, BillingInterval.MONTHLY, UTC).periodStartingAt(first))
                    .isEqualTo(new BillingPeriod(first, at("2026-04-01T00:00:00Z")));
        }
    }

    @Nested
    class PauseStretching {

        @Test
        void w1PauseOf864000SecondsMovesTheEndToApril11AndTheNextPeriodToMay11() {
            Instant start = at("2026-03-01T00:00:00Z");
            BillingSchedule schedule = anniversary(start, BillingInterval.MONTHLY, UTC);
            BillingPeriod march = schedule.periodStartingAt(start);
            long paused = Duration.between(at("2026-03-11T12:00:00Z"), at("2026-03-21T12:00:00Z")).getSeconds();
            assertThat(paused).isEqualTo(864_000);

            BillingSchedule stretched = schedule.stretchedBy(paused);
            BillingPeriod stretchedMarch = march.stretchedBy(paused);

            assertThat(stretchedMarch).isEqualTo(new BillingPeriod(start, at("2026-04-11T00:00:00Z")));
            assertThat(stretched.boundary(1)).isEqualTo(stretchedMarch.end());
            assertThat(stretched.periodAfter(stretchedMarch))
                    .isEqualTo(new BillingPeriod(at("2026-04-11T00:00:00Z"), at("2026-05-11T00:00:00Z")));
        }

        @Test
        void pitfall13_aPauseMovesEveryLaterBoundaryNotJustAStatus() {
            Instant start = at("2026-01-31T00:00:00Z");
            BillingSchedule schedule = anniversary(start, BillingInterval.MONTHLY, UTC);
            BillingPeriod stretchedFirst = schedule.periodStartingAt(start).stretchedBy(86_400);
            BillingSchedule stretched = schedule.stretchedBy(86_400);
            BillingPeriod second = stretched.periodAfter(stretchedFirst);
            BillingPeriod third = stretched.periodAfter(second);

            assertThat(List.of(stretchedFirst.end(), second.end(), third.end())).containsExactly(
                    at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"), at("2026-05-01T00:00:00Z"));
        }
    }
}
