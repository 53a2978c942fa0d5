package com.novabilling.command.customer;

import java.util.Optional;

/**
 * Lets another feature veto the deletion of a customer it still depends on. Implementations are Spring beans;
 * they run inside the delete command's transaction, in the customer's tenant.
 */
public interface CustomerDeletionGuard {

    /** Why the customer must be kept (e.g. "Customer has active subscriptions"), or empty to allow deletion. */
    Optional<String> reasonToKeep(String customerId);
}
