package com.novabilling.app.admin;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;

import java.util.Collection;

/**
 * Where one of the tenant's event processors stands. {@code position} is the global index of the last event the
 * slowest segment has handled (-1 for none yet, null when unknown: a subscribing processor, or a streaming one that
 * has no claimed segment on this node). {@code headPosition} is the newest event's index, -1 for an empty store.
 * {@code deadLetters} counts the events waiting in the processor's dead-letter queue; {@code error} is true while the
 * processor fails or has dead letters. Dead letters do not make it lag: {@code caughtUp} says it has passed the head.
 */
public record ProjectionStatus(String name,
                               String mode,
                               boolean running,
                               boolean replaying,
                               boolean caughtUp,
                               boolean error,
                               long deadLetters,
                               Long position,
                               long headPosition,
                               double progress) {

    public static final String POOLED_STREAMING = "pooled-streaming";
    public static final String SUBSCRIBING = "subscribing";
    public static final String TRACKING = "tracking";

    public static ProjectionStatus of(String name, EventProcessor processor, long headPosition) {
        return of(name, processor, headPosition, 0);
    }

    public static ProjectionStatus of(String name, EventProcessor processor, long headPosition, long deadLetters) {
        if (processor instanceof StreamingEventProcessor streaming) {
            return streaming(name, mode(processor), streaming.isRunning(), streaming.isError(),
                    streaming.processingStatus().values(), headPosition, deadLetters);
        }
        return subscribing(name, processor.isRunning(), processor.isError(), headPosition);
    }

    static ProjectionStatus streaming(String name, String mode, boolean running, boolean processorError,
                                      Collection<EventTrackerStatus> segments, long headPosition) {
        return streaming(name, mode, running, processorError, segments, headPosition, 0);
    }

    /** Caught up once every claimed segment has handled the head event and none is failing. */
    static ProjectionStatus streaming(String name, String mode, boolean running, boolean processorError,
                                      Collection<EventTrackerStatus> segments, long headPosition, long deadLetters) {
        boolean segmentError = segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        Long position = segments.isEmpty() ? null : segments.stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(-1))
                .min()
                .getAsLong();
        boolean failing = processorError || segmentError;
        boolean caughtUp = running && !failing && position != null && position >= headPosition;
        return new ProjectionStatus(name, mode, running, replaying, caughtUp, failing || deadLetters > 0, deadLetters,
                position, headPosition, progress(position, headPosition, caughtUp));
    }

    /** A subscribing processor handles each event as it is published, so it is current whenever it runs. */
    static ProjectionStatus subscribing(String name, boolean running, boolean error, long headPosition) {
        boolean caughtUp = running && !error;
        return new ProjectionStatus(name, SUBSCRIBING, running, false, caughtUp, error, 0, null, headPosition,
                headPosition < 0 || caughtUp ? 1.0 : 0.0);
    }

    /** Fraction of the store handled: position / head, 1.0 when caught up or the store is empty. */
    static double progress(Long position, long headPosition, boolean caughtUp) {
        if (caughtUp || headPosition < 0) {
            return 1.0;
        }
        if (position == null || position < 0 || headPosition == 0) {
            return 0.0;
        }
        return Math.min(1.0, (double) position / headPosition);
    }

    private static String mode(EventProcessor processor) {
        if (processor instanceof PooledStreamingEventProcessor) {
            return POOLED_STREAMING;
        }
        if (processor instanceof TrackingEventProcessor) {
            return TRACKING;
        }
        return processor instanceof SubscribingEventProcessor ? SUBSCRIBING : "streaming";
    }
}
