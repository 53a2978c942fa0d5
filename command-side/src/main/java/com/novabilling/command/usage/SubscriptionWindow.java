package com.novabilling.command.usage;

import com.novabilling.api.money.CurrencyCode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What ingestion checks an event's timestamp against (docs/billing-rules.md §11): the subscription's start, its
 * pauses (closed ones and an open one), its end when canceled, and the open period's start (earlier events are late).
 *
 * @param pausedAt   start of the pause in progress, or null
 * @param canceledAt when the subscription ended, or null
 * @param pauses     closed pauses {@code [pausedAt, resumedAt)}
 */
public record SubscriptionWindow(String subscriptionId, String planId, CurrencyCode currency, Instant startedAt,
                                 Instant periodStart, Instant periodEnd, Instant pausedAt, Instant canceledAt,
                                 List<Pause> pauses) {

    public SubscriptionWindow {
        pauses = List.copyOf(pauses);
    }

    public record Pause(Instant pausedAt, Instant resumedAt) {
        boolean contains(Instant instant) {
            return !instant.isBefore(pausedAt) && instant.isBefore(resumedAt);
        }
    }

    /** Why an event at {@code timestamp} is refused (the message for {@code timestamp}), or empty when it is not. */
    public Optional<String> refusal(Instant timestamp) {
        if (timestamp.isBefore(startedAt)) {
            return Optional.of("is before the subscription started (" + startedAt + ")");
        }
        if (canceledAt != null && !timestamp.isBefore(canceledAt)) {
            return Optional.of("is not before the subscription ended (" + canceledAt + ")");
        }
        if (pausedAt != null && !timestamp.isBefore(pausedAt)) {
            return Optional.of("is inside a pause of the subscription (paused since " + pausedAt + ")");
        }
        for (Pause pause : pauses) {
            if (pause.contains(timestamp)) {
                return Optional.of("is inside a pause of the subscription (" + pause.pausedAt() + " to "
                        + pause.resumedAt() + ")");
            }
        }
        return Optional.empty();
    }

    /** Whether an accepted event at {@code timestamp} belongs to a period already closed (invoicing re-rates it). */
    public boolean late(Instant timestamp) {
        return canceledAt != null || timestamp.isBefore(periodStart);
    }
}
