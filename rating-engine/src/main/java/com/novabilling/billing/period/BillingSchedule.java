package com.novabilling.billing.period;

import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.BillingAnchor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The period boundaries of a subscription (docs/billing-rules.md §10): boundary <i>k</i> is
 * {@code anchor + k × interval} in {@code zone}, always computed from the anchor and never from the previous
 * boundary, so a month end clamps from the anchor's own day (Jan 31 → Feb 28 → Mar 31 → Apr 30). HOURLY adds
 * elapsed hours; DAILY and longer add calendar units, so a day across a DST change lasts 23 or 25 hours and the
 * boundary keeps its local time.
 *
 * <p>{@code shiftSeconds} is the time the subscription spent paused: every boundary moves later by it, which keeps
 * the anchor's day for clamping while stretching the period by exactly the paused seconds (§12 pause line of W1).
 */
public record BillingSchedule(Instant anchor, BillingInterval interval, ZoneId zone, long shiftSeconds) {

    public BillingSchedule {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(zone, "zone");
        if (shiftSeconds < 0) {
            throw new IllegalArgumentException("shiftSeconds must not be negative: " + shiftSeconds);
        }
    }

    /**
     * The schedule of periods that begin at {@code start}: anchored on {@code start} itself (ANNIVERSARY), or on the
     * start of the calendar unit containing it (CALENDAR), whose first period then ends at the next calendar
     * boundary.
     */
    public static BillingSchedule startingAt(Instant start, BillingInterval interval, BillingAnchor anchorKind,
                                             ZoneId zone) {
        Instant anchor = anchorKind == BillingAnchor.CALENDAR
                ? CalendarAlignment.startOfUnitContaining(start, interval, zone)
                : start;
        return new BillingSchedule(anchor, interval, zone, 0);
    }

    /** Boundary {@code k} (k ≥ 0); boundary 0 is the anchor, shifted. */
    public Instant boundary(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("boundary index must not be negative: " + k);
        }
        ZonedDateTime local = anchor.atZone(zone);
        ZonedDateTime moved = switch (interval) {
            case HOURLY -> local.plusHours(k);
            case DAILY -> local.plusDays(k);
            case WEEKLY -> local.plusWeeks(k);
            case MONTHLY -> local.plusMonths(k);
            case QUARTERLY -> local.plusMonths(Math.multiplyExact(k, 3L));
            case YEARLY -> local.plusYears(k);
        };
        return moved.toInstant().plusSeconds(shiftSeconds);
    }

    /** The first boundary strictly after {@code instant}: where the period containing {@code instant} ends. */
    public Instant nextBoundaryAfter(Instant instant) {
        long k = Math.max(0, estimatedIndex(instant));
        while (k > 0 && boundary(k - 1).isAfter(instant)) {
            k--;
        }
        while (!boundary(k).isAfter(instant)) {
            k++;
        }
        return boundary(k);
    }

    /** The period beginning at {@code start}: to the next boundary after it (a prorated first period if off-anchor). */
    public BillingPeriod periodStartingAt(Instant start) {
        return new BillingPeriod(start, nextBoundaryAfter(start));
    }

    /** The period that follows {@code period}. */
    public BillingPeriod periodAfter(BillingPeriod period) {
        return periodStartingAt(period.end());
    }

    /** The first {@code count} periods from {@code start}, in order. */
    public List<BillingPeriod> periods(Instant start, int count) {
        List<BillingPeriod> periods = new ArrayList<>(count);
        BillingPeriod period = periodStartingAt(start);
        for (int i = 0; i < count; i++) {
            periods.add(period);
            period = periodAfter(period);
        }
        return periods;
    }

    /** The schedule after a pause of {@code pausedSeconds}: every boundary later by that much (§10). */
    public BillingSchedule stretchedBy(long pausedSeconds) {
        if (pausedSeconds < 0) {
            throw new IllegalArgumentException("a pause lasts a positive number of seconds, not " + pausedSeconds);
        }
        return new BillingSchedule(anchor, interval, zone, Math.addExact(shiftSeconds, pausedSeconds));
    }

    /** A close guess of the index of the boundary after {@code instant}; {@link #nextBoundaryAfter} corrects it. */
    private long estimatedIndex(Instant instant) {
        ZonedDateTime from = anchor.atZone(zone);
        ZonedDateTime to = instant.minusSeconds(shiftSeconds).atZone(zone);
        return switch (interval) {
            case HOURLY -> ChronoUnit.HOURS.between(from, to);
            case DAILY -> ChronoUnit.DAYS.between(from, to);
            case WEEKLY -> ChronoUnit.WEEKS.between(from, to);
            case MONTHLY -> ChronoUnit.MONTHS.between(from, to);
            case QUARTERLY -> ChronoUnit.MONTHS.between(from, to) / 3;
            case YEARLY -> ChronoUnit.YEARS.between(from, to);
        };
    }
}
