package com.novabilling.app.time;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

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

    /** Axon's event timestamps come from a static clock; it is pointed at the application's. */
    @Bean
    SmartInitializingSingleton eventsStampedByTheApplicationClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }
}
