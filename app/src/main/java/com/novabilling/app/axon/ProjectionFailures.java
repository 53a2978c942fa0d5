package com.novabilling.app.axon;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The events this node's read-model projections of one tenant failed on, with why, until they are dead-lettered for
 * good and dealt with. It lets a batch that had to be rolled back dead-letter the event at once when it runs again,
 * logs each failing event once, and lets a read right after a write end its wait as soon as the write has failed.
 * The dead-letter queue in the tenant's database stays the record; this only remembers the most recent failures.
 */
final class ProjectionFailures {

    private static final int REMEMBERED = 1_000;

    private record Key(String group, String eventId) {
    }

    private final Set<String> groupsWithoutLetters = new HashSet<>();
    private long failuresSeen;

    private final Map<Key, ProjectionFailure> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ProjectionFailure> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Remembers why the group failed on the event; true the first time, when it is to be logged. */
    synchronized boolean remember(String group, String eventId, ProjectionFailure failure) {
        failuresSeen++;
        groupsWithoutLetters.remove(group);
        return failures.put(new Key(group, eventId), failure) == null;
    }

    synchronized Optional<ProjectionFailure> of(String group, String eventId) {
        return Optional.ofNullable(failures.get(new Key(group, eventId)));
    }

    /** The first of the events the group is known to have failed on, if any. */
    synchronized Optional<String> firstFailed(String group, Collection<String> eventIds) {
        return eventIds.stream().filter(id -> failures.containsKey(new Key(group, id))).findFirst();
    }

    /** How many failures were remembered so far: taken before a look at the queues, to trust it only if none came since. */
    synchronized long failuresSeen() {
        return failuresSeen;
    }

    /**
     * The queues of these groups were found empty when {@link #failuresSeen()} was {@code asOf}; kept only if no
     * failure came since. A letter only ever enters a queue after a failure here, or behind a letter already in it.
     */
    synchronized void foundWithoutLetters(Collection<String> groups, long asOf) {
        if (failuresSeen == asOf) {
            groupsWithoutLetters.addAll(groups);
        }
    }

    /** Whether the group's queue is known to be empty: seen empty, and no failure since. */
    synchronized boolean knownWithoutLetters(String group) {
        return groupsWithoutLetters.contains(group);
    }

    synchronized void forget(String group, String eventId) {
        failures.remove(new Key(group, eventId));
    }

    synchronized void forgetGroup(String group) {
        failures.keySet().removeIf(key -> key.group().equals(group));
    }
}
