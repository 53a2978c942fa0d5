package com.novabilling.app.schedule;

import com.novabilling.api.error.ValidationException;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/** ISO-8601 amounts of time that may mix a calendar period and a duration ({@code P1M}, {@code PT36H}, {@code P1MT2H}). */
final class IsoAmounts {

    private IsoAmounts() {
    }

    /** {@code start} moved by {@code amount}: the calendar part in UTC (a month from Jan 31 is Feb 28), then the rest. */
    static Instant after(Instant start, String amount, String field) {
        String text = amount.strip().toUpperCase();
        int time = text.indexOf('T');
        try {
            if (!text.startsWith("P") || text.length() < 3 || time == 1 && text.length() < 4) {
                throw new DateTimeException("not an ISO-8601 amount");
            }
            Period period = time == 1 ? Period.ZERO : Period.parse(time < 0 ? text : text.substring(0, time));
            Duration duration = time < 0 ? Duration.ZERO : Duration.parse("P" + text.substring(time));
            if (period.isNegative() || duration.isNegative() || period.isZero() && duration.isZero()) {
                throw new ValidationException(field, "must move the clock forward: a positive ISO-8601 period or duration");
            }
            return start.atZone(ZoneOffset.UTC).plus(period).toInstant().plus(duration);
        } catch (DateTimeException | ArithmeticException e) {
            throw new ValidationException(field, "must be an ISO-8601 period or duration such as P1M, P14D, PT36H or "
                    + "P1MT2H, got '" + amount + "'");
        }
    }
}
