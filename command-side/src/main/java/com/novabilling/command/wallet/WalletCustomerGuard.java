package com.novabilling.command.wallet;

import com.novabilling.command.customer.CustomerLookupTable;
import com.novabilling.command.reference.DeletionGuard;
import com.novabilling.command.reference.GuardedResource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * A customer with an ACTIVE wallet keeps it (docs/billing-rules.md §15): its credits would otherwise be stranded on a
 * deleted customer. Terminating the wallet first voids what remains, on the record. Locks the customer's lookup row
 * FOR UPDATE first; creating a wallet holds it FOR SHARE ({@link LookupWalletCustomers}), so the later of the two
 * waits and then sees the other.
 */
@Component
public class WalletCustomerGuard implements DeletionGuard {

    private static final int NAMED = 5;

    private final CustomerLookupTable customers;
    private final WalletLookupTable wallets;

    public WalletCustomerGuard(CustomerLookupTable customers, WalletLookupTable wallets) {
        this.customers = customers;
        this.wallets = wallets;
    }

    @Override
    public Optional<String> reasonToKeep(GuardedResource resource, String id) {
        if (resource != GuardedResource.CUSTOMER) {
            return Optional.empty();
        }
        customers.lock(id, true);
        List<String> active = wallets.activeWalletsOf(id, NAMED + 1);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        String named = String.join(", ", active.subList(0, Math.min(NAMED, active.size())))
                + (active.size() > NAMED ? ", …" : "");
        return Optional.of("Customer has active wallets " + named
                + "; terminate them first (DELETE /wallets/{id} voids what remains)");
    }
}
