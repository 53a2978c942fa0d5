package com.novabilling.app.admin;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProjectionStatusTest {

    @Test
    void progressIsPositionOverHead() {
        assertThat(ProjectionStatus.progress(25L, 100, false)).isCloseTo(0.25, within(1e-9));
        assertThat(ProjectionStatus.progress(99L, 100, false)).isCloseTo(0.99, within(1e-9));
    }

    @Test
    void progressIsOneWhenCaughtUpOrTheStoreIsEmpty() {
        assertThat(ProjectionStatus.progress(100L, 100, true)).isEqualTo(1.0);
        assertThat(ProjectionStatus.progress(null, -1, false)).isEqualTo(1.0);
        assertThat(ProjectionStatus.progress(-1L, -1, false)).isEqualTo(1.0);
    }

    @Test
    void progressIsZeroBeforeTheFirstEventOrWithoutAPosition() {
        assertThat(ProjectionStatus.progress(-1L, 40, false)).isZero();
        assertThat(ProjectionStatus.progress(null, 40, false)).isZero();
    }

    @Test
    void progressNeverExceedsOne() {
        assertThat(ProjectionStatus.progress(120L, 100, false)).isEqualTo(1.0);
    }

    @Test
    void slowestSegmentDeterminesPositionAndReplayingIsAnySegment() {
        ProjectionStatus status = ProjectionStatus.streaming("invoices", ProjectionStatus.POOLED_STREAMING, true, false,
                List.of(segment(80, true, false), segment(30, false, false)), 100);

        assertThat(status).isEqualTo(new ProjectionStatus("invoices", "pooled-streaming", true, true, false, false,
                0, 30L, 100, 0.3));
    }

    @Test
    void caughtUpWhenEverySegmentReachedTheHead() {
        ProjectionStatus status = ProjectionStatus.streaming("invoices", ProjectionStatus.POOLED_STREAMING, true, false,
                List.of(segment(100, true, false), segment(100, false, false)), 100);

        assertThat(status.caughtUp()).isTrue();
        assertThat(status.replaying()).isTrue(); // Axon keeps the replay flag until an event newer than the reset point
        assertThat(status.progress()).isEqualTo(1.0);
    }

    @Test
    void aFailingSegmentIsAnErrorAndNeverCaughtUp() {
        ProjectionStatus status = ProjectionStatus.streaming("invoices", ProjectionStatus.POOLED_STREAMING, true, false,
                List.of(segment(100, false, true)), 100);

        assertThat(status.error()).isTrue();
        assertThat(status.caughtUp()).isFalse();
    }

    @Test
    void deadLettersAreAnErrorButTheProcessorHasPassedThem() {
        ProjectionStatus status = ProjectionStatus.streaming("invoices", ProjectionStatus.POOLED_STREAMING, true, false,
                List.of(segment(100, false, false)), 100, 2);

        assertThat(status.deadLetters()).isEqualTo(2);
        assertThat(status.error()).isTrue();
        assertThat(status.caughtUp()).isTrue();
        assertThat(status.progress()).isEqualTo(1.0);
    }

    @Test
    void withoutClaimedSegmentsThePositionIsUnknown() {
        ProjectionStatus status = ProjectionStatus.streaming("invoices", ProjectionStatus.POOLED_STREAMING, false, false,
                List.of(), 10);

        assertThat(status.position()).isNull();
        assertThat(status.caughtUp()).isFalse();
        assertThat(status.progress()).isZero();
    }

    @Test
    void emptyStoreIsCaughtUpOnceASegmentIsClaimed() {
        EventTrackerStatus nothingHandled = segment(-1, false, false);
        when(nothingHandled.getCurrentPosition()).thenReturn(OptionalLong.empty());

        ProjectionStatus status = ProjectionStatus.streaming("invoices", ProjectionStatus.POOLED_STREAMING, true, false,
                List.of(nothingHandled), -1);

        assertThat(status.position()).isEqualTo(-1L);
        assertThat(status.caughtUp()).isTrue();
        assertThat(status.progress()).isEqualTo(1.0);
    }

    @Test
    void mapsProcessorKinds() {
        PooledStreamingEventProcessor pooled = mock(PooledStreamingEventProcessor.class);
        when(pooled.isRunning()).thenReturn(true);
        EventTrackerStatus atHead = segment(7, false, false);
        when(pooled.processingStatus()).thenReturn(Map.of(0, atHead));
        SubscribingEventProcessor subscribing = mock(SubscribingEventProcessor.class);
        when(subscribing.isRunning()).thenReturn(true);

        assertThat(ProjectionStatus.of("customers", pooled, 7))
                .isEqualTo(new ProjectionStatus("customers", "pooled-streaming", true, false, true, false, 0, 7L, 7, 1.0));
        assertThat(ProjectionStatus.of("lookup-customers", subscribing, 7))
                .isEqualTo(new ProjectionStatus("lookup-customers", "subscribing", true, false, true, false, 0, null, 7, 1.0));
    }

    static EventTrackerStatus segment(long position, boolean replaying, boolean error) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.isReplaying()).thenReturn(replaying);
        when(status.isErrorState()).thenReturn(error);
        return status;
    }
}
