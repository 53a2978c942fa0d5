package com.novabilling.api.error;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class CausesTest {

    @Test
    void findsTheOutermostFailureOfATypeAlongTheChain() {
        NotFoundException notFound = new NotFoundException("Customer", "cus_1");
        CompletionException wrapped = new CompletionException(new IllegalStateException("bus", notFound));

        assertThat(Causes.find(wrapped, NotFoundException.class)).containsSame(notFound);
        assertThat(Causes.find(wrapped, RuntimeException.class)).containsSame(wrapped);
        assertThat(Causes.contain(wrapped, UncheckedIOException.class)).isFalse();
        assertThat(Causes.of(wrapped)).hasSize(3);
    }

    @Test
    void aCycleEndsTheWalk() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(Causes.of(first)).containsExactly(first, second);
        assertThat(Causes.contain(first, UnsupportedOperationException.class)).isFalse();
    }
}
