package com.novabilling.command.customer;

import com.novabilling.api.error.ConflictException;

final class CustomerConflicts {

    private CustomerConflicts() {
    }

    static ConflictException emailTaken(String email) {
        return new ConflictException("email", "A customer with email '" + email + "' already exists");
    }

    static ConflictException externalIdTaken(String externalId) {
        return new ConflictException("externalId", "A customer with externalId '" + externalId + "' already exists");
    }
}
