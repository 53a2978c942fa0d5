package com.novabilling.app.time;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The one clock of the application: domain code (aggregates take it as a handler parameter), the control database's
 * timestamps, tokens and limits read it, and Axon stamps events with it. Tests replace it with a clock they move.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Axon's event timestamps come from a static clock; it is pointed at the application's. */
    @Bean
    SmartInitializingSingleton eventsStampedByTheApplicationClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }
}
