package com.novabilling.app.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Verification runs ({@code POST /admin/ledger/verifications}) on this node.
 *
 * @param threads       runs executing at once on this node (each reads a whole event store: keep it small); default 1
 * @param queueCapacity runs waiting for a thread on this node; beyond it a POST is answered 503; default 100
 * @param staleAfter    a RUNNING run whose row was last written longer ago than this is taken for abandoned (its node
 *                      died) by the next POST, which marks it FAILED and starts a new one; default 10 minutes
 */
@ConfigurationProperties("novabilling.ledger.verification")
public record LedgerVerificationProperties(Integer threads, Integer queueCapacity, Duration staleAfter) {

    public LedgerVerificationProperties {
        threads = threads == null ? 1 : Math.max(1, threads);
        queueCapacity = queueCapacity == null ? 100 : Math.max(1, queueCapacity);
        staleAfter = staleAfter == null ? Duration.ofMinutes(10) : staleAfter;
    }
}
