package com.novabilling.command.wallet;

/**
 * The customer a new wallet belongs to, checked in the create command's transaction ({@link LookupWalletCustomers}).
 * The check holds the customer's row until the transaction ends, so a wallet and a concurrent deletion of its
 * customer cannot both succeed ({@link WalletCustomerGuard} takes the same row FOR UPDATE).
 */
public interface WalletCustomers {

    /** Every customer exists: for fixture tests that are not about the customer. */
    WalletCustomers ANY = customerId -> true;

    /** Whether the customer exists and is not deleted, its row held FOR SHARE until the transaction ends. */
    boolean holdLive(String customerId);
}
