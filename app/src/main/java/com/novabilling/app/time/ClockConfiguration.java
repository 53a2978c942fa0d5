package com.novabilling.app.time;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The one clock of the application: domain code (aggregates take it as a handler parameter), the control database's
 * timestamps, tokens and limits read it, and Axon stamps events with it. It is read per tenant ({@link TenantClock}),
 * so a tenant's test clock moves all of that tenant's time. Tests give it a base clock they move.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    TenantClock clock(TestClocks testClocks) {
        return new TenantClock(Clock.systemUTC(), testClocks);
    }

    @Bean
    EventTimestamps eventsStampedByTheApplicationClock(Clock clock) {
        return new EventTimestamps(clock);
    }

    /**
     * Axon's event timestamps come from one static clock per JVM; it is pointed at the application's. Where one JVM
     * runs several application contexts (tests that start a second server), the one started last stamps events while
     * it runs, and the previous one's clock comes back when it closes.
     */
    static final class EventTimestamps implements SmartInitializingSingleton, DisposableBean {

        private static final Deque<Clock> RUNNING = new ConcurrentLinkedDeque<>();

        private final Clock clock;

        EventTimestamps(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void afterSingletonsInstantiated() {
            RUNNING.push(clock);
            GenericEventMessage.clock = clock;
        }

        @Override
        public void destroy() {
            RUNNING.removeFirstOccurrence(clock);
            Clock previous = RUNNING.peekFirst();
            GenericEventMessage.clock = previous != null ? previous : Clock.systemUTC();
        }
    }
}
