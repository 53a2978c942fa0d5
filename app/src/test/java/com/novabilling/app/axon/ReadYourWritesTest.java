package com.novabilling.app.axon;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** When a processor segment has handled a write, for a read right after it. */
class ReadYourWritesTest {

    @Test
    void aPositionBelowTheWriteHasNotHandledIt() {
        assertThat(TenantAxonRuntime.handled(segment(GapAwareTrackingToken.newInstance(5, Set.of())), 6)).isFalse();
    }

    @Test
    void thePositionOfTheWriteOrPastItWithoutAGapThereHasHandledIt() {
        assertThat(TenantAxonRuntime.handled(segment(GapAwareTrackingToken.newInstance(6, Set.of())), 6)).isTrue();
        assertThat(TenantAxonRuntime.handled(segment(GapAwareTrackingToken.newInstance(9, Set.of(7L))), 6)).isTrue();
    }

    @Test
    void aWriteThatCommittedAfterALaterOneIsWaitedForWhileItIsAGap() {
        // events 5 and 6 of two concurrent commands; 6 committed first and was handled, 5 is still a gap
        assertThat(TenantAxonRuntime.handled(segment(GapAwareTrackingToken.newInstance(6, Set.of(5L))), 5)).isFalse();
    }

    @Test
    void aReplayingSegmentCountsByWhereItHasReplayedTo() {
        GapAwareTrackingToken head = GapAwareTrackingToken.newInstance(10, Set.of());
        ReplayToken replaying = (ReplayToken) ReplayToken.createReplayToken(head, GapAwareTrackingToken.newInstance(3, Set.of()));
        assertThat(TenantAxonRuntime.handled(segment(replaying, 3), 6)).isFalse();
    }

    @Test
    void aSegmentInErrorDoesNotBlockTheCaller() {
        EventTrackerStatus failing = segment(GapAwareTrackingToken.newInstance(2, Set.of()));
        when(failing.isErrorState()).thenReturn(true);
        assertThat(TenantAxonRuntime.handled(failing, 6)).isTrue();
    }

    @Test
    void aReadWaitsOnlyForWritesOfEventsItsReadModelsHandleAndForgetsHandledOnes() {
        TenantAxonRuntime.WrittenPositions writes = new TenantAxonRuntime.WrittenPositions();
        writes.committed(7, Set.of(String.class));
        writes.committed(5, Set.of(Integer.class, Long.class));
        assertThat(writes.concerning(type -> type == Long.class)).containsExactly(5L);
        assertThat(writes.concerning(type -> true)).containsExactly(5L, 7L);
        writes.forget(List.of(5L));
        assertThat(writes.concerning(type -> true)).containsExactly(7L);
        for (long i = 0; i < 10_050; i++) {
            writes.committed(100 + i, Set.of(String.class));
        }
        assertThat(writes.snapshot()).hasSize(10_000).doesNotContainKey(7L);
    }

    private static EventTrackerStatus segment(GapAwareTrackingToken token) {
        return segment(token, token.getIndex());
    }

    private static EventTrackerStatus segment(org.axonframework.eventhandling.TrackingToken token, long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getTrackingToken()).thenReturn(token);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }
}
