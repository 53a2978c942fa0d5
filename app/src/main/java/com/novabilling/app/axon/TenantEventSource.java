package com.novabilling.app.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The event stream a tenant's streaming processors read: it reads the tenant's store only when told that events
 * were committed ({@link #signal()}, called after every commit on this node and on a notification from another
 * node) and otherwise once per {@code safetyInterval} without any signal, in case one was lost. Each stream offers the
 * processor's coordinator an availability callback, so a commit wakes the processors at once instead of on their
 * next 500 ms poll, and an idle tenant issues no queries beyond that safety check.
 * <p>
 * Processors of one tenant usually stand at the same token; the first of them to read after a signal keeps the
 * batch it read, and the others at the same token take it without a query of their own.
 */
final class TenantEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Reads at most {@code max} events after a token; {@code null} reads from the first event. */
    @FunctionalInterface
    interface BatchReader {
        List<TrackedEventMessage<?>> read(TrackingToken after, int max);
    }

    private final StreamableMessageSource<TrackedEventMessage<?>> tokens;
    private final BatchReader reader;
    private final int batchSize;
    private final long safetyIntervalNanos;
    private final LongSupplier nanoTime;
    private final Set<SignalledStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong lastSignalNanos;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong highestDelivered = new AtomicLong(-1);
    private volatile SharedBatch lastBatch;

    TenantEventSource(StreamableMessageSource<TrackedEventMessage<?>> tokens, BatchReader reader, int batchSize,
                      Duration safetyInterval, LongSupplier nanoTime) {
        this.tokens = tokens;
        this.reader = reader;
        this.batchSize = batchSize;
        this.safetyIntervalNanos = safetyInterval.toNanos();
        this.nanoTime = nanoTime;
        this.lastSignalNanos = new AtomicLong(nanoTime.getAsLong());
    }

    /** Events may have been committed (by another node, or unknown): every open stream reads again, woken. */
    void signal() {
        lastSignalNanos.set(nanoTime.getAsLong());
        commits.incrementAndGet();
        for (SignalledStream stream : streams) {
            stream.wake();
        }
    }

    /**
     * These events were committed: the processors that handle one of them are woken at once; the others read them
     * on their next run (the next commit they handle, the safety check, a claim), since nothing waits for them.
     */
    void signal(Collection<Class<?>> payloadTypes) {
        lastSignalNanos.set(nanoTime.getAsLong());
        commits.incrementAndGet();
        for (SignalledStream stream : streams) {
            if (payloadTypes.stream().anyMatch(stream.interest)) {
                stream.wake();
            } else {
                stream.dirty = true;
            }
        }
    }

    /** Wakes the streams that have unread commits they were not woken for (before deciding a tenant is idle). */
    void wakeLaggingStreams() {
        for (SignalledStream stream : streams) {
            if (stream.dirty) {
                stream.wake();
            }
        }
    }

    /** The same store, for a processor that handles only the payload types {@code interest} accepts. */
    StreamableMessageSource<TrackedEventMessage<?>> forProcessorHandling(Predicate<Class<?>> interest) {
        TenantEventSource source = this;
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
                return source.open(trackingToken, interest);
            }

            @Override
            public TrackingToken createTailToken() {
                return source.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return source.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(Instant dateTime) {
                return source.createTokenAt(dateTime);
            }

            @Override
            public TrackingToken createTokenSince(Duration duration) {
                return source.createTokenSince(duration);
            }
        };
    }

    int openStreams() {
        return streams.size();
    }

    /** The open streams a commit of this payload type wakes at once, for tests and diagnostics. */
    long streamsWokenBy(Class<?> payloadType) {
        return streams.stream().filter(stream -> stream.interest.test(payloadType)).count();
    }

    /**
     * Every open stream has handed out all it knows of and has no unread signal; returns the global index of the
     * newest event handed out so far (-1 for none), or empty while some stream still has something to give.
     */
    OptionalLong drainedUpTo() {
        for (SignalledStream stream : streams) {
            if (stream.dirty || !stream.buffer.isEmpty()) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(highestDelivered.get());
    }

    /** Queries this source has sent to the store, for tests and diagnostics. */
    long reads() {
        return reads.get();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return open(trackingToken, type -> true);
    }

    private BlockingStream<TrackedEventMessage<?>> open(TrackingToken trackingToken, Predicate<Class<?>> interest) {
        SignalledStream stream = new SignalledStream(trackingToken, interest);
        streams.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return tokens.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return tokens.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return tokens.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return tokens.createTokenSince(duration);
    }

    /**
     * No signal for a safety interval: act as if one came, so every stream reads once (sharing one query again) and
     * finds commits no signal announced — another node's whose notification was lost.
     */
    private void signalIfSilentForTooLong() {
        long last = lastSignalNanos.get();
        if (nanoTime.getAsLong() - last >= safetyIntervalNanos && lastSignalNanos.compareAndSet(last, nanoTime.getAsLong())) {
            signal();
        }
    }

    private List<TrackedEventMessage<?>> read(TrackingToken after) {
        long commitsBefore = commits.get();
        SharedBatch shared = lastBatch;
        if (shared != null && shared.commitsBefore == commitsBefore && Objects.equals(shared.after, after)) {
            return shared.events;
        }
        reads.incrementAndGet();
        List<TrackedEventMessage<?>> events = reader.read(after, batchSize);
        // Valid for others only while no commit has been signalled since the read began.
        lastBatch = new SharedBatch(commitsBefore, after, events);
        return events;
    }

    private record SharedBatch(long commitsBefore, TrackingToken after, List<TrackedEventMessage<?>> events) {
    }

    /**
     * One processor's stream. Only its coordinator reads from it (one run at a time); {@link #wake()} may come from
     * any thread.
     */
    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final ConcurrentLinkedDeque<TrackedEventMessage<?>> buffer = new ConcurrentLinkedDeque<>();
        private final Object wakeUps = new Object();
        private final Predicate<Class<?>> interest;
        private TrackingToken lastToken;
        private volatile boolean dirty = true;
        private volatile Runnable onAvailable;

        private SignalledStream(TrackingToken from, Predicate<Class<?>> interest) {
            this.lastToken = from;
            this.interest = interest;
        }

        void wake() {
            dirty = true;
            synchronized (wakeUps) {
                wakeUps.notifyAll();
            }
            Runnable callback = onAvailable;
            if (callback != null) {
                callback.run();
            }
        }

        private void fill() {
            if (!buffer.isEmpty()) {
                return;
            }
            signalIfSilentForTooLong();
            if (!dirty) {
                return;
            }
            dirty = false; // cleared before reading: a signal during the read makes the next call read again
            List<TrackedEventMessage<?>> events = read(lastToken);
            if (!events.isEmpty()) {
                buffer.addAll(events);
                lastToken = events.get(events.size() - 1).trackingToken();
                highestDelivered.accumulateAndGet(lastToken.position().orElse(-1), Math::max);
                if (events.size() >= batchSize) {
                    dirty = true; // a full batch: there may be more
                }
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            fill();
            return Optional.ofNullable(buffer.peekFirst());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            fill();
            if (!buffer.isEmpty() || timeout <= 0) {
                return !buffer.isEmpty();
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (buffer.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                synchronized (wakeUps) {
                    if (!dirty) {
                        TimeUnit.NANOSECONDS.timedWait(wakeUps, left);
                    }
                }
                fill();
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
            }
            return buffer.pollFirst();
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.onAvailable = callback;
            return true;
        }

        @Override
        public void close() {
            onAvailable = null;
            streams.remove(this);
        }
    }
}
