package com.novabilling.app.axon;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** When a processor segment counts as caught up with the head, for a read right after a command. */
class ReadYourWritesTest {

    private final List<List<Long>> asked = new ArrayList<>();

    @Test
    void positionBelowTheHeadIsNotCaughtUp() {
        assertThat(TenantAxonRuntime.caughtUpTo(segment(GapAwareTrackingToken.newInstance(5, Set.of())), 6, committed()))
                .isFalse();
    }

    @Test
    void positionAtTheHeadWithoutGapsIsCaughtUpWithoutAskingTheStore() {
        assertThat(TenantAxonRuntime.caughtUpTo(segment(GapAwareTrackingToken.newInstance(6, Set.of())), 6, committed()))
                .isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void aCommittedEventBehindThePositionIsWaitedFor() {
        // events 5 and 6 of two concurrent commands; 6 committed first and was handled, 5 committed later
        EventTrackerStatus segment = segment(GapAwareTrackingToken.newInstance(6, Set.of(5L)));
        assertThat(TenantAxonRuntime.caughtUpTo(segment, 6, committed(5L))).isFalse();
        assertThat(asked).containsExactly(List.of(5L));
    }

    @Test
    void aGapThatIsNoCommittedEventIsNotWaitedFor() {
        // a rolled-back insert (or a transaction still running, which is not the caller's) never fills its gap
        EventTrackerStatus segment = segment(GapAwareTrackingToken.newInstance(6, Set.of(3L, 5L)));
        assertThat(TenantAxonRuntime.caughtUpTo(segment, 6, committed())).isTrue();
        assertThat(asked).containsExactly(List.of(3L, 5L));
    }

    @Test
    void gapsAboveTheHeadAreNotTheCallersConcern() {
        EventTrackerStatus segment = segment(GapAwareTrackingToken.newInstance(9, Set.of(8L)));
        assertThat(TenantAxonRuntime.caughtUpTo(segment, 6, committed(8L))).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void aSegmentInErrorDoesNotBlockTheCaller() {
        EventTrackerStatus failing = segment(GapAwareTrackingToken.newInstance(2, Set.of()));
        when(failing.isErrorState()).thenReturn(true);
        assertThat(TenantAxonRuntime.caughtUpTo(failing, 6, committed())).isTrue();
    }

    private TenantAxonRuntime.CommittedEvents committed(Long... indexes) {
        Set<Long> inTable = Set.of(indexes);
        return gaps -> {
            asked.add(gaps.stream().sorted().toList());
            return Set.copyOf(gaps.stream().filter(inTable::contains).toList());
        };
    }

    private static EventTrackerStatus segment(GapAwareTrackingToken token) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getTrackingToken()).thenReturn(token);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(token.getIndex()));
        return status;
    }
}
