package com.novabilling.command.customer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory stand-in for the lookup table: value -> owning customer id. */
class FakeCustomerLookup implements CustomerLookup {

    private final Map<String, String> emailOwners = new HashMap<>();
    private final Map<String, String> externalIdOwners = new HashMap<>();

    FakeCustomerLookup withEmail(String email, String ownerId) {
        emailOwners.put(email, ownerId);
        return this;
    }

    FakeCustomerLookup withExternalId(String externalId, String ownerId) {
        externalIdOwners.put(externalId, ownerId);
        return this;
    }

    @Override
    public boolean emailTaken(String email, String exceptCustomerId) {
        return takenByOther(emailOwners.get(email), exceptCustomerId);
    }

    @Override
    public boolean externalIdTaken(String externalId, String exceptCustomerId) {
        return takenByOther(externalIdOwners.get(externalId), exceptCustomerId);
    }

    @Override
    public Optional<CustomerFacts> find(String customerId) {
        return Optional.empty();
    }

    private static boolean takenByOther(String owner, String exceptCustomerId) {
        return owner != null && !owner.equals(exceptCustomerId);
    }
}
