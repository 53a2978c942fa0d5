package com.novabilling.billing.invoice;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Steps 4 and 5 (docs/billing-rules.md §13.2): balances drawn in order, each {@code applied = min(its balance, what
 * remains)}, one negative line per balance drawn. Balances in another currency, empty ones, and any after the
 * remainder reached 0 are left untouched.
 */
final class BalanceApplication {

    private BalanceApplication() {
    }

    record Result(List<InvoiceLine> lines, List<BalanceDraw> draws, Money applied) {
    }

    private record Balance(String id, String description, Money available) {
    }

    /** Step 4: credit notes, oldest first (issue date; equal dates keep the order given). */
    static Result creditNotes(CurrencyCode currency, Money remaining, List<AvailableCredit> credits) {
        List<Balance> balances = credits.stream()
                .sorted(Comparator.comparing(AvailableCredit::issuedAt))
                .map(credit -> new Balance(credit.creditNoteId(),
                        "Credit note " + (credit.number() == null ? credit.creditNoteId() : credit.number()),
                        credit.remaining()))
                .toList();
        return draw(currency, remaining, balances, InvoiceLineType.CREDIT_NOTE);
    }

    /** Step 5: wallets in the order given (the seam of issue 13). */
    static Result wallets(CurrencyCode currency, Money remaining, List<WalletFunds> wallets) {
        List<Balance> balances = wallets.stream()
                .map(wallet -> new Balance(wallet.walletId(), "Prepaid credits", wallet.spendable()))
                .toList();
        return draw(currency, remaining, balances, InvoiceLineType.WALLET);
    }

    private static Result draw(CurrencyCode currency, Money remaining, List<Balance> balances, InvoiceLineType type) {
        List<InvoiceLine> lines = new ArrayList<>();
        List<BalanceDraw> draws = new ArrayList<>();
        Money left = remaining;
        for (Balance balance : balances) {
            if (left.isZero()) {
                break;
            }
            if (balance.available().currency() != currency || balance.available().isZero()) {
                continue;
            }
            Money applied = balance.available().min(left);
            left = left.minus(applied);
            lines.add(new InvoiceLine(type, balance.description(), null, null, applied.negate(), null, null, null,
                    balance.id(), null, null, List.of(), null));
            draws.add(new BalanceDraw(balance.id(), applied, balance.available().minus(applied)));
        }
        return new Result(lines, draws, remaining.minus(left));
    }
}
