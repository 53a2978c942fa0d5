package com.novabilling.app.ledger;

import java.util.List;

/** The names of the ledger verifier's checks, as they appear in a violation's {@code check}. */
public final class LedgerChecks {

    /** An invoice's totals against its own lines, and the amount-due identity (read model and event store alike). */
    public static final String INVOICE_TOTALS = "invoice-totals";
    /** The invoice read model against the invoice folded from its events. */
    public static final String INVOICE_READ_MODEL = "invoice-read-model";
    /** What wallets say they paid an invoice against the invoice's wallet amount. */
    public static final String INVOICE_WALLET = "invoice-wallet";
    /** A credit note consumed beyond its credit, or its remaining credit not what its consumptions leave. */
    public static final String CREDIT_NOTE_CONSUMPTION = "credit-note-consumption";
    /** The credit note read model and the command side's {@code credit_note_balance} against the events. */
    public static final String CREDIT_NOTE_READ_MODEL = "credit-note-read-model";
    /** Invoice numbers 1…counter each used exactly once, written as {@code INV-000001}. */
    public static final String INVOICE_NUMBERS = "invoice-numbers";
    /** Credit-note numbers 1…counter each used exactly once, written as {@code CN-000001}. */
    public static final String CREDIT_NOTE_NUMBERS = "credit-note-numbers";
    /** A wallet's balance against its settled transactions, never negative. */
    public static final String WALLET_BALANCE = "wallet-balance";
    /** The wallet read model (when the tenant's database has one) against the wallet's events. */
    public static final String WALLET_READ_MODEL = "wallet-read-model";
    /** A USAGE line re-rated from the stored usage events: units, amount, event count and digest. */
    public static final String USAGE_RERATING = "usage-rerating";

    public static final List<String> ALL = List.of(INVOICE_TOTALS, INVOICE_READ_MODEL, INVOICE_WALLET,
            CREDIT_NOTE_CONSUMPTION, CREDIT_NOTE_READ_MODEL, INVOICE_NUMBERS, CREDIT_NOTE_NUMBERS, WALLET_BALANCE,
            WALLET_READ_MODEL, USAGE_RERATING);

    private LedgerChecks() {
    }
}
