package com.novabilling.command.usage;

import java.util.List;

/**
 * What a batch did: {@code accepted} events stored now, {@code duplicates} already stored with the same payload
 * (not counted again), and each refused item by its index in {@code events}.
 */
public record UsageEventBatchResult(int accepted, int duplicates, List<Rejected> rejected) {

    public UsageEventBatchResult {
        rejected = List.copyOf(rejected);
    }

    /** A refused item: nothing of it was stored. {@code field} is the item's field, e.g. {@code timestamp}. */
    public record Rejected(int index, String transactionId, String field, String message) {
    }
}
