package com.novabilling.command.wallet;

import com.novabilling.api.id.ResourceIds;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.command.invoice.InvoiceIds;

/**
 * A wallet's transactions have ids derived from what caused them ({@code wtx_}…), so a repeated command addresses the
 * transactions it already made.
 */
public final class WalletIds {

    static final String TRANSACTION_PREFIX = "wtx_";

    private WalletIds() {
    }

    /** The transaction of {@code type} that the wallet's creation made. */
    static String created(String walletId, WalletTransactionType type) {
        return transaction(walletId, "create", type);
    }

    /** The transaction of {@code type} that the top-up {@code topUpId} made. */
    static String topUp(String walletId, String topUpId, WalletTransactionType type) {
        return transaction(walletId, "top-up/" + topUpId, type);
    }

    /** The INVOICED transaction of {@code invoiceId} (one per wallet and invoice). */
    static String invoiced(String walletId, String invoiceId) {
        return transaction(walletId, "invoice/" + invoiceId, WalletTransactionType.INVOICED);
    }

    /** The VOIDED transaction that ended the wallet (terminated or expired). */
    static String ended(String walletId) {
        return transaction(walletId, "end", WalletTransactionType.VOIDED);
    }

    /** The id of the credit-purchase invoice of a PURCHASED transaction ({@link InvoiceIds#forWalletPurchase}). */
    public static String purchaseInvoiceId(String transactionId) {
        return InvoiceIds.forWalletPurchase(transactionId);
    }

    private static String transaction(String walletId, String cause, WalletTransactionType type) {
        return ResourceIds.derivedId(TRANSACTION_PREFIX, walletId + "/" + cause + "/" + type);
    }
}
