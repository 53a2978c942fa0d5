package com.novabilling.command.addon;

import com.novabilling.command.reference.DeletionGuard;
import com.novabilling.command.reference.GuardedResource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** A customer with applied add-ons waiting for an invoice owes them; it stays until they are invoiced or removed. */
@Component
public class AddOnCustomerGuard implements DeletionGuard {

    private final AddOnLookupTable lookup;

    public AddOnCustomerGuard(AddOnLookupTable lookup) {
        this.lookup = lookup;
    }

    @Override
    public Optional<String> reasonToKeep(GuardedResource resource, String id) {
        if (resource != GuardedResource.CUSTOMER) {
            return Optional.empty();
        }
        List<String> pending = lookup.pendingApplicationsOf(id);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Customer has pending add-ons " + String.join(", ", pending)
                + " waiting for an invoice; remove them first (DELETE /add-ons/applied/{id})");
    }
}
