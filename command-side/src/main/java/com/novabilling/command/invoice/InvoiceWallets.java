package com.novabilling.command.invoice;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.billing.invoice.BalanceDraw;
import com.novabilling.billing.invoice.WalletFunds;

import java.time.Instant;
import java.util.List;

/**
 * The customer's wallets at an invoice's finalization (docs/billing-rules.md §13.2 step 5, §15), implemented by the
 * wallet feature. Both calls run in the finalizing command's transaction: {@link #fundsFor} takes the customer's lock,
 * held until that transaction ends, so two finalizations never count the same credit; {@link #spend} records the
 * spending on each wallet, and a wallet refusing it rolls the finalization back.
 */
public interface InvoiceWallets {

    /** No wallets (tests, and invoices that are not to be paid from wallets). */
    InvoiceWallets NONE = new InvoiceWallets() {
        @Override
        public List<WalletFunds> fundsFor(String invoiceId, String customerId, CurrencyCode currency, Instant at) {
            return List.of();
        }

        @Override
        public void spend(String invoiceId, List<BalanceDraw> draws) {
            if (!draws.isEmpty()) {
                throw new IllegalStateException("no wallets to spend from");
            }
        }
    };

    /**
     * Locks the customer's wallets and answers what each may spend at {@code at}, in spending order (priority, then
     * age); empty for a credit-purchase invoice, which is never paid from a wallet.
     */
    List<WalletFunds> fundsFor(String invoiceId, String customerId, CurrencyCode currency, Instant at);

    /** Spends what {@link com.novabilling.billing.invoice.WalletPayment} drew, one transaction per wallet. */
    void spend(String invoiceId, List<BalanceDraw> draws);
}
