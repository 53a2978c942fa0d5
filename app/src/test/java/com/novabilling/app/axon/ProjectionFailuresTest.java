package com.novabilling.app.axon;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionFailuresTest {

    private final ProjectionFailures failures = new ProjectionFailures();
    private final ProjectionFailure failure = ProjectionFailure.of(new IllegalStateException("boom"), true);

    @Test
    void aQueueSeenEmptyIsKnownEmptyUntilTheGroupFails() {
        failures.foundWithoutLetters(List.of("customers", "plans"), failures.failuresSeen());

        assertThat(failures.knownWithoutLetters("customers")).isTrue();
        failures.remember("customers", "event-1", failure);

        assertThat(failures.knownWithoutLetters("customers")).isFalse();
        assertThat(failures.knownWithoutLetters("plans")).isTrue();
    }

    @Test
    void aLookAtTheQueuesIsNotTrustedWhenAFailureCameWhileItRan() {
        long asOf = failures.failuresSeen();
        failures.remember("customers", "event-1", failure); // fails while the query for empty queues runs

        failures.foundWithoutLetters(List.of("customers", "plans"), asOf);

        assertThat(failures.knownWithoutLetters("customers")).isFalse();
        assertThat(failures.knownWithoutLetters("plans")).isFalse();
    }
}
