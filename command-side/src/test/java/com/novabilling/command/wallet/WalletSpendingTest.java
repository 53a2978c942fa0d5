package com.novabilling.command.wallet;

import com.novabilling.api.money.Money;
import com.novabilling.api.wallet.ConsumeWalletCreditsCommand;
import com.novabilling.api.wallet.InboundCredit;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.api.wallet.WalletCredits;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.billing.invoice.BalanceDraw;
import com.novabilling.billing.invoice.ComputedInvoice;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.billing.invoice.InvoiceCalculator;
import com.novabilling.billing.invoice.InvoiceFacts;
import com.novabilling.billing.invoice.WalletFunds;
import com.novabilling.command.support.FixtureClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.novabilling.api.money.CurrencyCode.KES;
import static com.novabilling.api.wallet.WalletTransactionStatus.PENDING;
import static com.novabilling.api.wallet.WalletTransactionStatus.SETTLED;
import static com.novabilling.api.wallet.WalletTransactionType.GRANTED;
import static com.novabilling.api.wallet.WalletTransactionType.INVOICED;
import static com.novabilling.api.wallet.WalletTransactionType.PURCHASED;
import static com.novabilling.command.wallet.WalletTest.dec;
import static com.novabilling.command.wallet.WalletTest.draw;
import static com.novabilling.command.wallet.WalletTest.kes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * W4 (docs/billing-rules.md §15) from the wallets' side to the invoice's and back: the customer's wallets in spending order
 * ({@link WalletCredits#spendingOrder}), their settled balances as the billing engine's {@link WalletFunds} at step 5,
 * and what the engine took sent to each wallet as {@link ConsumeWalletCreditsCommand} — how invoice finalization is
 * to use the wallets.
 */
class WalletSpendingTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    /** A wallet as a lookup would list it for an invoice: priority, age, settled balance. */
    record WalletRow(String walletId, int priority, Instant createdAt, Money settled) {
    }

    @Test
    void w4WalletOneGives200GrantedThen800PurchasedWalletTwoNothing500Due() {
        String wallet1 = "wal_000000000000000000000001";
        String wallet2 = "wal_000000000000000000000002";
        // wallet 2 is the older one, but priority 2: wallet 1 (priority 1) is spent first
        List<WalletRow> rows = List.of(
                new WalletRow(wallet2, 2, T0.minusSeconds(86_400), kes("0.00")),
                new WalletRow(wallet1, 1, T0, kes("1000.00")));
        Comparator<WalletRow> order = WalletCredits.spendingOrder(WalletRow::priority, WalletRow::createdAt,
                WalletRow::walletId);
        List<WalletFunds> funds = rows.stream().sorted(order)
                .map(row -> new WalletFunds(row.walletId(), row.settled())).toList();
        assertThat(funds).extracting(WalletFunds::walletId).containsExactly(wallet1, wallet2);

        // an invoice whose remaining total after credit notes is 1,500.00
        ComputedInvoice invoice = InvoiceCalculator.compute(InvoiceFacts.of(KES,
                        List.of(FeeLine.subscription("plan", "Base", kes("1500.00"), T0, T0.plusSeconds(86_400))))
                .withWallets(funds));
        assertThat(invoice.wallets()).containsExactly(new BalanceDraw(wallet1, kes("1000.00"), kes("0.00")));
        assertThat(invoice.totals().walletAmount()).isEqualTo(kes("1000.00"));
        assertThat(invoice.totals().amountDue()).isEqualTo(kes("500.00"));

        // wallet 1 records the spend, granted first: 200.00 granted then 800.00 purchased
        WalletTransactionCreatedEvent grant = new WalletTransactionCreatedEvent(wallet1, "cus_1", "wtx_g",
                GRANTED, SETTLED, dec("200"), kes("200.00"), null,
                List.of(), T0, kes("200.00"));
        WalletTransactionCreatedEvent purchase = new WalletTransactionCreatedEvent(wallet1, "cus_1", "wtx_p",
                PURCHASED, SETTLED, dec("800"), kes("800.00"),
                WalletIds.purchaseInvoiceId("wtx_p"), List.of(), T0, kes("1000.00"));
        FixtureConfiguration<Wallet> fixture = new AggregateTestFixture<>(Wallet.class);
        fixture.registerInjectableResource(new FixtureClock());
        fixture.registerInjectableResource(WalletCustomers.ANY);
        BalanceDraw spent = invoice.wallets().get(0);
        fixture.givenCurrentTime(T0)
                .andGiven(new WalletCreatedEvent(wallet1, "cus_1", null, KES, dec("1"), 1, null, false, Map.of(), T0),
                        grant, purchase)
                .when(new ConsumeWalletCreditsCommand(spent.sourceId(), "inv_w4", spent.consumed()))
                .expectEvents(new WalletTransactionCreatedEvent(wallet1, "cus_1", WalletIds.invoiced(wallet1, "inv_w4"),
                        INVOICED, SETTLED, dec("1000"), kes("1000.00"), "inv_w4",
                        List.of(draw(grant, kes("200.00"), "200"), draw(purchase, kes("800.00"), "800")), T0,
                        kes("0.00")));

        // wallet 2's purchase of 2,000.00 is pending: nothing spendable
        assertThat(WalletCredits.spendable(KES, List.of(new InboundCredit("wtx_2",
                PURCHASED, PENDING, T0, kes("2000.00"),
                kes("2000.00"))))).isEqualTo(kes("0.00"));
    }
}
