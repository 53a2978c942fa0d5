package com.novabilling.app.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

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
 */
@ConfigurationProperties("novabilling.axon")
public record AxonProperties(int processorBatchSize,
                             Duration readYourWritesTimeout,
                             int coordinatorThreads,
                             int workerThreads,
                             Duration tokenClaimInterval,
                             Duration claimTimeout,
                             Duration safetyCheckInterval,
                             Duration idleTimeout) {

    public AxonProperties {
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
