package com.novabilling.command.reference;

import java.util.Optional;

/**
 * Lets a feature veto the deletion of a resource it still depends on (a subscription its plan, a charge its
 * metric). Implementations are Spring beans; they run inside the delete command's transaction, in the resource's
 * tenant, and answer empty for resources they do not guard.
 */
public interface DeletionGuard {

    /** Why the resource must be kept (e.g. "Plan is used by 3 subscriptions"), or empty to allow deletion. */
    Optional<String> reasonToKeep(GuardedResource resource, String id);
}
