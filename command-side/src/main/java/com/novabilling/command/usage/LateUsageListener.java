package com.novabilling.command.usage;

import java.time.Instant;

/**
 * Told, after they are stored, of late usage events (docs/billing-rules.md §11): events of a subscription timed
 * before its open period, whose period may be on an invoice already — re-rated into it while it is a draft (§13.3).
 */
@FunctionalInterface
public interface LateUsageListener {

    /**
     * @param earliest the timestamp of the earliest late event stored for the subscription in one request
     * @param latest   the timestamp of the latest
     */
    void lateUsageStored(String subscriptionId, Instant earliest, Instant latest);
}
