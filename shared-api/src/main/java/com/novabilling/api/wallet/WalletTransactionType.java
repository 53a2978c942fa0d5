package com.novabilling.api.wallet;

/**
 * What a wallet transaction did (docs/billing-rules.md §15): PURCHASED and GRANTED bring credit in, INVOICED (spent on
 * an invoice at its finalization) and VOIDED (voided by hand, by termination or by expiry) take it out.
 */
public enum WalletTransactionType {
    PURCHASED, GRANTED, INVOICED, VOIDED;

    /** PURCHASED and GRANTED: credit that later outbound transactions draw from. */
    public boolean inbound() {
        return this == PURCHASED || this == GRANTED;
    }
}
