package com.novabilling.app.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import com.novabilling.app.time.TenantClock;
import com.novabilling.app.time.TestClocks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in integration tests: real time plus an offset that tests move forward, so an expiry is
 * reached without waiting. The offset only grows; tests share the context, so they never move it back.
 */
public final class TestClock extends Clock {

    private final Clock base = Clock.systemUTC();
    private volatile Duration offset = Duration.ZERO;

    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application's clock is UTC");
    }

    /** The tests' base clock under the application's per-tenant clock, so tenants' test clocks still work. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        @Primary
        TenantClock testTenantClock(TestClock testClock, TestClocks testClocks) {
            return new TenantClock(testClock, testClocks);
        }
    }
}
