package com.novabilling.command.reference;

import com.novabilling.api.error.ConflictException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Asks every {@link DeletionGuard} in the application; the first reason to keep the resource wins. */
@Component
public class DeletionPolicy {

    private final List<DeletionGuard> guards;

    public DeletionPolicy(List<DeletionGuard> guards) {
        this.guards = List.copyOf(guards);
    }

    public static DeletionPolicy allowingEverything() {
        return new DeletionPolicy(List.of());
    }

    public Optional<String> reasonToKeep(GuardedResource resource, String id) {
        return guards.stream()
                .map(guard -> guard.reasonToKeep(resource, id))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** @throws ConflictException (409) with the first guard's reason */
    public void requireDeletable(GuardedResource resource, String id) {
        reasonToKeep(resource, id).ifPresent(reason -> {
            throw new ConflictException(reason);
        });
    }
}
