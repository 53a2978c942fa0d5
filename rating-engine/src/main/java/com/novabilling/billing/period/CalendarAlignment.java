package com.novabilling.billing.period;

import com.novabilling.api.plan.BillingInterval;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The start of the calendar unit an interval aligns to — hour, day, ISO week (Monday), month, quarter, year — that
 * contains an instant, in a time zone (docs/billing-rules.md §10).
 */
public final class CalendarAlignment {

    private CalendarAlignment() {
    }

    public static Instant startOfUnitContaining(Instant instant, BillingInterval interval, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return switch (interval) {
            case HOURLY -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAILY -> local.toLocalDate().atStartOfDay(zone).toInstant();
            case WEEKLY -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay(zone).toInstant();
            case MONTHLY -> local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
            case QUARTERLY -> local.toLocalDate().withDayOfMonth(1)
                    .withMonth(firstMonthOfQuarter(local.getMonthValue())).atStartOfDay(zone).toInstant();
            case YEARLY -> local.toLocalDate().withDayOfYear(1).atStartOfDay(zone).toInstant();
        };
    }

    private static int firstMonthOfQuarter(int month) {
        return (month - 1) / 3 * 3 + 1;
    }
}
