package com.novabilling.api.error;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Walks a failure and its causes. Failures arrive wrapped (Axon's buses, futures, Spring's and Hibernate's
 * translations), so the exception that says what went wrong is looked for along the chain; a cycle ends the walk.
 */
public final class Causes {

    private Causes() {
    }

    /** The failure, then its cause, then that one's cause, …, each once. */
    public static Stream<Throwable> of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return Stream.iterate(failure, t -> t != null && seen.add(t), Throwable::getCause);
    }

    /** The outermost failure of {@code type} in the chain. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return of(failure).filter(type::isInstance).map(type::cast).findFirst();
    }

    public static boolean contain(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type).isPresent();
    }
}
