package com.novabilling.command.support;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application clock as an aggregate sees it in an {@code AggregateTestFixture}: the fixture's current time
 * ({@code givenCurrentTime}), which the fixture sets as the clock that stamps events.
 */
public final class FixtureClock extends Clock {

    @Override
    public Instant instant() {
        return GenericEventMessage.clock.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
