package com.novabilling.app.time;

import com.novabilling.app.tenancy.TenantContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's one clock, read per tenant: the base clock, or — with test clocks on — the instant at which the
 * tenant bound to the thread froze its own time ({@link TestClocks}). Aggregates, event timestamps, tokens and the
 * subscription clock all read it, so a tenant's test clock moves everything that tenant does.
 */
public final class TenantClock extends Clock {

    private final Clock base;
    private final TestClocks testClocks;

    public TenantClock(Clock base, TestClocks testClocks) {
        this.base = base;
        this.testClocks = testClocks;
    }

    @Override
    public Instant instant() {
        if (!testClocks.enabled()) {
            return base.instant();
        }
        return TenantContext.current().flatMap(testClocks::frozenAt).orElseGet(base::instant);
    }

    /** The time outside any tenant: the scheduler's, which test clocks never move. */
    public Instant baseInstant() {
        return base.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application's clock is UTC");
    }
}
