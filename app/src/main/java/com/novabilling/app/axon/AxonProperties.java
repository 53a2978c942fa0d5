package com.novabilling.app.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * The tenant runtime's knobs ({@code novabilling.axon.*}).
 *
 * @param processorBatchSize    events per processor transaction
 * @param readYourWritesTimeout longest a read waits for the read models it reads to reach the node's writes
 * @param coordinatorThreads    threads shared by all processors' coordinators (reading the stores, claiming tokens)
 * @param workerThreads         threads shared by all processors' work packages (running the handlers)
 * @param tokenClaimInterval    how often a running processor looks for unclaimed segments and extends its claims
 * @param claimTimeout          after this long without extension another node may take a processor's claim
 * @param safetyCheckInterval   longest a running processor goes without reading its store when no commit signal
 *                              arrives (a signal lost, another node's commit without notification); at least 10 s
 * @param idleTimeout           a tenant with no request and no event for this long stops its processors; its pool
 *                              then drains to zero connections
 * @param segments              processing groups split into more segments than one, so that several worker threads
 *                              handle their events at once (ordered per aggregate); a new count applies to a tenant
 *                              whose processor has no tokens yet
 */
@ConfigurationProperties("novabilling.axon")
public record AxonProperties(int processorBatchSize,
                             Duration readYourWritesTimeout,
                             int coordinatorThreads,
                             int workerThreads,
                             Duration tokenClaimInterval,
                             Duration claimTimeout,
                             Duration safetyCheckInterval,
                             Duration idleTimeout,
                             Map<String, Integer> segments) {

    public AxonProperties {
        segments = segments == null ? Map.of() : Map.copyOf(segments);
        if (segments.values().stream().anyMatch(count -> count == null || count < 1)) {
            throw new IllegalArgumentException("novabilling.axon.segments must be at least 1 for each group");
        }
        if (safetyCheckInterval.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("novabilling.axon.safety-check-interval must be at least 10 s, got " + safetyCheckInterval);
        }
        if (claimTimeout.compareTo(tokenClaimInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("novabilling.axon.claim-timeout must be at least three token-claim intervals");
        }
        if (coordinatorThreads < 1 || workerThreads < 1) {
            throw new IllegalArgumentException("novabilling.axon coordinator-threads and worker-threads must be positive");
        }
    }
}
