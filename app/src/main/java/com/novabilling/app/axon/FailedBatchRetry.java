package com.novabilling.app.axon;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Has a processor take its segment up again right after a batch was rolled back to dead-letter an event. Left to
 * itself, a pooled streaming processor claims the segment of a failed work package only at its next claim check
 * (the token-claim interval, 30 s by default here), and the projection would wait that long. Claiming the segment
 * is a request to the processor's coordinator; it is repeated for a moment, because the failed work package must
 * first have been released.
 */
final class FailedBatchRetry {

    private static final long INTERVAL_MILLIS = 100;
    private static final int ATTEMPTS = 30;

    private final ScheduledExecutorService scheduler;
    private final Function<String, Optional<EventProcessor>> processors;

    FailedBatchRetry(ScheduledExecutorService scheduler, Function<String, Optional<EventProcessor>> processors) {
        this.scheduler = scheduler;
        this.processors = processors;
    }

    void soon(String processorName, int segmentId) {
        schedule(processorName, segmentId, 1, false);
    }

    private void schedule(String processorName, int segmentId, int attempt, boolean failedPackageSeen) {
        scheduler.schedule(() -> claim(processorName, segmentId, attempt, failedPackageSeen),
                INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void claim(String processorName, int segmentId, int attempt, boolean failedPackageSeen) {
        if (!(processors.apply(processorName).orElse(null) instanceof StreamingEventProcessor processor)
                || !processor.isRunning()) {
            return;
        }
        EventTrackerStatus status = processor.processingStatus().get(segmentId);
        boolean failedPackage = status == null || status.isErrorState();
        if (failedPackageSeen && !failedPackage) {
            return; // a new work package processes the segment
        }
        processor.claimSegment(segmentId);
        if (attempt < ATTEMPTS) {
            schedule(processorName, segmentId, attempt + 1, failedPackageSeen || failedPackage);
        }
    }
}
