package com.novabilling.command.customer;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Asks every {@link CustomerDeletionGuard} in the application; the first reason to keep the customer wins. */
@Component
public class CustomerDeletionPolicy {

    private final List<CustomerDeletionGuard> guards;

    public CustomerDeletionPolicy(List<CustomerDeletionGuard> guards) {
        this.guards = List.copyOf(guards);
    }

    public Optional<String> reasonToKeep(String customerId) {
        return guards.stream()
                .map(guard -> guard.reasonToKeep(customerId))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
