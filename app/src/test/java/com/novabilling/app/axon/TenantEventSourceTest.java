package com.novabilling.app.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The processors' event source reads the store when told of a commit, not on a timer. */
class TenantEventSourceTest {

    private final List<TrackedEventMessage<?>> store = new ArrayList<>();
    private final List<TrackingToken> readsFrom = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    @SuppressWarnings("unchecked")
    private final TenantEventSource source = new TenantEventSource(mock(StreamableMessageSource.class), this::read, 2,
            Duration.ofSeconds(15), now::get);

    private List<TrackedEventMessage<?>> read(TrackingToken after, int max) {
        readsFrom.add(after);
        long from = after == null ? -1 : after.position().orElse(-1);
        return store.stream().filter(e -> e.trackingToken().position().orElse(-1) > from).limit(max).toList();
    }

    private void commit(long index) {
        store.add(new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(index, Set.of()),
                GenericEventMessage.asEventMessage("event " + index)));
    }

    @Test
    void aStreamReadsOnceWhenOpenedAndThenOnlyAfterASignal() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(readsFrom).hasSize(1);

        commit(0);
        assertThat(stream.hasNextAvailable()).as("no signal yet: the store is not asked").isFalse();
        source.signal();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("event 0");
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(readsFrom).hasSize(2);
    }

    @Test
    void aSignalWakesTheProcessorThroughItsCallback() {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger wakeUps = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).isTrue();
        source.signal();
        source.signal();
        assertThat(wakeUps).hasValue(2);
        stream.close();
        source.signal();
        assertThat(wakeUps).as("a closed stream is forgotten").hasValue(2);
        assertThat(source.openStreams()).isZero();
    }

    @Test
    void processorsAtTheSameTokenShareOneReadPerSignal() throws InterruptedException {
        commit(0);
        List<BlockingStream<TrackedEventMessage<?>>> streams = List.of(source.openStream(null), source.openStream(null),
                source.openStream(null));
        for (BlockingStream<TrackedEventMessage<?>> stream : streams) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("event 0");
        }
        long readsBefore = source.reads();
        commit(1);
        source.signal();
        for (BlockingStream<TrackedEventMessage<?>> stream : streams) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("event 1");
        }
        assertThat(source.reads() - readsBefore).isEqualTo(1);
    }

    @Test
    void aCommitDuringAReadIsNotHiddenByTheSharedBatch() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> first = source.openStream(null);
        BlockingStream<TrackedEventMessage<?>> second = source.openStream(null);
        assertThat(first.hasNextAvailable()).isFalse(); // shared empty batch, read before the commit
        commit(0);
        source.signal();
        assertThat(second.hasNextAvailable()).isTrue();
        assertThat(first.hasNextAvailable()).isTrue();
    }

    @Test
    void withoutSignalsTheStoreIsCheckedOncePerSafetyIntervalBypassingTheSharedBatch() {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        assertThat(stream.hasNextAvailable()).isFalse();
        commit(0); // e.g. another node's commit whose notification was lost
        now.addAndGet(Duration.ofSeconds(14).toNanos());
        assertThat(stream.hasNextAvailable()).isFalse();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(stream.hasNextAvailable()).isTrue();
    }

    @Test
    void aFullBatchIsFollowedByAnotherReadWithoutASignal() throws InterruptedException {
        for (long i = 0; i < 5; i++) {
            commit(i);
        }
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        List<Object> payloads = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            payloads.add(stream.nextAvailable().getPayload());
        }
        assertThat(payloads).containsExactly("event 0", "event 1", "event 2", "event 3", "event 4");
    }

    @Test
    void aBlockingWaitEndsWhenASignalArrives() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        assertThat(stream.hasNextAvailable()).isFalse();
        Thread committer = new Thread(() -> {
            commit(0);
            source.signal();
        });
        committer.start();
        assertThat(stream.hasNextAvailable(30, TimeUnit.SECONDS)).isTrue();
        committer.join();
    }

    @Test
    void theSourceIsDrainedOnceEveryStreamHasHandedOutWhatItRead() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        assertThat(source.drainedUpTo()).as("not read yet").isEmpty();
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(source.drainedUpTo()).hasValue(-1);
        commit(0);
        source.signal();
        assertThat(source.drainedUpTo()).as("signalled, unread").isEmpty();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(source.drainedUpTo()).as("read, not handed out").isEmpty();
        stream.nextAvailable();
        assertThat(source.drainedUpTo()).hasValue(0);
    }

    @Test
    void aCommitWakesOnlyTheProcessorsHandlingItsEventsTheOthersReadItOnTheirNextRun() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> strings = source.forProcessorHandling(type -> type == String.class).openStream(null);
        BlockingStream<TrackedEventMessage<?>> numbers = source.forProcessorHandling(type -> type == Long.class).openStream(null);
        AtomicInteger stringWakeUps = new AtomicInteger();
        AtomicInteger numberWakeUps = new AtomicInteger();
        strings.setOnAvailableCallback(stringWakeUps::incrementAndGet);
        numbers.setOnAvailableCallback(numberWakeUps::incrementAndGet);
        assertThat(strings.hasNextAvailable()).isFalse();
        assertThat(numbers.hasNextAvailable()).isFalse();

        commit(0); // payload "event 0" is a String
        source.signal(List.of(String.class));
        assertThat(stringWakeUps).hasValue(1);
        assertThat(numberWakeUps).hasValue(0);
        assertThat(source.drainedUpTo()).as("the number processor has an unread commit").isEmpty();

        assertThat(numbers.hasNextAvailable()).as("read on its next run all the same").isTrue();
        numbers.nextAvailable();
        source.wakeLaggingStreams();
        assertThat(stringWakeUps).as("the string stream has unread events and is woken again").hasValue(2);
    }
}
