package com.novabilling.billing.invoice;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Step 5 of docs/billing-rules.md §13.2 applied to an invoice as it finalizes (§15): the customer's wallets, in the
 * order given (priority, then age), pay {@code min(spendable, what remains)} each of what is left after credit notes.
 * One WALLET line per wallet drawn; totals recomputed from them, nothing rounded (the amounts are minor units already).
 */
public final class WalletPayment {

    private WalletPayment() {
    }

    /** The WALLET lines added, the totals afterwards and what each wallet gave. */
    public record Result(List<InvoiceLine> walletLines, InvoiceTotals totals, List<BalanceDraw> draws) {
    }

    /**
     * @param totals the invoice's totals before step 5: nothing paid and no wallet drawn yet
     * @return empty when no wallet gives anything (none given, all empty, another currency, nothing due)
     * @throws IllegalArgumentException when the invoice already has payments or wallet credit
     */
    public static Optional<Result> atFinalization(CurrencyCode currency, List<InvoiceLine> lines, InvoiceTotals totals,
                                                  List<WalletFunds> wallets) {
        Objects.requireNonNull(wallets, "wallets");
        if (!totals.walletAmount().isZero() || !totals.amountPaid().isZero()
                || lines.stream().anyMatch(line -> line.type() == InvoiceLineType.WALLET)) {
            throw new IllegalArgumentException("wallets pay an invoice once, before any payment");
        }
        BalanceApplication.Result applied = BalanceApplication.wallets(currency, totals.amountDue(), wallets);
        if (applied.applied().isZero()) {
            return Optional.empty();
        }
        Money walletAmount = applied.applied();
        InvoiceTotals after = new InvoiceTotals(totals.subtotal(), totals.discountAmount(), totals.taxAmount(),
                totals.total(), totals.creditNotesAmount(), walletAmount, totals.amountPaid(),
                totals.amountDue().minus(walletAmount));
        return Optional.of(new Result(applied.lines(), after, applied.draws()));
    }
}
