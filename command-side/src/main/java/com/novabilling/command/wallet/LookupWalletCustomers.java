package com.novabilling.command.wallet;

import com.novabilling.command.customer.CustomerLookupTable;
import org.springframework.stereotype.Component;

/** {@link WalletCustomers} over the tenant's {@code customer_lookup} table, as subscriptions check theirs. */
@Component
public class LookupWalletCustomers implements WalletCustomers {

    private final CustomerLookupTable customers;

    public LookupWalletCustomers(CustomerLookupTable customers) {
        this.customers = customers;
    }

    @Override
    public boolean holdLive(String customerId) {
        return customers.lock(customerId, false).map(row -> !row.deleted()).orElse(false);
    }
}
